package org.lrkit.djl.train;

import java.nio.file.Path;
import java.util.Optional;
import org.lrkit.schedule.Policy;

/**
 * How a training run ended.
 *
 * @param steps completed optimizer steps
 * @param epochsCompleted whole epochs completed, those before a resume included
 * @param seconds wall-clock seconds of this session (since the run or its resumption started)
 * @param lastEpoch the last completed epoch, if any
 * @param finalEvaluation the evaluation after the last step, when there is validation data
 * @param policy the policy followed (after any elastic reconciliation)
 * @param checkpoint the last checkpoint written, if any
 */
public record TrainingSummary(long steps, long epochsCompleted, double seconds, Optional<EpochResult> lastEpoch,
        Optional<EvaluationResult> finalEvaluation, Policy policy, Optional<Path> checkpoint) {
}
