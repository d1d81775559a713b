package org.lrkit.schedule;

import org.lrkit.Checks;

/**
 * Converts between epochs and optimizer steps, with the number of optimizer steps per epoch stated
 * explicitly. Schedules count optimizer steps; papers and users often think in epochs, and gradient
 * accumulation makes one optimizer step out of several batches, so the two must never be confused
 * silently (a restart period counted in batches under 4-step accumulation restarts 4x too rarely).
 *
 * <pre>{@code
 * TrainingClock clock = TrainingClock.ofBatches(391, 1, Remainder.STEP);  // CIFAR-10, batch 128
 * double firstPeriod = clock.steps(10);                                    // 3910.0 steps = 10 epochs
 * Sgdr lr = Sgdr.builder().peak(0.05).firstPeriod(firstPeriod).periodMultiplier(2.0).build();
 * double epoch = clock.epochs(5000);                                       // 12.787...
 * }</pre>
 *
 * @param stepsPerEpoch optimizer steps in one epoch, {@code > 0}
 */
public record TrainingClock(long stepsPerEpoch) {

    /**
     * Creates a clock.
     *
     * @param stepsPerEpoch optimizer steps in one epoch, {@code > 0}
     * @throws IllegalArgumentException if {@code stepsPerEpoch <= 0}
     */
    public TrainingClock {
        Checks.positive("stepsPerEpoch", stepsPerEpoch);
    }

    /** What happens to the last, incomplete group of batches of an epoch under gradient accumulation. */
    public enum Remainder {
        /** The incomplete group still makes an optimizer step. */
        STEP,
        /** The incomplete group is dropped (no optimizer step). */
        DROP
    }

    /**
     * The clock of a training loop that makes one optimizer step every {@code accumulationSteps} batches.
     *
     * @param batchesPerEpoch batches in one epoch, {@code > 0}
     * @param accumulationSteps batches per optimizer step, {@code > 0}
     * @param remainder what the last incomplete group does, when {@code batchesPerEpoch} is not a multiple
     *     of {@code accumulationSteps}
     * @return a clock with the resulting number of optimizer steps per epoch
     * @throws IllegalArgumentException if {@code batchesPerEpoch} or {@code accumulationSteps} is
     *     {@code <= 0}, {@code remainder} is null, or an epoch makes no optimizer step at all
     *     ({@link Remainder#DROP} with {@code accumulationSteps > batchesPerEpoch})
     */
    public static TrainingClock ofBatches(long batchesPerEpoch, long accumulationSteps, Remainder remainder) {
        Checks.positive("batchesPerEpoch", batchesPerEpoch);
        Checks.positive("accumulationSteps", accumulationSteps);
        Checks.notNull("remainder", remainder);
        long steps = remainder == Remainder.STEP
                ? (batchesPerEpoch + accumulationSteps - 1) / accumulationSteps
                : batchesPerEpoch / accumulationSteps;
        if (steps == 0) {
            throw new IllegalArgumentException("accumulationSteps=" + accumulationSteps + " is more than the "
                    + batchesPerEpoch + " batches of an epoch, so with Remainder.DROP no optimizer step is made; "
                    + "use Remainder.STEP or fewer accumulation steps");
        }
        return new TrainingClock(steps);
    }

    /**
     * The (possibly fractional) number of optimizer steps in {@code epochs} epochs.
     *
     * @param epochs a duration in epochs, finite, {@code >= 0}
     * @return {@code epochs * stepsPerEpoch}, in optimizer steps
     * @throws IllegalArgumentException if {@code epochs} is NaN, infinite or {@code < 0}
     */
    public double steps(double epochs) {
        Checks.nonNegative("epochs", epochs);
        return epochs * stepsPerEpoch;
    }

    /**
     * The whole number of optimizer steps in {@code epochs} epochs.
     *
     * @param epochs a duration in epochs, finite, {@code >= 0}
     * @return {@code epochs * stepsPerEpoch}, in optimizer steps
     * @throws IllegalArgumentException if {@code epochs} is NaN, infinite or {@code < 0}, does not make a
     *     whole number of steps, or makes more steps than a {@code long} can count
     */
    public long wholeSteps(double epochs) {
        double steps = steps(epochs);
        if (steps != Math.rint(steps)) {
            throw new IllegalArgumentException("epochs=" + epochs + " is " + steps + " steps at "
                    + stepsPerEpoch + " steps per epoch, not a whole number; use steps(epochs) where "
                    + "fractional steps are allowed, or round the epochs");
        }
        if (steps >= 0x1p63) {
            throw new IllegalArgumentException("epochs=" + epochs + " is " + steps + " steps at "
                    + stepsPerEpoch + " steps per epoch, more than a long can count");
        }
        return (long) steps;
    }

    /**
     * The epoch time at the start of optimizer step {@code step}: {@code step / stepsPerEpoch}.
     *
     * @param step 0-based optimizer step, {@code >= 0}
     * @return the number of epochs completed before that step, possibly fractional
     * @throws IllegalArgumentException if {@code step < 0}
     */
    public double epochs(long step) {
        return (double) Checks.step(step) / stepsPerEpoch;
    }
}
