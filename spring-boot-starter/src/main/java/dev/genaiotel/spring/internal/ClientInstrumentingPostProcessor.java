package dev.genaiotel.spring.internal;

import dev.genaiotel.anthropic.AnthropicTelemetry;
import dev.genaiotel.core.GenAiTelemetry;
import dev.genaiotel.openai.OpenAITelemetry;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.util.ClassUtils;

/**
 * Replaces each Spring AI model bean whose provider genai-otel instruments at the client (OpenAI's chat and
 * embedding models on openai-java, Anthropic's chat model on anthropic-java) with the same model rebuilt around
 * wrapped clients. The replacement is of the bean's own class, so injection by concrete type keeps working. A model
 * that cannot be rebuilt stays as it was, is logged once, and its provider is then recorded at the model level
 * instead ({@link #clientInstrumented(String)} says which providers are not).
 */
public final class ClientInstrumentingPostProcessor implements BeanPostProcessor {

    private static final String SPRING_AI_PACKAGE = "org.springframework.ai.";

    private final ObjectProvider<GenAiTelemetry> telemetry;
    private final ClassLoader classLoader;
    private final Set<String> instrumented = ConcurrentHashMap.newKeySet();
    private final Set<String> failed = ConcurrentHashMap.newKeySet();
    private volatile List<ModelInstrumentation> instrumentations;

    /**
     * Instruments with the telemetry {@code telemetry} gives, looked up when the first Spring AI model is created.
     *
     * @param telemetry the application's telemetry
     * @param classLoader where Spring AI's and the client libraries' classes are looked for
     */
    public ClientInstrumentingPostProcessor(ObjectProvider<GenAiTelemetry> telemetry, ClassLoader classLoader) {
        this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
        this.classLoader = classLoader;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!bean.getClass().getName().startsWith(SPRING_AI_PACKAGE)) {
            return bean;
        }
        for (ModelInstrumentation instrumentation : instrumentations()) {
            try {
                Object replacement = instrumentation.instrument(bean);
                if (replacement != null) {
                    instrumented.add(instrumentation.providerName());
                    return replacement;
                }
            } catch (RuntimeException | LinkageError e) {
                failed.add(instrumentation.providerName());
                FailSoft.log("instrumenting the clients of bean '" + beanName + "' (" + bean.getClass().getName()
                        + "); it is recorded at the model level instead", e);
                return bean;
            }
        }
        return bean;
    }

    /**
     * True when every model bean of the Spring AI provider {@code providerName} ({@code openai}, ...) sends its
     * requests through an instrumented client, so the model level must not record its calls a second time.
     */
    public boolean clientInstrumented(String providerName) {
        return instrumented.contains(providerName) && !failed.contains(providerName);
    }

    private List<ModelInstrumentation> instrumentations() {
        List<ModelInstrumentation> result = instrumentations;
        if (result == null) {
            result = create();
            instrumentations = result;
        }
        return result;
    }

    private List<ModelInstrumentation> create() {
        List<ModelInstrumentation> result = new ArrayList<>(2);
        if (present("org.springframework.ai.openai.OpenAiChatModel", "com.openai.client.OpenAIClient",
                "dev.genaiotel.openai.OpenAITelemetry")) {
            try {
                result.add(new OpenAiModels(OpenAITelemetry.create(telemetry.getObject())));
            } catch (RuntimeException | LinkageError e) {
                failed.add("openai");
                FailSoft.log("setting up the openai-java instrumentation; OpenAI models are recorded at the model"
                        + " level instead", e);
            }
        }
        if (present("org.springframework.ai.anthropic.AnthropicChatModel", "com.anthropic.client.AnthropicClient",
                "dev.genaiotel.anthropic.AnthropicTelemetry")) {
            try {
                result.add(new AnthropicModels(AnthropicTelemetry.create(telemetry.getObject())));
            } catch (RuntimeException | LinkageError e) {
                failed.add("anthropic");
                FailSoft.log("setting up the anthropic-java instrumentation; Anthropic models are recorded at the"
                        + " model level instead", e);
            }
        }
        return List.copyOf(result);
    }

    private boolean present(String... classNames) {
        for (String name : classNames) {
            if (!ClassUtils.isPresent(name, classLoader)) {
                return false;
            }
        }
        return true;
    }
}
