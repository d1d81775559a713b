package org.lrkit.djl.train;

import java.nio.file.Path;
import java.util.Optional;
import org.lrkit.schedule.Policy;

/**
 * How a training run ended.
 *
 * @param steps completed optimizer steps
 * @param epochsCompleted whole epochs completed, those before a resume included
 * @param seconds wall-clock seconds of training, over every session when resumed (the time recorded in the
 *     checkpoint resumed from, plus this session's)
 * @param lastEpoch the last completed epoch, if any
 * @param finalEvaluation the evaluation after the last step, when there is validation data
 * @param policy the policy followed (after any elastic reconciliation)
 * @param checkpoint the last checkpoint written, if any
 * @param partialEpoch when the run ended mid-epoch (a length in steps) with validation data: the epoch in
 *     progress as far as it went, evaluated after the last step ({@link EpochResult#step()} is the last step,
 *     {@link EpochResult#trainLoss()} the mean over that epoch's steps); empty when the run ended with an epoch
 */
public record TrainingSummary(long steps, long epochsCompleted, double seconds, Optional<EpochResult> lastEpoch,
        Optional<EvaluationResult> finalEvaluation, Policy policy, Optional<Path> checkpoint,
        Optional<EpochResult> partialEpoch) {

    /**
     * A summary of a run that ended with an epoch (no partial epoch).
     *
     * @param steps completed optimizer steps
     * @param epochsCompleted whole epochs completed, those before a resume included
     * @param seconds wall-clock seconds of training, over every session when resumed
     * @param lastEpoch the last completed epoch, if any
     * @param finalEvaluation the evaluation after the last step, when there is validation data
     * @param policy the policy followed (after any elastic reconciliation)
     * @param checkpoint the last checkpoint written, if any
     */
    public TrainingSummary(long steps, long epochsCompleted, double seconds, Optional<EpochResult> lastEpoch,
            Optional<EvaluationResult> finalEvaluation, Policy policy, Optional<Path> checkpoint) {
        this(steps, epochsCompleted, seconds, lastEpoch, finalEvaluation, policy, checkpoint, Optional.empty());
    }
}
