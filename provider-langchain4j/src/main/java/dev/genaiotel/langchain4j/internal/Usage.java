package dev.genaiotel.langchain4j.internal;

import dev.genaiotel.core.TokenUsage;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * LangChain4j's {@link dev.langchain4j.model.output.TokenUsage} as the core's {@link TokenUsage}, including the
 * cached-input and reasoning-output counts that provider subclasses expose (such as {@code OpenAiTokenUsage}'s
 * {@code inputTokensDetails().cachedTokens()} and {@code outputTokensDetails().reasoningTokens()}). Those classes
 * live in provider modules this module does not depend on, so their accessors are looked up once per class and
 * cached; the base class costs no lookup at all.
 */
final class Usage {

    private static final ClassValue<Method> INPUT_DETAILS = accessor("inputTokensDetails");
    private static final ClassValue<Method> OUTPUT_DETAILS = accessor("outputTokensDetails");
    private static final ClassValue<Method> CACHED_TOKENS = accessor("cachedTokens");
    private static final ClassValue<Method> REASONING_TOKENS = accessor("reasoningTokens");

    private Usage() {}

    /** The usage, or null when LangChain4j reported none. */
    static TokenUsage of(dev.langchain4j.model.output.TokenUsage usage) {
        if (usage == null) {
            return null;
        }
        Long input = toLong(usage.inputTokenCount());
        Long output = toLong(usage.outputTokenCount());
        Long cached = null;
        Long reasoning = null;
        if (usage.getClass() != dev.langchain4j.model.output.TokenUsage.class) {
            cached = detail(usage, INPUT_DETAILS, CACHED_TOKENS);
            reasoning = detail(usage, OUTPUT_DETAILS, REASONING_TOKENS);
        }
        if (input == null && output == null && cached == null && reasoning == null) {
            return null;
        }
        return new TokenUsage(input, output, cached, null, reasoning);
    }

    private static Long detail(Object usage, ClassValue<Method> outer, ClassValue<Method> inner) {
        try {
            Method details = outer.get(usage.getClass());
            if (details == null) {
                return null;
            }
            Object value = details.invoke(usage);
            if (value == null) {
                return null;
            }
            Method count = inner.get(value.getClass());
            return count == null ? null : count.invoke(value) instanceof Number number ? number.longValue() : null;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError failure) {
            FailSoft.log("token usage details", failure);
            return null;
        }
    }

    private static ClassValue<Method> accessor(String name) {
        return new ClassValue<>() {
            @Override
            protected Method computeValue(Class<?> type) {
                try {
                    Method method = type.getMethod(name);
                    if (Modifier.isPublic(method.getDeclaringClass().getModifiers())
                            && method.getParameterCount() == 0) {
                        return method;
                    }
                } catch (NoSuchMethodException | SecurityException e) {
                    return null;
                }
                return null;
            }
        };
    }

    private static Long toLong(Integer value) {
        return value == null ? null : value.longValue();
    }
}
