package org.lrkit.schedule;

import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalLong;
import org.lrkit.Checks;

/**
 * Interpolation through knots at real-valued steps: between knots {@code k_j} and {@code k_(j+1)} the
 * value follows {@code shape(values_j, values_(j+1), (t - k_j) / (k_(j+1) - k_j))}. A step that falls on a
 * knot belongs to the segment ending there. Knots need not be integers, which is how PyTorch's
 * {@code OneCycleLR} places its phase ends ({@code pct_start * total_steps - 1}) and why its peak is hit
 * exactly only when that product is an integer. Past the last knot the {@link PastEnd} rule applies;
 * extrapolation continues the last segment.
 *
 * <pre>{@code
 * Schedule lr = new Piecewise(Interpolation.COSINE, new double[] {0, 2, 9}, new double[] {0.04, 1.0, 4e-6},
 *         PastEnd.HOLD);
 * // spec: piecewise(shape=cosine, knots=[0.0, 2.0, 9.0], values=[0.04, 1.0, 4.0E-6], pastEnd=hold)
 * }</pre>
 *
 * <p>Cycles: one cycle that ends at the last whole step not after the last knot.
 *
 * @param shape curve of every segment
 * @param knots steps of the knots, first 0, strictly increasing, at least two (copied)
 * @param values value at each knot, finite, as many as knots (copied)
 * @param pastEnd what steps after the last knot return
 */
public record Piecewise(Interpolation shape, double[] knots, double[] values, PastEnd pastEnd)
        implements Schedule, CycleStructure {

    /**
     * Creates a piecewise interpolation.
     *
     * @param shape curve of every segment, not null
     * @param knots optimizer steps of the knots, finite, first 0, strictly increasing, at least two (copied)
     * @param values value at each knot, finite, as many as knots (copied)
     * @param pastEnd what steps after the last knot return, not null
     * @throws IllegalArgumentException if an argument is null, there are fewer than two knots or not as many
     *     values as knots, {@code knots[0] != 0}, a knot or value is not finite, the knots do not strictly
     *     increase, or {@code shape} is exponential and two neighbouring values are not both non-zero and of
     *     the same sign
     */
    public Piecewise {
        Checks.notNull("shape", shape);
        Checks.notNull("knots", knots);
        Checks.notNull("values", values);
        Checks.notNull("pastEnd", pastEnd);
        knots = knots.clone();
        values = values.clone();
        if (knots.length < 2 || knots.length != values.length) {
            throw new IllegalArgumentException("knots and values must have the same length, at least 2, got "
                    + knots.length + " knots and " + values.length + " values");
        }
        if (knots[0] != 0.0) {
            throw new IllegalArgumentException("knots[0] must be 0, got " + knots[0]);
        }
        for (int i = 0; i < knots.length; i++) {
            Checks.finite("knots[" + i + "]", knots[i]);
            Checks.finite("values[" + i + "]", values[i]);
            if (i > 0 && !(knots[i] > knots[i - 1])) {
                throw new IllegalArgumentException("knots must be strictly increasing (a segment of zero or "
                        + "negative length has no slope), but knots[" + (i - 1) + "]=" + knots[i - 1]
                        + " >= knots[" + i + "]=" + knots[i]);
            }
            if (i > 0) {
                shape.checkEndpoints("values[" + (i - 1) + "]", values[i - 1], "values[" + i + "]", values[i]);
            }
        }
    }

    /**
     * The knots (a copy).
     *
     * @return the optimizer steps of the knots, strictly increasing, first 0
     */
    @Override
    public double[] knots() {
        return knots.clone();
    }

    /**
     * The values (a copy).
     *
     * @return the value at each knot
     */
    @Override
    public double[] values() {
        return values.clone();
    }

    @Override
    public double valueAt(long step) {
        int last = knots.length - 1;
        if (Horizon.holds(step, knots[last], pastEnd, this)) {
            return values[last];
        }
        int segment = segmentOf(step);
        double fraction = (step - knots[segment]) / (knots[segment + 1] - knots[segment]);
        return shape.interpolate(values[segment], values[segment + 1], fraction);
    }

    /**
     * The segment a step belongs to: the first {@code j} with {@code step <= knots[j+1]}, or the last
     * segment past the end. Binary search: O(log knots).
     */
    private int segmentOf(long step) {
        int low = 0;
        int high = knots.length - 2;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (step > knots[middle + 1]) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    @Override
    public Optional<CycleStructure> cycles() {
        return Optional.of(this);
    }

    @Override
    public CyclePosition positionAt(long step) {
        Checks.step(step);
        int last = knots.length - 1;
        if (step > knots[last]) {
            return new CyclePosition(1, "hold", 0.0);
        }
        int segment = segmentOf(step);
        double fraction = (step - knots[segment]) / (knots[segment + 1] - knots[segment]);
        return new CyclePosition(0, "segment" + segment, Math.max(0.0, fraction));
    }

    @Override
    public OptionalLong nextCycleEnd(long step) {
        long end = (long) Math.floor(knots[knots.length - 1]);
        return Checks.step(step) <= end ? OptionalLong.of(end) : OptionalLong.empty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Piecewise that && shape == that.shape && pastEnd == that.pastEnd
                && Arrays.equals(knots, that.knots) && Arrays.equals(values, that.values);
    }

    @Override
    public int hashCode() {
        return ((shape.hashCode() * 31 + Arrays.hashCode(knots)) * 31 + Arrays.hashCode(values)) * 31
                + pastEnd.hashCode();
    }

    @Override
    public String toSpec() {
        return SpecText.of("piecewise").word("shape", shape.word()).add("knots", knots).add("values", values)
                .word("pastEnd", pastEnd.word()).toString();
    }

    @Override
    public String toString() {
        return toSpec();
    }
}
