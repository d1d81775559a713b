package org.lrkit.schedule;

import java.util.function.DoubleUnaryOperator;
import org.lrkit.Checks;

/**
 * How the amplitude of a {@link Cyclical} schedule changes from cycle to cycle (Smith 2017, section 3.1).
 * Each variant gives a factor {@code f} that multiplies the triangle wave; cycles are 0-based.
 *
 * <ul>
 *   <li>{@link Triangular}: {@code f = 1}, every cycle the same.
 *   <li>{@link Triangular2}: {@code f = 1 / 2^cycle}, the amplitude halves at each cycle.
 *   <li>{@link ExpRange}: {@code f = gamma^t} with {@code t} the global step. The reference code scales the
 *       amplitude only ({@link ExpRangeDecay#AMPLITUDE}, as PyTorch and Keras do); the paper's text says
 *       both bounds decline ({@link ExpRangeDecay#BOTH_BOUNDS}).
 *   <li>{@link Custom}: any function of the cycle or of the step (not expressible as text).
 * </ul>
 */
public sealed interface CycleScaling {

    /**
     * The factor for a step in a given (0-based) cycle.
     *
     * @param cycle 0-based cycle index of the step
     * @param step 0-based global optimizer step
     * @return the factor {@code f} that multiplies the triangle wave (or its bounds)
     */
    double factor(long cycle, long step);

    /**
     * The spec word of this scaling.
     *
     * @return {@code triangular}, {@code triangular2} or {@code expRange}
     * @throws UnsupportedOperationException for a {@link Custom} scaling, which has no text form
     */
    String word();

    /**
     * Whether the factor multiplies the base too ({@code (base + amplitude*s) * f}) instead of the amplitude
     * only.
     *
     * @return true if both bounds decline, false if only the amplitude is scaled
     */
    default boolean scalesBase() {
        return false;
    }

    /** The same triangle every cycle. */
    record Triangular() implements CycleScaling {
        @Override
        public double factor(long cycle, long step) {
            return 1.0;
        }

        @Override
        public String word() {
            return "triangular";
        }
    }

    /** The amplitude halves every cycle. */
    record Triangular2() implements CycleScaling {
        @Override
        public double factor(long cycle, long step) {
            return Math.scalb(1.0, (int) -Math.min(cycle, 1100));
        }

        @Override
        public String word() {
            return "triangular2";
        }
    }

    /** Which values the exp_range factor {@code gamma^step} multiplies. */
    enum ExpRangeDecay {
        /** {@code base + (peak - base) s gamma^t}: the reference code (PyTorch, Keras). */
        AMPLITUDE,
        /** {@code (base + (peak - base) s) gamma^t}: both bounds decline, as the paper's text says. */
        BOTH_BOUNDS;

        /**
         * The spec word of this choice.
         *
         * @return {@code amplitude} or {@code bothBounds}
         */
        public String word() {
            return this == AMPLITUDE ? "amplitude" : "bothBounds";
        }
    }

    /**
     * Exponential decay with the global step.
     *
     * @param gamma decay per step, in {@code (0, 1]}
     * @param decay what decays
     */
    record ExpRange(double gamma, ExpRangeDecay decay) implements CycleScaling {
        /**
         * Creates an exp_range scaling.
         *
         * @param gamma decay per optimizer step, in {@code (0, 1]}
         * @param decay what decays, not null
         * @throws IllegalArgumentException if {@code gamma} is not in {@code (0, 1]} or {@code decay} is null
         */
        public ExpRange {
            Checks.positiveFraction("gamma", gamma);
            Checks.notNull("decay", decay);
        }

        @Override
        public double factor(long cycle, long step) {
            return Math.pow(gamma, (double) step);
        }

        @Override
        public boolean scalesBase() {
            return decay == ExpRangeDecay.BOTH_BOUNDS;
        }

        @Override
        public String word() {
            return "expRange";
        }
    }

    /** What a {@link Custom} scale function receives. */
    enum ScaleBasis {
        /** The 0-based cycle index. */
        CYCLE,
        /** The 0-based global step. */
        STEP
    }

    /**
     * A user-defined factor. It has no text form; the function must be pure.
     *
     * @param basis whether the function receives the cycle or the step
     * @param function the factor as a function of it
     */
    record Custom(ScaleBasis basis, DoubleUnaryOperator function) implements CycleScaling {
        /**
         * Creates a user-defined scaling.
         *
         * @param basis whether the function receives the cycle or the step, not null
         * @param function the factor as a function of it, pure, not null
         * @throws IllegalArgumentException if {@code basis} or {@code function} is null
         */
        public Custom {
            Checks.notNull("basis", basis);
            Checks.notNull("function", function);
        }

        @Override
        public double factor(long cycle, long step) {
            return function.applyAsDouble(basis == ScaleBasis.CYCLE ? cycle : step);
        }

        @Override
        public String word() {
            throw new UnsupportedOperationException("a custom cycle scaling has no text form; "
                    + "use triangular, triangular2 or expRange to print and parse the schedule");
        }
    }
}
