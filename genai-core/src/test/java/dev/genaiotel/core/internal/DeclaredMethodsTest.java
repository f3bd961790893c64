package dev.genaiotel.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class DeclaredMethodsTest {

    /** Instance, static, abstract and bridge methods, and a nested generic signature. */
    abstract static class Sample implements Supplier<String>, Comparator<Sample> {
        @Override
        public String get() {
            return "sample";
        }

        @Override
        public int compare(Sample a, Sample b) {
            return 0;
        }

        static int helper() {
            return 1;
        }

        abstract void later();

        private long[] arrays(Object[][] values, double d) {
            return new long[values.length + (int) d];
        }
    }

    @Test
    void classFileListsWhatReflectionLists() {
        for (Class<?> type : new Class<?>[] {Sample.class, DeclaredMethods.class, ArrayList.class}) {
            assertThat(DeclaredMethods.fromClassFile(type)).as(type.getName())
                    .isEqualTo(DeclaredMethods.fromReflection(type));
        }
        assertThat(DeclaredMethods.fromClassFile(Sample.class)).contains("get()Ljava/lang/Object;",
                "get()Ljava/lang/String;", "arrays([[Ljava/lang/Object;D)[J")
                .doesNotContain("helper()I", "later()V");
    }
}
