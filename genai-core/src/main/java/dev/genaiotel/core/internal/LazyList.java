package dev.genaiotel.core.internal;

import dev.genaiotel.core.InstrumentationFailures;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Content a provider hands over without building it: a list made by its supplier the first time anything reads it,
 * then kept. The core reads content only when something records it, so with content capture off the supplier never
 * runs and no message is mapped. A supplier that throws costs that content only: it is logged once and the list is
 * empty.
 *
 * @param <E> the element type
 */
public final class LazyList<E> extends AbstractList<E> implements RandomAccess {

    private static final Logger LOGGER = Logger.getLogger("dev.genaiotel.core");

    private Supplier<? extends List<? extends E>> supplier;
    private volatile List<E> value;

    private LazyList(Supplier<? extends List<? extends E>> supplier) {
        this.supplier = supplier;
    }

    /** A list made by {@code supplier} when first read; a null supplier or result is an empty list. */
    public static <E> List<E> of(Supplier<? extends List<? extends E>> supplier) {
        return supplier == null ? List.of() : new LazyList<>(supplier);
    }

    /** An immutable copy of {@code list}, still lazy when it is; null is an empty list. */
    public static <E> List<E> copyOf(List<E> list) {
        if (list == null) {
            return List.of();
        }
        return list instanceof LazyList<E> ? list : List.copyOf(list);
    }

    /** {@code first} unless it is empty, else {@code second}; decided when read if either is lazy. */
    public static <E> List<E> orElse(List<E> first, List<E> second) {
        if (first instanceof LazyList<E> || second instanceof LazyList<E>) {
            return new LazyList<>(() -> !first.isEmpty() ? first : second);
        }
        return !first.isEmpty() ? first : second;
    }

    /** True when {@code list} is content not read yet: reading it would run the provider's mapping. */
    public static boolean isPending(List<?> list) {
        return list instanceof LazyList<?> lazy && lazy.value == null;
    }

    private List<E> value() {
        List<E> known = value;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (value == null) {
                value = build();
                supplier = null;
            }
            return value;
        }
    }

    private List<E> build() {
        try {
            List<? extends E> built = supplier.get();
            return built == null ? List.of() : List.copyOf(built);
        } catch (RuntimeException | LinkageError failure) {
            InstrumentationFailures.logOnce(LOGGER, "content mapping", failure);
            return List.of();
        }
    }

    @Override
    public E get(int index) {
        return value().get(index);
    }

    @Override
    public int size() {
        return value().size();
    }
}
