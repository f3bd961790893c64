package dev.genaiotel.core.internal;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.Set;

/**
 * Which methods a class implements itself (with a body, not inherited from an interface default), found without
 * resolving every type the class names.
 *
 * <p>Reflection lists a class's methods only when every type in every signature can be loaded. An instrumentation
 * compiled against a later client version than the one running names types that version lacks, so for such a class
 * the list is read from its class file instead.
 */
public final class DeclaredMethods {

    private static final int ACC_STATIC = 0x0008;
    private static final int ACC_ABSTRACT = 0x0400;

    private static final ClassValue<Set<String>> IMPLEMENTED = new ClassValue<>() {
        @Override
        protected Set<String> computeValue(Class<?> type) {
            return implementedBy(type);
        }
    };

    private DeclaredMethods() {}

    /**
     * Whether {@code type} or one of its superclasses below {@code Object} implements {@code method} (same name,
     * parameter types and return type) with a body of its own.
     */
    public static boolean implement(Class<?> type, Method method) {
        String key = key(method.getName(), descriptor(method));
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            if (IMPLEMENTED.get(c).contains(key)) {
                return true;
            }
        }
        return false;
    }

    /** The name and descriptor of every concrete instance method {@code type} declares. */
    private static Set<String> implementedBy(Class<?> type) {
        try {
            return fromReflection(type);
        } catch (LinkageError e) {
            // A signature names a type the running libraries lack: the class file names it as text only.
            return fromClassFile(type);
        }
    }

    static Set<String> fromReflection(Class<?> type) {
        Set<String> result = new HashSet<>();
        for (Method method : type.getDeclaredMethods()) {
            int modifiers = method.getModifiers();
            if (!Modifier.isStatic(modifiers) && !Modifier.isAbstract(modifiers)) {
                result.add(key(method.getName(), descriptor(method)));
            }
        }
        return result;
    }

    /** The same set read from {@code type}'s class file; empty when the file cannot be read. */
    static Set<String> fromClassFile(Class<?> type) {
        Set<String> result = new HashSet<>();
        String file = type.getName().substring(type.getName().lastIndexOf('.') + 1) + ".class";
        try (InputStream in = type.getResourceAsStream(file)) {
            if (in != null) {
                readMethods(new DataInputStream(in), result);
            }
        } catch (IOException | RuntimeException e) {
            result.clear();
        }
        result.removeIf(key -> key.startsWith("<init>"));
        return result;
    }

    /** Reads the concrete instance methods of a class file (JVMS chapter 4) into {@code into}. */
    private static void readMethods(DataInputStream in, Set<String> into) throws IOException {
        in.readInt(); // magic
        in.readInt(); // minor and major version
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 7, 8, 16, 19, 20 -> in.skipNBytes(2);
                case 15 -> in.skipNBytes(3);
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
                case 5, 6 -> {
                    in.skipNBytes(8);
                    i++; // eight-byte constants take two entries
                }
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        in.skipNBytes(6); // access flags, this class, super class
        in.skipNBytes(2L * in.readUnsignedShort()); // interfaces
        skipMembers(in, null, null);
        skipMembers(in, utf8, into);
    }

    /** Skips a fields or methods table; for methods ({@code into} not null) keeps the concrete instance ones. */
    private static void skipMembers(DataInputStream in, String[] utf8, Set<String> into) throws IOException {
        int members = in.readUnsignedShort();
        for (int m = 0; m < members; m++) {
            int access = in.readUnsignedShort();
            int name = in.readUnsignedShort();
            int descriptor = in.readUnsignedShort();
            int attributes = in.readUnsignedShort();
            for (int a = 0; a < attributes; a++) {
                in.skipNBytes(2);
                in.skipNBytes(Integer.toUnsignedLong(in.readInt()));
            }
            if (into != null && (access & (ACC_STATIC | ACC_ABSTRACT)) == 0) {
                into.add(key(utf8[name], utf8[descriptor]));
            }
        }
    }

    private static String descriptor(Method method) {
        StringBuilder descriptor = new StringBuilder("(");
        for (Class<?> parameter : method.getParameterTypes()) {
            descriptor.append(parameter.descriptorString());
        }
        return descriptor.append(')').append(method.getReturnType().descriptorString()).toString();
    }

    private static String key(String name, String descriptor) {
        return name + descriptor;
    }
}
