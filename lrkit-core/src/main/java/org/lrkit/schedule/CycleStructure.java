package org.lrkit.schedule;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.lrkit.Checks;

/**
 * The cycles of a cyclic schedule (cyclical learning rates, SGDR, one-cycle): which cycle and phase a step
 * is in, and the last step of each cycle.
 *
 * <p>A cycle's <em>end</em> is its last step: the step right before the next cycle starts. For SGDR it is
 * the trough just before a warm restart, where the learning rate is lowest and a snapshot for a snapshot
 * ensemble is taken (Loshchilov &amp; Hutter 2017, Huang et al. 2017); Smith (2017) recommends stopping
 * training there. For a one-cycle policy it is the last planned step.
 *
 * <pre>{@code
 * Schedule sgdr = Sgdr.builder().peak(0.05).firstPeriod(10 * 390).periodMultiplier(2).build();  // restarts
 *                                                           // after 10, 30, 70 epochs
 * long[] ends = sgdr.cycles().orElseThrow().cycleEnds(70 * 390);  // {3899, 11699, 27299}
 * }</pre>
 */
public interface CycleStructure {

    /**
     * The cycle and phase of {@code step}.
     *
     * @param step 0-based optimizer step, {@code >= 0}
     * @return the cycle, phase and fraction of the phase at that step
     * @throws IllegalArgumentException if {@code step < 0}
     */
    CyclePosition positionAt(long step);

    /**
     * The first cycle end at or after {@code step}, or empty when no cycle ends from there on (after the
     * last cycle of a schedule with a cycle limit).
     *
     * @param step 0-based optimizer step to search from, {@code >= 0}
     * @return the step of the next cycle end, or empty
     * @throws IllegalArgumentException if {@code step < 0}
     */
    OptionalLong nextCycleEnd(long step);

    /**
     * The ends of all cycles that end before {@code untilStep} (exclusive), in increasing order.
     *
     * @param untilStep first optimizer step not searched, typically the planned length of training
     * @return the last step of each such cycle, in increasing order; empty when none ends before
     */
    default long[] cycleEnds(long untilStep) {
        List<Long> ends = new ArrayList<>();
        OptionalLong next = nextCycleEnd(0);
        while (next.isPresent() && next.getAsLong() < untilStep) {
            ends.add(next.getAsLong());
            next = nextCycleEnd(next.getAsLong() + 1);
        }
        return ends.stream().mapToLong(Long::longValue).toArray();
    }

    /**
     * Whether {@code step} is the last step of a cycle.
     *
     * @param step 0-based optimizer step, {@code >= 0}
     * @return true if a cycle ends at {@code step}
     * @throws IllegalArgumentException if {@code step < 0}
     */
    default boolean isCycleEnd(long step) {
        OptionalLong next = nextCycleEnd(step);
        return next.isPresent() && next.getAsLong() == step;
    }

    /**
     * This structure moved {@code steps} later: a cycle end at {@code e} becomes {@code e + steps}.
     *
     * @param steps how many optimizer steps the structure moves, {@code >= 0}
     * @param leadPhase the phase name reported for the first {@code steps} steps, which belong to cycle 0,
     *     such as {@code "warmup"}
     * @return the delayed structure
     */
    default CycleStructure delayedBy(long steps, String leadPhase) {
        CycleStructure inner = this;
        return new CycleStructure() {
            @Override
            public CyclePosition positionAt(long step) {
                if (Checks.step(step) < steps) {
                    return new CyclePosition(0, leadPhase, (double) step / steps);
                }
                return inner.positionAt(step - steps);
            }

            @Override
            public OptionalLong nextCycleEnd(long step) {
                OptionalLong end = inner.nextCycleEnd(Math.max(0, Checks.step(step) - steps));
                return end.isPresent() ? OptionalLong.of(end.getAsLong() + steps) : end;
            }
        };
    }
}
