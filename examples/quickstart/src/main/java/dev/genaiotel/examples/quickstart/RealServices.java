package dev.genaiotel.examples.quickstart;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** The environment variables that point the demo at the real services instead of the embedded stand-ins. */
final class RealServices {

    private RealServices() {}

    /** Says which services are stand-ins in this run and which variables point the demo at the real ones. */
    static void printHint(PrintStream out) {
        List<String> standIns = new ArrayList<>();
        if (blank(System.getenv("OPENAI_API_KEY"))) {
            standIns.add("  OpenAI:    OPENAI_API_KEY (optionally OPENAI_BASE_URL for a compatible server)");
        }
        if (blank(System.getenv("AWS_ACCESS_KEY_ID")) && blank(System.getenv("AWS_PROFILE"))) {
            standIns.add("  Bedrock:   AWS_ACCESS_KEY_ID or AWS_PROFILE, with AWS_REGION"
                    + " (optionally BEDROCK_MODEL_ID)");
        }
        if (blank(System.getenv("ANTHROPIC_API_KEY"))) {
            standIns.add("  Anthropic: ANTHROPIC_API_KEY (optionally ANTHROPIC_MODEL)");
        }
        if (blank(System.getenv("OLLAMA_HOST"))) {
            standIns.add("  Ollama:    OLLAMA_HOST (optionally OLLAMA_MODEL)");
        }
        if (!standIns.isEmpty()) {
            out.println("Embedded stand-ins answer on loopback. To call the real services, set:");
            standIns.forEach(out::println);
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
