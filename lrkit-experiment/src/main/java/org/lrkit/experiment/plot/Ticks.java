package org.lrkit.experiment.plot;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Tick positions and their labels for an axis: round values (1, 2 or 5 times a power of ten) on a linear
 * axis, powers of ten (or 1-2-5 steps within a decade) on a log axis.
 *
 * <p>Labels share one format per axis: plain decimals with just enough digits ({@code 0.85}, {@code 0.90},
 * {@code 0.95}; {@code 200000}) or, for very small or very large values, scientific notation
 * ({@code 4.0e-06}). Zero is always {@code 0}.
 *
 * @param values the tick positions, increasing, all within the axis range
 * @param labels the text of each tick, as many as {@code values}
 */
public record Ticks(List<Double> values, List<String> labels) {

    /**
     * Copies both lists and checks that they are equally long.
     *
     * @param values the tick positions, increasing; copied
     * @param labels the text of each tick, as many as {@code values}; copied
     * @throws IllegalArgumentException if the lists are not equally long
     * @throws NullPointerException if a list or one of its elements is null
     */
    public Ticks {
        values = List.copyOf(values);
        labels = List.copyOf(labels);
        if (values.size() != labels.size()) {
            throw new IllegalArgumentException("values and labels must be equally long, got " + values.size()
                    + " values and " + labels.size() + " labels");
        }
    }

    /** Plain decimals are used for labels whose largest magnitude lies in {@code [1e-3, 1e7)}. */
    private static final double PLAIN_MIN = 1e-3;
    private static final double PLAIN_MAX = 1e7;

    /**
     * Ticks for the axis, linear or log by its scale.
     *
     * @param axis the axis to label
     * @param maxCount about how many ticks at most; values below 2 count as 2
     * @return the ticks within the axis range
     */
    public static Ticks of(Axis axis, int maxCount) {
        return axis.scale() == Scale.LOG ? log(axis.min(), axis.max(), maxCount) : linear(axis.min(), axis.max(), maxCount);
    }

    /**
     * Round ticks within {@code [min, max]}, at most about {@code maxCount} of them (at least two when the
     * range is not empty).
     *
     * @param min the start of the range, finite
     * @param max the end of the range, finite and {@code >= min}
     * @param maxCount about how many ticks at most; values below 2 count as 2
     * @return the ticks; a single one when {@code min == max}
     * @throws IllegalArgumentException if the range is not finite or {@code max < min}
     */
    public static Ticks linear(double min, double max, int maxCount) {
        checkRange(min, max);
        int target = Math.max(2, maxCount);
        double span = max - min;
        if (span == 0) {
            return new Ticks(List.of(min), List.of(formatSingle(min)));
        }
        // The smallest round step that gives at most `target` ticks (and at least two).
        double step = niceStep(span / (4.0 * target));
        long first = (long) Math.ceil(min / step - 1e-9);
        long last = (long) Math.floor(max / step + 1e-9);
        while (last - first + 1 > target) {
            step = niceStep(step * 1.5);
            first = (long) Math.ceil(min / step - 1e-9);
            last = (long) Math.floor(max / step + 1e-9);
        }
        while (last - first + 1 < 2) {
            step = smallerNiceStep(step);
            first = (long) Math.ceil(min / step - 1e-9);
            last = (long) Math.floor(max / step + 1e-9);
        }
        List<Double> values = new ArrayList<>();
        for (long k = first; k <= last; k++) {
            double v = k * step;
            values.add(k == 0 ? 0.0 : v);
        }
        return new Ticks(values, linearLabels(values, step));
    }

    /**
     * Ticks for a log axis over {@code [min, max]}, both {@code > 0}: powers of ten (every second or third
     * one for wide ranges), or 1, 2 and 5 times powers of ten when the range spans less than two of them,
     * or round linear ticks for a very narrow range.
     *
     * @param min the start of the range, finite and {@code > 0}
     * @param max the end of the range, finite and {@code >= min}
     * @param maxCount about how many ticks at most; values below 2 count as 2
     * @return the ticks
     * @throws IllegalArgumentException if the range is not finite, {@code max < min} or {@code min <= 0}
     */
    public static Ticks log(double min, double max, int maxCount) {
        checkRange(min, max);
        if (!(min > 0)) {
            throw new IllegalArgumentException("a log axis needs a range above 0, got [" + min + ", " + max + "]");
        }
        int target = Math.max(2, maxCount);
        int lowExp = (int) Math.floor(Math.log10(min));
        int highExp = (int) Math.ceil(Math.log10(max));
        List<Double> decades = new ArrayList<>();
        for (int e = lowExp; e <= highExp; e++) {
            double v = pow10(e);
            if (within(v, min, max)) {
                decades.add(v);
            }
        }
        if (decades.size() >= 2) {
            int stride = (decades.size() + target - 1) / target;
            List<Double> values = new ArrayList<>();
            for (int i = 0; i < decades.size(); i++) {
                int e = (int) Math.round(Math.log10(decades.get(i)));
                if (Math.floorMod(e, stride) == 0) {
                    values.add(decades.get(i));
                }
            }
            if (values.size() < 2) {
                values = decades;
            }
            return new Ticks(values, logLabels(values));
        }
        List<Double> values = new ArrayList<>();
        for (int e = lowExp; e <= highExp; e++) {
            for (int m : new int[] {1, 2, 5}) {
                double v = m * pow10(e);
                if (within(v, min, max)) {
                    values.add(v);
                }
            }
        }
        if (values.size() >= 2 && values.size() <= target + 1) {
            return new Ticks(values, logLabels(values));
        }
        return linear(min, max, Math.min(target, 5));
    }

    private static boolean within(double v, double min, double max) {
        double slack = 1e-9 * Math.abs(v);
        return v >= min - slack && v <= max + slack;
    }

    private static double pow10(int e) {
        return Double.parseDouble("1e" + e);
    }

    private static void checkRange(double min, double max) {
        if (!Double.isFinite(min) || !Double.isFinite(max) || max < min) {
            throw new IllegalArgumentException("an axis range must be finite with min <= max, got [" + min + ", "
                    + max + "]");
        }
    }

    /** The smallest of 1, 2, 5 times a power of ten that is at least {@code raw}. */
    static double niceStep(double raw) {
        int exp = (int) Math.floor(Math.log10(raw));
        double base = pow10(exp);
        double fraction = raw / base;
        double nice;
        if (fraction <= 1.0 + 1e-9) {
            nice = 1;
        } else if (fraction <= 2.0 + 1e-9) {
            nice = 2;
        } else if (fraction <= 5.0 + 1e-9) {
            nice = 5;
        } else {
            nice = 10;
        }
        return nice * base;
    }

    /** The next smaller of 1, 2, 5 times a power of ten: 10 -> 5 -> 2 -> 1 -> 0.5. */
    private static double smallerNiceStep(double step) {
        int exp = (int) Math.floor(Math.log10(step) + 1e-9);
        double base = pow10(exp);
        double mantissa = Math.round(step / base);
        if (mantissa >= 5) {
            return 2 * base;
        }
        if (mantissa >= 2) {
            return base;
        }
        return 5 * pow10(exp - 1);
    }

    private static List<String> linearLabels(List<Double> values, double step) {
        double maxAbs = 0;
        for (double v : values) {
            maxAbs = Math.max(maxAbs, Math.abs(v));
        }
        int stepExp = (int) Math.floor(Math.log10(step) + 1e-9);
        List<String> labels = new ArrayList<>(values.size());
        if (maxAbs >= PLAIN_MIN && maxAbs < PLAIN_MAX) {
            int decimals = Math.max(0, -stepExp);
            for (double v : values) {
                labels.add(String.format(Locale.ROOT, "%." + decimals + "f", v == 0 ? 0.0 : v));
            }
        } else {
            int maxExp = (int) Math.floor(Math.log10(maxAbs) + 1e-9);
            int decimals = Math.max(1, maxExp - stepExp);
            for (double v : values) {
                labels.add(v == 0 ? "0" : String.format(Locale.ROOT, "%." + decimals + "e", v));
            }
        }
        return labels;
    }

    private static List<String> logLabels(List<Double> values) {
        double maxAbs = 0;
        double minAbs = Double.POSITIVE_INFINITY;
        for (double v : values) {
            maxAbs = Math.max(maxAbs, v);
            minAbs = Math.min(minAbs, v);
        }
        boolean plain = minAbs >= PLAIN_MIN && maxAbs < PLAIN_MAX;
        List<String> labels = new ArrayList<>(values.size());
        for (double v : values) {
            labels.add(plain ? plainShort(v) : String.format(Locale.ROOT, "%.0e", v));
        }
        return labels;
    }

    private static String formatSingle(double v) {
        double abs = Math.abs(v);
        if (v == 0) {
            return "0";
        }
        if (abs >= PLAIN_MIN && abs < PLAIN_MAX) {
            return plainShort(v);
        }
        return String.format(Locale.ROOT, "%.3e", v);
    }

    private static String plainShort(double v) {
        return new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }
}
