package org.lrkit.experiment.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Numbers as the tables and the report show them: learning rates, percentages, durations. */
public final class Numbers {

    private Numbers() {
    }

    /**
     * {@code value} to three significant digits, plain for magnitudes in {@code [1e-3, 1e5)}, scientific
     * otherwise ({@code 1.5e-5}); {@code -} for NaN. The text reads back as a spec number.
     *
     * @param value the number to show
     * @return the text: {@code -} for NaN, {@code inf} or {@code -inf} for an infinity, {@code 0} for zero
     */
    public static String number(double value) {
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

    /**
     * A fraction in [0, 1] as a percentage with one decimal, {@code 88.1%}; {@code -} for NaN.
     *
     * @param fraction a fraction, usually in {@code [0, 1]}, or NaN
     * @return the percentage, or {@code -} for NaN
     */
    public static String percent(double fraction) {
        return Double.isNaN(fraction) ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * fraction);
    }

    /**
     * Mean and standard deviation of fractions as percentages, {@code 88.1% +/- 0.4} (ASCII, for any console),
     * or just the mean for a single run.
     *
     * @param mean the mean fraction, or NaN
     * @param std the standard deviation of the fractions, or NaN
     * @param count the number of runs; the deviation is shown only for {@code count > 1}
     * @return the text, or {@code -} if {@code mean} is NaN
     */
    public static String percent(double mean, double std, int count) {
        return percent(mean, std, count, "+/-");
    }

    /**
     * As {@link #percent(double, double, int)} with another plus-minus sign ({@code "\u00b1"} in HTML).
     *
     * @param mean the mean fraction, or NaN
     * @param std the standard deviation of the fractions, or NaN
     * @param count the number of runs; the deviation is shown only for {@code count > 1}
     * @param plusMinus the sign between mean and deviation
     * @return the text, or {@code -} if {@code mean} is NaN
     */
    public static String percent(double mean, double std, int count, String plusMinus) {
        if (Double.isNaN(mean)) {
            return "-";
        }
        return count > 1 && !Double.isNaN(std) ? String.format(Locale.ROOT, "%.1f%% %s %.1f", 100 * mean, plusMinus,
                100 * std) : percent(mean);
    }

    /**
     * Seconds as {@code 12.3 s} or {@code 4 min 05 s} or {@code 1 h 02 min}; {@code -} for NaN.
     *
     * @param seconds a duration in seconds, or NaN
     * @return the duration as text, or {@code -} for NaN
     */
    public static String seconds(double seconds) {
        if (Double.isNaN(seconds)) {
            return "-";
        }
        if (seconds < 120) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        long whole = Math.round(seconds);
        if (whole < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", whole / 60, whole % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", whole / 3600, whole / 60 % 60);
    }

    /**
     * {@code text} padded with spaces on the right to {@code width}.
     *
     * @param text the text, not null
     * @param width the width in characters
     * @return {@code text} itself if it is at least {@code width} long, else it padded
     */
    public static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }

    /**
     * {@code text} padded with spaces on the left to {@code width}.
     *
     * @param text the text, not null
     * @param width the width in characters
     * @return {@code text} itself if it is at least {@code width} long, else it padded
     */
    public static String padLeft(String text, int width) {
        return text.length() >= width ? text : " ".repeat(width - text.length()) + text;
    }

    /**
     * The mean of the finite values, NaN if there are none.
     *
     * @param values the values; NaN and infinities are skipped
     * @return the mean, or NaN
     */
    public static double mean(double[] values) {
        double sum = 0;
        int n = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /**
     * The sample standard deviation of the finite values, NaN for fewer than two.
     *
     * @param values the values; NaN and infinities are skipped
     * @return the standard deviation (divided by {@code n - 1}), or NaN
     */
    public static double std(double[] values) {
        double mean = mean(values);
        double sum = 0;
        int n = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                sum += (v - mean) * (v - mean);
                n++;
            }
        }
        return n < 2 ? Double.NaN : Math.sqrt(sum / (n - 1));
    }
}
