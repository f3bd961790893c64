package dev.genaiotel.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.module.FindException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every {@code ```java} block of every README in the repository compiles against the reactor's artifacts, so that the
 * documentation cannot drift from the code. A block of statements is compiled as the body of a method of its own
 * class, with the imports its simple names need and two givens, {@code OpenTelemetry openTelemetry} and
 * {@code GenAiTelemetry genAiTelemetry}. A block may name further givens (fields, nested types) in an HTML comment
 * right above it, which GitHub does not render: {@code <!-- compiled with: String apiKey; -->}. A block that
 * declares a module is compiled as a {@code module-info.java} on the module path.
 */
class ReadmeSnippetsTest {

    private static final Pattern GIVENS = Pattern.compile("<!--\\s*compiled with:(.*?)-->", Pattern.DOTALL);

    /** Simple names a snippet may use without importing them; the types the READMEs talk about. */
    private static final Map<String, String> IMPORTS = Map.ofEntries(
            Map.entry("List", "java.util.List"),
            Map.entry("Map", "java.util.Map"),
            Map.entry("Stream", "java.util.stream.Stream"),
            Map.entry("HttpClient", "java.net.http.HttpClient"),
            Map.entry("OpenTelemetry", "io.opentelemetry.api.OpenTelemetry"),
            Map.entry("Scope", "io.opentelemetry.context.Scope"),
            Map.entry("ContentCapture", "dev.genaiotel.core.ContentCapture"),
            Map.entry("UploadCompletionHook", "dev.genaiotel.core.UploadCompletionHook"),
            Map.entry("SemconvVersion", "dev.genaiotel.semconv.SemconvVersion"),
            Map.entry("Path", "java.nio.file.Path"),
            Map.entry("URI", "java.net.URI"),
            Map.entry("GenAiTelemetry", "dev.genaiotel.core.GenAiTelemetry"),
            Map.entry("Inference", "dev.genaiotel.core.Inference"),
            Map.entry("InferenceRequest", "dev.genaiotel.core.InferenceRequest"),
            Map.entry("InferenceResponse", "dev.genaiotel.core.InferenceResponse"),
            Map.entry("TokenUsage", "dev.genaiotel.core.TokenUsage"),
            Map.entry("FinishReason", "dev.genaiotel.semconv.FinishReason"),
            Map.entry("ProviderName", "dev.genaiotel.semconv.ProviderName"),
            Map.entry("InputMessage", "dev.genaiotel.semconv.message.InputMessage"),
            Map.entry("GenAiOpenTelemetry", "dev.genaiotel.autoconfigure.GenAiOpenTelemetry"),
            Map.entry("ExportPreset", "dev.genaiotel.autoconfigure.ExportPreset"),
            Map.entry("OpenAITelemetry", "dev.genaiotel.openai.OpenAITelemetry"),
            Map.entry("OpenAIClient", "com.openai.client.OpenAIClient"),
            Map.entry("OpenAIClientAsync", "com.openai.client.OpenAIClientAsync"),
            Map.entry("OpenAIOkHttpClient", "com.openai.client.okhttp.OpenAIOkHttpClient"),
            Map.entry("OpenAIOkHttpClientAsync", "com.openai.client.okhttp.OpenAIOkHttpClientAsync"),
            Map.entry("AnthropicTelemetry", "dev.genaiotel.anthropic.AnthropicTelemetry"),
            Map.entry("AnthropicClient", "com.anthropic.client.AnthropicClient"),
            Map.entry("AnthropicClientAsync", "com.anthropic.client.AnthropicClientAsync"),
            Map.entry("AnthropicOkHttpClient", "com.anthropic.client.okhttp.AnthropicOkHttpClient"),
            Map.entry("AnthropicOkHttpClientAsync", "com.anthropic.client.okhttp.AnthropicOkHttpClientAsync"),
            Map.entry("MessageCreateParams", "com.anthropic.models.messages.MessageCreateParams"),
            Map.entry("JsonValue", "com.anthropic.core.JsonValue"),
            Map.entry("BedrockTelemetry", "dev.genaiotel.bedrock.BedrockTelemetry"),
            Map.entry("BedrockRuntimeClient", "software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient"),
            Map.entry("BedrockRuntimeAsyncClient",
                    "software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient"),
            Map.entry("BedrockAgentRuntimeAsyncClient",
                    "software.amazon.awssdk.services.bedrockagentruntime.BedrockAgentRuntimeAsyncClient"),
            Map.entry("OllamaTelemetry", "dev.genaiotel.ollama.OllamaTelemetry"),
            Map.entry("OllamaClient", "dev.genaiotel.ollama.OllamaClient"),
            Map.entry("ChatMessage", "dev.genaiotel.ollama.ChatMessage"),
            Map.entry("ChatRequest", "dev.genaiotel.ollama.ChatRequest"),
            Map.entry("ChatResponse", "dev.genaiotel.ollama.ChatResponse"),
            Map.entry("GenerateRequest", "dev.genaiotel.ollama.GenerateRequest"),
            Map.entry("GenerateResponse", "dev.genaiotel.ollama.GenerateResponse"),
            Map.entry("EmbedRequest", "dev.genaiotel.ollama.EmbedRequest"),
            Map.entry("EmbedResponse", "dev.genaiotel.ollama.EmbedResponse"),
            Map.entry("McpTelemetry", "dev.genaiotel.mcp.McpTelemetry"),
            Map.entry("McpClient", "io.modelcontextprotocol.client.McpClient"),
            Map.entry("McpSyncClient", "io.modelcontextprotocol.client.McpSyncClient"),
            Map.entry("HttpClientStreamableHttpTransport",
                    "io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport"),
            Map.entry("McpServer", "io.modelcontextprotocol.server.McpServer"),
            Map.entry("McpStatelessSyncServer", "io.modelcontextprotocol.server.McpStatelessSyncServer"),
            Map.entry("McpStatelessServerFeatures", "io.modelcontextprotocol.server.McpStatelessServerFeatures"),
            Map.entry("HttpServletStatelessServerTransport",
                    "io.modelcontextprotocol.server.transport.HttpServletStatelessServerTransport"),
            Map.entry("McpSyncServer", "io.modelcontextprotocol.server.McpSyncServer"),
            Map.entry("McpServerFeatures", "io.modelcontextprotocol.server.McpServerFeatures"),
            Map.entry("StdioServerTransportProvider",
                    "io.modelcontextprotocol.server.transport.StdioServerTransportProvider"),
            Map.entry("McpJsonDefaults", "io.modelcontextprotocol.json.McpJsonDefaults"),
            Map.entry("LangChain4jTelemetry", "dev.genaiotel.langchain4j.LangChain4jTelemetry"),
            Map.entry("ChatModel", "dev.langchain4j.model.chat.ChatModel"),
            Map.entry("StreamingChatModel", "dev.langchain4j.model.chat.StreamingChatModel"),
            Map.entry("EmbeddingModel", "dev.langchain4j.model.embedding.EmbeddingModel"),
            Map.entry("OpenAiChatModel", "dev.langchain4j.model.openai.OpenAiChatModel"),
            Map.entry("OpenAiStreamingChatModel", "dev.langchain4j.model.openai.OpenAiStreamingChatModel"),
            Map.entry("OpenAiEmbeddingModel", "dev.langchain4j.model.openai.OpenAiEmbeddingModel"),
            Map.entry("AiServices", "dev.langchain4j.service.AiServices"),
            // Ollama's typed client has a Tool record too; only the LangChain4j README uses the annotation.
            Map.entry("Tool", "dev.genaiotel.ollama.Tool"),
            Map.entry("P", "dev.langchain4j.agent.tool.P"));

    private static final Map<String, String> LANGCHAIN4J_IMPORTS = Map.of("Tool", "dev.langchain4j.agent.tool.Tool");

    private static Path root;

    @BeforeAll
    static void findRepository() {
        root = Path.of(System.getProperty("genaiotel.repository.root", "..")).toAbsolutePath().normalize();
    }

    /** One {@code ```java} block: where it is, what it says, and the givens declared above it. */
    record Snippet(Path readme, int line, String code, String givens) {

        boolean declaresModule() {
            return code.stripLeading().startsWith("module ");
        }

        String className() {
            String name = root.relativize(readme).toString().replaceAll("[^A-Za-z0-9]", "_");
            return "Snippet_" + name + "_" + line;
        }

        String where() {
            return root.relativize(readme) + ":" + line;
        }
    }

    static List<Path> readmes() throws IOException {
        try (Stream<Path> files = Files.walk(root, 3)) {
            return files.filter(path -> path.getFileName().toString().equals("README.md"))
                    .filter(path -> root.relativize(path).toString().split("[/\\\\]").length <= 3)
                    .filter(path -> !root.relativize(path).toString().contains("target"))
                    .sorted()
                    .collect(Collectors.toList());
        }
    }

    static List<Snippet> snippets(Path readme) throws IOException {
        List<String> lines = Files.readAllLines(readme);
        List<Snippet> found = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).strip().equals("```java")) {
                continue;
            }
            int start = i + 1;
            int end = start;
            while (end < lines.size() && !lines.get(end).strip().startsWith("```")) {
                end++;
            }
            found.add(new Snippet(readme, start + 1, String.join("\n", lines.subList(start, end)),
                    givensAbove(lines, i)));
            i = end;
        }
        return found;
    }

    /** The {@code <!-- compiled with: ... -->} comment ending on the line above the fence, if any. */
    private static String givensAbove(List<String> lines, int fence) {
        int last = fence - 1;
        if (last < 0 || !lines.get(last).strip().endsWith("-->")) {
            return "";
        }
        int first = last;
        while (first > 0 && !lines.get(first).contains("<!--")) {
            first--;
        }
        Matcher matcher = GIVENS.matcher(String.join("\n", lines.subList(first, last + 1)));
        return matcher.find() ? matcher.group(1).strip() : "";
    }

    static String source(Snippet snippet) {
        boolean langChain4j = snippet.readme().toString().contains("langchain4j");
        String text = snippet.code() + "\n" + snippet.givens();
        StringBuilder source = new StringBuilder();
        IMPORTS.forEach((simpleName, qualified) -> {
            String chosen = langChain4j ? LANGCHAIN4J_IMPORTS.getOrDefault(simpleName, qualified) : qualified;
            if (Pattern.compile("\\b" + simpleName + "\\b").matcher(text).find()) {
                source.append("import ").append(chosen).append(";\n");
            }
        });
        source.append("@SuppressWarnings(\"unused\")\nclass ").append(snippet.className()).append(" {\n")
                .append("OpenTelemetry openTelemetry;\nGenAiTelemetry genAiTelemetry;\n")
                .append(snippet.givens()).append('\n')
                .append("void snippet() throws Exception {\n")
                .append("// README LINE\n")
                .append(snippet.code()).append("\n}\n}\n");
        if (!source.toString().contains("import io.opentelemetry.api.OpenTelemetry;")) {
            source.insert(0, "import io.opentelemetry.api.OpenTelemetry;\n");
        }
        if (!source.toString().contains("import dev.genaiotel.core.GenAiTelemetry;")) {
            source.insert(0, "import dev.genaiotel.core.GenAiTelemetry;\n");
        }
        return source.toString();
    }

    /** A source in memory, named so that javac accepts it. */
    private static JavaFileObject inMemory(String name, String code) {
        return new SimpleJavaFileObject(URI.create("string:///" + name + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return code;
            }
        };
    }

    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    /**
     * Compiles the statement snippets together and returns the errors, each with the README file and line it comes
     * from; empty when all compile.
     */
    static List<String> compileErrors(List<Snippet> snippets, Path output) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<JavaFileObject> sources = new ArrayList<>();
        Map<String, Snippet> byClass = new HashMap<>();
        Map<String, Long> firstLine = new HashMap<>();
        for (Snippet snippet : snippets) {
            String source = source(snippet);
            sources.add(inMemory(snippet.className(), source));
            byClass.put(snippet.className(), snippet);
            firstLine.put(snippet.className(), source.lines().takeWhile(l -> !l.equals("// README LINE")).count() + 2);
        }
        List<String> options = List.of("-proc:none", "-classpath", classPath(), "-d", output.toString());
        Boolean ok = javac.getTask(new StringWriter(), null, diagnostics, options, null, sources).call();
        List<String> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
            if (diagnostic.getKind() != Diagnostic.Kind.ERROR) {
                continue;
            }
            String name = diagnostic.getSource() == null ? "" : diagnostic.getSource().getName()
                    .replaceAll(".*/", "").replace(".java", "");
            Snippet snippet = byClass.get(name);
            String where = snippet == null ? name
                    : root.relativize(snippet.readme()) + ":"
                            + (snippet.line() + diagnostic.getLineNumber() - firstLine.get(name));
            errors.add(where + ": " + diagnostic.getMessage(Locale.ROOT));
        }
        if (!ok && errors.isEmpty()) {
            errors.add("javac failed without an error diagnostic");
        }
        return errors;
    }

    private static List<Snippet> allSnippets() throws IOException {
        List<Snippet> all = new ArrayList<>();
        for (Path readme : readmes()) {
            all.addAll(snippets(readme));
        }
        return all;
    }

    @Test
    void everyReadmeWithJavaHasItsBlocksFound() throws IOException {
        List<Path> withJava = new ArrayList<>();
        for (Path readme : readmes()) {
            if (Files.readString(readme).contains("```java")) {
                withJava.add(readme);
                assertThat(snippets(readme)).as(readme.toString()).isNotEmpty();
            }
        }
        assertThat(withJava).extracting(path -> root.relativize(path).toString().replace('\\', '/'))
                .contains("README.md", "provider-openai/README.md", "provider-bedrock/README.md",
                        "provider-ollama/README.md", "provider-langchain4j/README.md", "provider-mcp/README.md");
    }

    @Test
    void everyJavaSnippetOfEveryReadmeCompiles() throws IOException {
        List<Snippet> statements = allSnippets().stream().filter(s -> !s.declaresModule())
                .collect(Collectors.toList());
        Path output = Files.createTempDirectory("readme-snippets");

        assertThat(compileErrors(statements, output)).isEmpty();
        assertThat(statements).hasSizeGreaterThan(10);
    }

    @Test
    void aSnippetThatDoesNotCompileIsReportedWithItsReadmeLine() throws IOException {
        Snippet broken = new Snippet(root.resolve("README.md"), 42,
                "OpenAIClient client = OpenAITelemetry.create(openTelemetry);", "");

        List<String> errors = compileErrors(List.of(broken), Files.createTempDirectory("readme-snippets"));

        assertThat(errors).singleElement().asString().startsWith("README.md:42: ").contains("incompatible types");
    }

    @Test
    void everyModuleDeclarationOfEveryReadmeCompilesOnTheModulePathWithTheSnippetAfterIt() throws IOException {
        int modules = 0;
        for (Path readme : readmes()) {
            List<Snippet> snippets = snippets(readme);
            for (int i = 0; i < snippets.size(); i++) {
                if (snippets.get(i).declaresModule()) {
                    modules++;
                    Snippet next = i + 1 < snippets.size() && !snippets.get(i + 1).declaresModule()
                            ? snippets.get(i + 1) : null;
                    assertThat(moduleErrors(snippets.get(i), next)).as(snippets.get(i).where()).isEmpty();
                }
            }
        }
        assertThat(modules).isPositive();
    }

    /**
     * Compiles a module declaration on the module path, with the README's next snippet as a class inside that module:
     * the module must read every package the snippet uses.
     */
    private static List<String> moduleErrors(Snippet module, Snippet inside) throws IOException {
        List<JavaFileObject> sources = new ArrayList<>();
        sources.add(inMemory("module-info", module.code()));
        if (inside != null) {
            sources.add(inMemory("app/" + inside.className(), "package app;\n" + source(inside)));
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        String[] paths = paths(module.code());
        List<String> options = List.of("-proc:none", "--module-path", paths[0], "--class-path", paths[1], "-d",
                Files.createTempDirectory("readme-module").toString());
        ToolProvider.getSystemJavaCompiler().getTask(new StringWriter(), null, diagnostics, options, null, sources)
                .call();
        return diagnostics.getDiagnostics().stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(d -> d.getSource().getName() + ":" + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT))
                .collect(Collectors.toList());
    }

    /**
     * Splits the test class path the way Maven's compiler plugin does for a module: the modules the declaration
     * requires, and what they require in turn, go on the module path; everything else, including automatic modules
     * that nothing names, on the class path, where a named module cannot read it. Returns the two paths.
     */
    private static String[] paths(String moduleDeclaration) {
        String separator = System.getProperty("path.separator");
        Map<String, ModuleReference> byName = new HashMap<>();
        Map<ModuleReference, String> entries = new HashMap<>();
        for (String entry : classPath().split(separator)) {
            if (entry.isBlank() || entry.contains("test-classes")) {
                continue;
            }
            try {
                for (ModuleReference reference : ModuleFinder.of(Path.of(entry)).findAll()) {
                    byName.putIfAbsent(reference.descriptor().name(), reference);
                    entries.put(reference, entry);
                }
            } catch (FindException | IllegalArgumentException unnamed) {
                // not usable as a module: it stays on the class path
            }
        }
        Deque<String> pending = new ArrayDeque<>();
        Matcher requires = Pattern.compile("requires\\s+(?:transitive\\s+)?([\\w.]+)\\s*;")
                .matcher(moduleDeclaration);
        while (requires.find()) {
            pending.add(requires.group(1));
        }
        Set<String> modulePath = new LinkedHashSet<>();
        Set<String> seen = new HashSet<>();
        while (!pending.isEmpty()) {
            ModuleReference reference = byName.get(pending.poll());
            if (reference == null || !seen.add(reference.descriptor().name())) {
                continue;
            }
            modulePath.add(entries.get(reference));
            for (ModuleDescriptor.Requires required : reference.descriptor().requires()) {
                if (!required.modifiers().contains(ModuleDescriptor.Requires.Modifier.STATIC)) {
                    pending.add(required.name());
                }
            }
        }
        String classPath = Stream.of(classPath().split(separator)).filter(entry -> !modulePath.contains(entry))
                .collect(Collectors.joining(separator));
        return new String[] {String.join(separator, modulePath), classPath};
    }
}
