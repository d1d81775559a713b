package org.lrkit.experiment.plot;

/**
 * The range and scale of one chart axis, and the mapping of values to a fraction of the axis length.
 *
 * @param min the value at the start of the axis (left or bottom)
 * @param max the value at the end of the axis, {@code > min}
 * @param scale linear or log; a log axis needs {@code min > 0}
 */
public record Axis(double min, double max, Scale scale) {

    /**
     * Checks the range.
     *
     * @param min the value at the start of the axis, finite
     * @param max the value at the end of the axis, finite and {@code > min}
     * @param scale linear or log; a log axis needs {@code min > 0}
     * @throws IllegalArgumentException if {@code min} or {@code max} is not finite, {@code max <= min}, or the axis is
     *     log and {@code min <= 0}
     */
    public Axis {
        if (!Double.isFinite(min) || !Double.isFinite(max) || !(max > min)) {
            throw new IllegalArgumentException("an axis needs finite min < max, got [" + min + ", " + max + "]");
        }
        if (scale == Scale.LOG && !(min > 0)) {
            throw new IllegalArgumentException("a log axis needs values > 0, got a range starting at " + min);
        }
    }

    /**
     * An axis that shows data from {@code dataMin} to {@code dataMax} with a margin of {@code padding}
     * (a fraction of the range, measured on the axis' own scale) at both ends. An empty range (all values
     * equal) is widened around the value.
     *
     * @param dataMin the smallest value to show; {@code > 0} on a log axis
     * @param dataMax the largest value to show, {@code >= dataMin}
     * @param scale linear or log
     * @param padding the margin at each end, a fraction of the range (0.05 for 5 %)
     * @return an axis covering {@code [dataMin, dataMax]} and the margins
     * @throws IllegalArgumentException if the axis is log and {@code dataMin <= 0}, or the padded range is not a valid
     *     axis (not finite, or {@code dataMax < dataMin})
     */
    public static Axis fitting(double dataMin, double dataMax, Scale scale, double padding) {
        if (scale == Scale.LOG) {
            if (!(dataMin > 0)) {
                throw new IllegalArgumentException("a log axis needs values > 0, got " + dataMin);
            }
            double lo = Math.log10(dataMin);
            double hi = Math.log10(dataMax);
            if (hi - lo < 1e-12) {
                lo -= 0.5;
                hi += 0.5;
            } else {
                double pad = (hi - lo) * padding;
                lo -= pad;
                hi += pad;
            }
            return new Axis(Math.pow(10, lo), Math.pow(10, hi), scale);
        }
        double lo = dataMin;
        double hi = dataMax;
        double span = hi - lo;
        if (span <= Math.max(Math.abs(lo), Math.abs(hi)) * 1e-12) {
            double half = lo == 0 ? 1.0 : Math.abs(lo) * 0.1;
            return new Axis(lo - half, hi + half, scale);
        }
        double pad = span * padding;
        return new Axis(lo - pad, hi + pad, scale);
    }

    /**
     * Where {@code value} lies along the axis: 0 at {@link #min()}, 1 at {@link #max()}.
     *
     * @param value a value on this axis; {@code > 0} on a log axis
     * @return the position as a fraction of the axis length; below 0 or above 1 outside the range
     */
    public double fraction(double value) {
        if (scale == Scale.LOG) {
            double lo = Math.log10(min);
            return (Math.log10(value) - lo) / (Math.log10(max) - lo);
        }
        return (value - min) / (max - min);
    }
}
