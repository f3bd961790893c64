package dev.genaiotel.core.internal;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.logs.LogRecordBuilder;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;

/** Where attributes go: a span builder, a span, a log record or an attribute set. Null values are skipped. */
abstract class AttributeSink {

    abstract <T> void set(AttributeKey<T> key, T value);

    final <T> void put(AttributeKey<T> key, T value) {
        if (value != null) {
            set(key, value);
        }
    }

    abstract void putAll(Attributes attributes);

    static AttributeSink of(SpanBuilder builder) {
        return new AttributeSink() {
            @Override
            <T> void set(AttributeKey<T> key, T value) {
                builder.setAttribute(key, value);
            }

            @Override
            void putAll(Attributes attributes) {
                builder.setAllAttributes(attributes);
            }
        };
    }

    static AttributeSink of(Span span) {
        return new AttributeSink() {
            @Override
            <T> void set(AttributeKey<T> key, T value) {
                span.setAttribute(key, value);
            }

            @Override
            void putAll(Attributes attributes) {
                span.setAllAttributes(attributes);
            }
        };
    }

    static AttributeSink of(LogRecordBuilder builder) {
        return new AttributeSink() {
            @Override
            <T> void set(AttributeKey<T> key, T value) {
                builder.setAttribute(key, value);
            }

            @Override
            void putAll(Attributes attributes) {
                builder.setAllAttributes(attributes);
            }
        };
    }

    static AttributeSink of(AttributesBuilder builder) {
        return new AttributeSink() {
            @Override
            <T> void set(AttributeKey<T> key, T value) {
                builder.put(key, value);
            }

            @Override
            void putAll(Attributes attributes) {
                builder.putAll(attributes);
            }
        };
    }
}
