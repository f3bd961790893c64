package dev.genaiotel.semconv.internal;

/** Keeps text valid Unicode: a lone surrogate, which cannot be encoded in UTF-8, becomes U+FFFD. */
public final class WellFormed {

    private static final char REPLACEMENT = '\uFFFD';

    private WellFormed() {}

    /** {@code text} itself when it is well-formed UTF-16, else a repaired copy. */
    public static String string(String text) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return repair(text, i);
                }
            }
        }
        return text;
    }

    private static String repair(String text, int from) {
        char[] chars = text.toCharArray();
        for (int i = from; i < chars.length; i++) {
            char c = chars[i];
            if (Character.isHighSurrogate(c) && i + 1 < chars.length && Character.isLowSurrogate(chars[i + 1])) {
                i++;
            } else if (Character.isSurrogate(c)) {
                chars[i] = REPLACEMENT;
            }
        }
        return new String(chars);
    }
}
