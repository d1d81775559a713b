package org.lrkit.djl.train;

import org.lrkit.Checks;

/**
 * How long a run trains: a number of epochs or a budget of optimizer steps.
 *
 * <pre>{@code
 * TrainingLength.epochs(30)        // 30 passes over the training set
 * TrainingLength.steps(10_000)     // 10,000 optimizer steps, across epoch boundaries
 * }</pre>
 *
 * @param epochs the number of epochs, or 0 when the length is given in steps
 * @param steps the number of steps, or 0 when the length is given in epochs
 */
public record TrainingLength(long epochs, long steps) {

    /**
     * Checks the components; see the record description.
     *
     * @param epochs the number of epochs, {@code >= 0}; 0 when the length is given in steps
     * @param steps the number of optimizer steps, {@code >= 0}; 0 when the length is given in epochs
     * @throws IllegalArgumentException if a count is negative, or not exactly one of them is {@code > 0}
     */
    public TrainingLength {
        Checks.nonNegative("epochs", epochs);
        Checks.nonNegative("steps", steps);
        if ((epochs == 0) == (steps == 0)) {
            throw new IllegalArgumentException("give exactly one of epochs and steps (> 0), got epochs=" + epochs
                    + ", steps=" + steps);
        }
    }

    /**
     * {@code epochs} passes over the training set.
     *
     * @param epochs the number of epochs, {@code > 0}
     * @return a length in epochs
     * @throws IllegalArgumentException if {@code epochs <= 0}
     */
    public static TrainingLength epochs(long epochs) {
        return new TrainingLength(Checks.positive("epochs", epochs), 0);
    }

    /**
     * {@code steps} optimizer steps.
     *
     * @param steps the number of optimizer steps, {@code > 0}
     * @return a length in steps
     * @throws IllegalArgumentException if {@code steps <= 0}
     */
    public static TrainingLength steps(long steps) {
        return new TrainingLength(0, Checks.positive("steps", steps));
    }

    /**
     * The planned number of optimizer steps.
     *
     * @param stepsPerEpoch optimizer steps per epoch, or {@code -1} if unknown (allowed only for a step budget)
     * @return the step budget, or {@code epochs * stepsPerEpoch}
     * @throws IllegalArgumentException if the length is in epochs and {@code stepsPerEpoch <= 0}
     * @throws ArithmeticException if {@code epochs * stepsPerEpoch} overflows a {@code long}
     */
    public long plannedSteps(long stepsPerEpoch) {
        if (steps > 0) {
            return steps;
        }
        if (stepsPerEpoch <= 0) {
            throw new IllegalArgumentException("a length in epochs needs the number of steps per epoch, but the dataset "
                    + "cannot tell it (it is not a RandomAccessDataset); set stepsPerEpoch on the TrainingRun builder, "
                    + "or give the length in steps");
        }
        return Math.multiplyExact(epochs, stepsPerEpoch);
    }
}
