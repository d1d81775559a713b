package org.lrkit.experiment.reproduce;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.lrkit.schedule.CycleStructure;
import org.lrkit.schedule.Policy;
import org.lrkit.schedule.Schedule;
import org.lrkit.schedule.Sgdr;

/**
 * SGDR's anytime accuracy (Loshchilov &amp; Hutter 2017, Figure 2): the test accuracy at the end of each cycle,
 * where the learning rate has annealed and the paper takes its recommended solutions, beside the baseline's
 * accuracy after the same epoch.
 *
 * @param label the SGDR policy
 * @param baseline the policy it is compared with
 * @param points one per cycle end that falls on the end of an epoch
 */
public record AnytimeCurve(String label, String baseline, List<Point> points) {

    /**
     * One cycle end.
     *
     * @param epoch the epoch it ends (1-based)
     * @param accuracy the SGDR policy's mean test accuracy after it
     * @param baselineAccuracy the baseline's mean test accuracy after the same epoch, NaN if it had none
     */
    public record Point(double epoch, double accuracy, double baselineAccuracy) {
    }

    /**
     * Copies the points.
     *
     * @param label the SGDR policy
     * @param baseline the policy it is compared with
     * @param points one per cycle end; copied
     */
    public AnytimeCurve {
        points = List.copyOf(points);
    }

    /**
     * The curve of {@code fast} when its policy is an SGDR schedule; empty for any other policy.
     *
     * @param policy the fast policy
     * @param fast the outcome of the fast policy
     * @param baseline the outcome of the policy it is compared with
     * @param stepsPerEpoch optimizer steps per epoch of the run
     * @return the curve, or empty when the policy is not SGDR or {@code stepsPerEpoch < 1}
     */
    public static Optional<AnytimeCurve> of(Policy policy, PolicyOutcome fast, PolicyOutcome baseline,
            long stepsPerEpoch) {
        Schedule learningRate = policy.learningRate();
        if (!(learningRate instanceof Sgdr) || stepsPerEpoch < 1) {
            return Optional.empty();
        }
        Optional<CycleStructure> cycles = learningRate.cycles();
        if (cycles.isEmpty()) {
            return Optional.empty();
        }
        List<Point> points = new ArrayList<>();
        for (long end : cycles.get().cycleEnds(fast.steps())) {
            if ((end + 1) % stepsPerEpoch == 0) {
                double epoch = (double) (end + 1) / stepsPerEpoch;
                points.add(new Point(epoch, fast.accuracyAt(epoch), baseline.accuracyAt(epoch)));
            }
        }
        return Optional.of(new AnytimeCurve(fast.label(), baseline.label(), points));
    }
}
