package org.lrkit.schedule;

/** Applies a {@link PastEnd} rule for schedules planned up to a last step. */
final class Horizon {

    private Horizon() {
    }

    /**
     * Whether {@code step} lies past {@code lastStep}; raises for {@link PastEnd#ERROR}.
     *
     * @return true when the caller must answer with its held (final) value, false when it must evaluate
     *     its formula (inside the plan, or extrapolating)
     */
    static boolean holds(long step, double lastStep, PastEnd rule, Schedule schedule) {
        if (step < 0) {
            throw new IllegalArgumentException("step must be >= 0 (steps are 0-based), got " + step);
        }
        if (step <= lastStep) {
            return false;
        }
        return switch (rule) {
            case HOLD -> true;
            case EXTRAPOLATE -> false;
            case ERROR -> throw new IllegalArgumentException("step " + step + " is past the end of "
                    + schedule.toSpec() + ", which plans steps up to " + formatStep(lastStep)
                    + "; build it with pastEnd=hold to keep the final value, or plan more steps");
        };
    }

    private static String formatStep(double step) {
        return step == Math.rint(step) && Math.abs(step) < 0x1p53 ? Long.toString((long) step) : Double.toString(step);
    }
}
