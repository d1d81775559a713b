package org.lrkit.rangetest;

import org.lrkit.Checks;
import org.lrkit.schedule.Anneal;
import org.lrkit.schedule.Interpolation;
import org.lrkit.schedule.PastEnd;
import org.lrkit.schedule.Schedule;

/**
 * The learning rates of a range test: {@code steps} values from {@code start} to {@code end}, both
 * visited, evenly spaced on the chosen scale (Smith 2017, section 3.3).
 *
 * <p>{@code lr(i) = start * (end/start)^(i/(steps-1))} (exponential) or
 * {@code start + (end-start) i/(steps-1)} (linear), for {@code i = 0 .. steps-1}. Unlike fastai (which
 * never reaches {@code end}) and Lightning (whose first gap is doubled), the first and last learning rates
 * are exactly {@code start} and {@code end} and every gap is the same.
 *
 * <pre>{@code
 * Sweep sweep = Sweep.exponential(1e-7, 10, 100);
 * double first = sweep.learningRate(0);    // 1e-7
 * double last = sweep.learningRate(99);    // 10
 * }</pre>
 *
 * @param shape spacing of the learning rates
 * @param start first learning rate, {@code > 0}
 * @param end last learning rate, {@code > start}
 * @param steps number of learning rates (training steps), {@code >= 2}
 */
public record Sweep(SweepShape shape, double start, double end, int steps) {

    /**
     * Creates a sweep.
     *
     * @param shape spacing of the learning rates, not null
     * @param start first learning rate, finite, {@code > 0}
     * @param end last learning rate, finite, {@code > start}
     * @param steps number of learning rates (training steps), {@code >= 2}
     * @throws IllegalArgumentException if {@code shape} is null, {@code start} or {@code end} is not a finite
     *     value {@code > 0}, {@code end <= start}, or {@code steps < 2}
     */
    public Sweep {
        Checks.notNull("shape", shape);
        Checks.positive("start", start);
        Checks.positive("end", end);
        if (!(end > start)) {
            throw new IllegalArgumentException("end must be > start, got start=" + start + ", end=" + end
                    + "; a range test sweeps upwards");
        }
        if (steps < 2) {
            throw new IllegalArgumentException("steps must be >= 2 to visit both ends, got " + steps);
        }
    }

    /**
     * An exponential sweep.
     *
     * @param start first learning rate, finite, {@code > 0}
     * @param end last learning rate, finite, {@code > start}
     * @param steps number of learning rates (training steps), {@code >= 2}
     * @return a sweep evenly spaced on a log scale
     * @throws IllegalArgumentException if {@code start} or {@code end} is not a finite value {@code > 0},
     *     {@code end <= start}, or {@code steps < 2}
     */
    public static Sweep exponential(double start, double end, int steps) {
        return new Sweep(SweepShape.EXPONENTIAL, start, end, steps);
    }

    /**
     * A linear sweep.
     *
     * @param start first learning rate, finite, {@code > 0}
     * @param end last learning rate, finite, {@code > start}
     * @param steps number of learning rates (training steps), {@code >= 2}
     * @return a sweep evenly spaced on a linear scale
     * @throws IllegalArgumentException if {@code start} or {@code end} is not a finite value {@code > 0},
     *     {@code end <= start}, or {@code steps < 2}
     */
    public static Sweep linear(double start, double end, int steps) {
        return new Sweep(SweepShape.LINEAR, start, end, steps);
    }

    /**
     * The learning rate of step {@code index} ({@code 0 .. steps-1}).
     *
     * @param index 0-based step of the sweep, in {@code [0, steps)}
     * @return the learning rate to train that step with
     * @throws IllegalArgumentException if {@code index} is outside {@code [0, steps)}
     */
    public double learningRate(int index) {
        if (index < 0 || index >= steps) {
            throw new IllegalArgumentException("index must be in [0, " + steps + "), got " + index);
        }
        return schedule().valueAt(index);
    }

    /**
     * The sweep as a schedule over its steps (held at {@code end} afterwards).
     *
     * @return an {@link Anneal} from {@code start} to {@code end} over {@code steps - 1} steps
     */
    public Schedule schedule() {
        Interpolation curve = shape == SweepShape.EXPONENTIAL ? Interpolation.EXPONENTIAL : Interpolation.LINEAR;
        return new Anneal(curve, start, end, steps - 1, PastEnd.HOLD);
    }

    /**
     * The same sweep with every learning rate multiplied by {@code factor} (a parameter group's ratio).
     *
     * @param factor the multiplier, finite, {@code > 0}
     * @return a sweep of the same shape and steps
     * @throws IllegalArgumentException if {@code factor} is not a finite value {@code > 0}
     */
    public Sweep scaledBy(double factor) {
        Checks.positive("factor", factor);
        return new Sweep(shape, start * factor, end * factor, steps);
    }
}
