package dev.genaiotel.bedrock.internal;

/**
 * Floats recorded as the decimals the caller wrote: {@code 0.2f} becomes 0.2, not its binary widening
 * 0.20000000298023224. A float's shortest decimal form is costly to work out (about a quarter of this module's own
 * work in a Converse call, measured), while an application sends the same few temperatures and top-p values again
 * and again; so recent conversions are kept in a small table indexed by the float's bits. Entries are immutable and
 * replaced whole, so threads racing on a slot at worst convert again.
 */
final class Decimals {

    private static final int SLOTS = 64;
    private static final Conversion[] RECENT = new Conversion[SLOTS];

    private Decimals() {}

    /** The double with the decimal digits of {@code value}, or null for null. */
    static Double of(Float value) {
        if (value == null) {
            return null;
        }
        int bits = Float.floatToIntBits(value);
        int slot = (bits ^ (bits >>> 9) ^ (bits >>> 19)) & (SLOTS - 1);
        Conversion recent = RECENT[slot];
        if (recent != null && recent.bits() == bits) {
            return recent.value();
        }
        Double converted = Double.valueOf(value.toString());
        RECENT[slot] = new Conversion(bits, converted);
        return converted;
    }

    private record Conversion(int bits, Double value) {}
}
