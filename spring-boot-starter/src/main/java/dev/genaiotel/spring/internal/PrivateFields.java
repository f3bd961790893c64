package dev.genaiotel.spring.internal;

import java.lang.reflect.Field;

/**
 * Reads a private field of a Spring AI model. Spring AI 2.0 builds the openai-java and anthropic-java clients inside
 * its models and offers no accessor for some of them (nor for the tool-calling manager and observation settings a
 * rebuilt model must keep), so the starter reads them to rebuild the model around instrumented clients. A field that
 * is missing or of another type (a Spring AI version that changed it) fails the rebuild, which then keeps the model
 * as it was.
 */
final class PrivateFields {

    private PrivateFields() {}

    /** The value of {@code name} in {@code owner}, declared by {@code declaring}, checked against {@code type}. */
    static <T> T read(Object owner, Class<?> declaring, String name, Class<T> type) {
        try {
            Field field = declaring.getDeclaredField(name);
            if (!type.isAssignableFrom(field.getType())) {
                throw new IllegalStateException(declaring.getName() + "." + name + " is a " + field.getType().getName()
                        + ", not a " + type.getName());
            }
            field.setAccessible(true);
            return type.cast(field.get(owner));
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("Cannot read " + declaring.getName() + "." + name, e);
        }
    }
}
