package org.lrkit.schedule;

/**
 * The curve of an interpolation between two values, as a function of the fraction {@code f} of the way
 * from the first value {@code a} to the second {@code b}.
 *
 * <ul>
 *   <li>{@link #LINEAR}: {@code a + (b - a) f}
 *   <li>{@link #COSINE}: {@code b + (a - b)(1 + cos(pi f)) / 2}, flat at both ends (SGDR, one-cycle)
 *   <li>{@link #EXPONENTIAL}: {@code a (b / a)^f}, a straight line on a log scale; both values must have
 *       the same sign and neither may be zero
 * </ul>
 *
 * <p>For {@code f} outside {@code [0, 1]} the same formulas extrapolate: the cosine is periodic, the line
 * keeps its slope.
 *
 * <p>Schedules take one where a curve between two values is chosen ({@link Anneal}, {@link Warmup},
 * {@link Piecewise}, {@link OneCycle}); in spec text it is the word {@link #word()}:
 *
 * <pre>{@code
 * double half = Interpolation.COSINE.interpolate(0.1, 0.0, 0.5);      // 0.05
 * Schedule lr = new Anneal(Interpolation.COSINE, 0.1, 0.0, 9_000, PastEnd.HOLD);
 * }</pre>
 *
 * <p>The cosine curve is the annealing of Loshchilov and Hutter, "SGDR: Stochastic Gradient Descent with
 * Warm Restarts" (ICLR 2017). (Named {@code Shape} before lrkit 0.1; renamed so that it does not clash
 * with DJL's {@code ai.djl.ndarray.types.Shape} in user code.)
 */
public enum Interpolation {
    /** A straight line, {@code a + (b - a) f}. */
    LINEAR {
        @Override
        double formula(double from, double to, double fraction) {
            return (to - from) * fraction + from;
        }
    },
    /** Half a cosine, {@code b + (a - b)(1 + cos(pi f)) / 2}: flat at both ends. */
    COSINE {
        @Override
        double formula(double from, double to, double fraction) {
            return to + (from - to) / 2.0 * (Math.cos(Math.PI * fraction) + 1.0);
        }
    },
    /** A geometric curve, {@code a (b / a)^f}: a straight line on a log scale. */
    EXPONENTIAL {
        @Override
        double formula(double from, double to, double fraction) {
            return from * Math.pow(to / from, fraction);
        }
    };

    /**
     * The value a fraction {@code fraction} of the way from {@code from} to {@code to}. The endpoints are
     * exact: fraction 0 gives {@code from} and 1 gives {@code to} bit for bit, whatever the rounding of
     * the formula in between.
     *
     * @param from the value at fraction 0
     * @param to the value at fraction 1
     * @param fraction 0 gives {@code from}, 1 gives {@code to}; other values extrapolate
     * @return the interpolated value
     */
    public double interpolate(double from, double to, double fraction) {
        if (fraction == 0.0) {
            return from;
        }
        if (fraction == 1.0) {
            return to;
        }
        return formula(from, to, fraction);
    }

    abstract double formula(double from, double to, double fraction);

    /**
     * The spec word for this shape.
     *
     * @return {@code linear}, {@code cosine} or {@code exponential}
     */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Checks that an interpolation between {@code from} and {@code to} is defined for this shape.
     *
     * @throws IllegalArgumentException for an exponential shape with a zero value or values of
     *     opposite signs
     */
    void checkEndpoints(String fromName, double from, String toName, double to) {
        if (this == EXPONENTIAL && (from == 0.0 || to == 0.0 || (from > 0) != (to > 0))) {
            throw new IllegalArgumentException("an exponential curve needs " + fromName + " and " + toName
                    + " non-zero and of the same sign, got " + fromName + "=" + from + ", " + toName + "=" + to
                    + "; use a small positive value such as 1e-8 instead of 0, or a linear or cosine shape");
        }
    }
}
