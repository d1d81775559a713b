package org.lrkit.djl.train;

/**
 * The end of an epoch.
 *
 * @param epoch the 0-based epoch that ended
 * @param step completed optimizer steps at its end
 * @param trainLoss the mean training loss of the epoch's steps
 * @param validationLoss the mean validation loss, NaN without validation data
 * @param validationAccuracy the validation top-1 accuracy in {@code [0, 1]}, NaN without validation data
 * @param learningRate the learning rate of the epoch's last step
 * @param seconds wall-clock seconds of training since the run started, over every session when resumed
 */
public record EpochResult(long epoch, long step, double trainLoss, double validationLoss, double validationAccuracy,
        double learningRate, double seconds) {
}
