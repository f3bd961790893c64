package dev.genaiotel.javaagent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Starts a plain application in a child JVM under the real OpenTelemetry Java agent with this extension, exporting
 * every signal as OTLP JSON through the agent's {@code logging-otlp} exporters, and reads what it exported.
 */
final class ChildJvm {

    /** Class path entries the plain application must not see: genai-otel itself and the test machinery. */
    private static final List<String> NOT_FOR_THE_APPLICATION = List.of("/dev/genaiotel/", "genai-",
            "wiremock", "junit", "assertj", "opentest4j", "apiguardian", "byte-buddy", "/io/opentelemetry/",
            "surefire", "failsafe", "/target/classes");

    /**
     * The OpenTelemetry API, which anthropic-java 3.x depends on (it records spans of its own through it): an
     * application with anthropic-java has it, so the plain application does too.
     */
    private static final List<String> CLIENT_LIBRARY_DEPENDENCIES = List.of("/opentelemetry-api/",
            "/opentelemetry-context/", "/opentelemetry-common/");

    /** What the child printed and exported. */
    record Run(String output, Otlp telemetry) {}

    private ChildJvm() {}

    /**
     * Runs {@code mainClass} with {@code args} under the agent and the extension, with {@code properties} as extra
     * JVM options; {@code libraryEntries} are class path entries of genai-otel's own library modules to give the
     * application as well (normally none).
     */
    static Run run(Class<?> mainClass, List<String> properties, Predicate<String> libraryEntries, String... args)
            throws Exception {
        String agent = required("genai.it.javaagent");
        String extension = required("genai.it.extension");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-javaagent:" + agent,
                "-Dotel.javaagent.extensions=" + extension,
                "-Dotel.service.name=plain-app",
                "-Dotel.traces.exporter=logging-otlp",
                "-Dotel.metrics.exporter=logging-otlp",
                "-Dotel.logs.exporter=logging-otlp",
                "-Dotel.metric.export.interval=600000",
                "-XX:TieredStopAtLevel=1"));
        command.addAll(properties);
        command.addAll(List.of("-cp", applicationClassPath(libraryEntries), mainClass.getName()));
        command.addAll(Arrays.asList(args));
        Path logs = Path.of(required("genai.it.logs"));
        Files.createDirectories(logs);
        Path log = logs.resolve(mainClass.getSimpleName() + "-" + String.join("_", args).replaceAll("[^A-Za-z0-9_,-]",
                "") + ".log");
        {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                    .start();
            boolean finished = process.waitFor(180, TimeUnit.SECONDS);
            if (!finished) {
                process.destroyForcibly();
            }
            String output = Files.readString(log);
            assertThat(finished).as("child JVM finished (output in %s)", log).isTrue();
            assertThat(process.exitValue()).as("child JVM exit code (output in %s)", log).isZero();
            return new Run(output, Otlp.parse(output));
        }
    }

    private static String applicationClassPath(Predicate<String> libraryEntries) {
        String testClasses = required("genai.it.test-classes");
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> entries = new ArrayList<>();
        entries.add(testClasses);
        for (String entry : classPath.split(File.pathSeparator)) {
            if (entry.isBlank() || entry.equals(testClasses)) {
                continue;
            }
            String normalized = entry.replace(File.separatorChar, '/');
            if (libraryEntries.test(normalized) || CLIENT_LIBRARY_DEPENDENCIES.stream().anyMatch(normalized::contains)
                    || NOT_FOR_THE_APPLICATION.stream().noneMatch(normalized::contains)) {
                entries.add(entry);
            }
        }
        return entries.stream().collect(Collectors.joining(File.pathSeparator));
    }

    private static String required(String property) {
        return Objects.requireNonNull(System.getProperty(property), property);
    }
}
