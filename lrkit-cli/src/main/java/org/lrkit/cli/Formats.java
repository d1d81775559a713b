package org.lrkit.cli;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Short, readable numbers for the commands' tables: three significant digits, plain or scientific. */
final class Formats {

    private Formats() {
    }

    /**
     * {@code value} to three significant digits: plain for magnitudes in {@code [1e-3, 1e5)}
     * ({@code 0.0123}, {@code 512}), scientific otherwise ({@code 1.5e-5}); {@code -} for NaN. The text reads
     * back as a spec number.
     */
    static String number(double value) {
        if (Double.isNaN(value)) {
            return "-";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        if (value == 0) {
            return "0";
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(3));
        double magnitude = Math.abs(rounded.doubleValue());
        if (magnitude >= 1e-3 && magnitude < 1e5) {
            return rounded.stripTrailingZeros().toPlainString();
        }
        int exponent = rounded.precision() - rounded.scale() - 1;
        BigDecimal mantissa = rounded.movePointLeft(exponent).stripTrailingZeros();
        return mantissa.toPlainString() + "e" + exponent;
    }

    /** Seconds as {@code 12.3 s} or {@code 4 min 05 s}. */
    static String seconds(double seconds) {
        if (seconds < 120) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        long whole = Math.round(seconds);
        return String.format(Locale.ROOT, "%d min %02d s", whole / 60, whole % 60);
    }

    /** {@code text} padded with spaces on the right to {@code width}. */
    static String pad(String text, int width) {
        StringBuilder padded = new StringBuilder(text);
        while (padded.length() < width) {
            padded.append(' ');
        }
        return padded.toString();
    }
}
