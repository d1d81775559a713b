package org.lrkit.experiment.estimate;

import org.lrkit.djl.curvature.CurvatureEstimate;
import org.lrkit.djl.curvature.HessianFreeRecord;

/**
 * One row of an estimate run: a Hessian-free estimate (global and per layer), the training loss around it and,
 * at the rows where one was due, a curvature probe along the gradient.
 *
 * @param hessianFree the Hessian-free estimate, its moving average and its step
 * @param loss the mean training loss of the last {@code every} steps up to the estimate's step
 * @param curvature the probe made at this row, or {@code null} where none was due
 */
public record EstimateRow(HessianFreeRecord hessianFree, double loss, CurvatureEstimate curvature) {

    /**
     * Checks that the estimate is there.
     *
     * @param hessianFree the Hessian-free estimate, its moving average and its step; not null
     * @param loss the mean training loss of the last {@code every} steps up to the estimate's step
     * @param curvature the probe made at this row, or {@code null}
     * @throws IllegalArgumentException if {@code hessianFree} is null
     */
    public EstimateRow {
        if (hessianFree == null) {
            throw new IllegalArgumentException("hessianFree must not be null");
        }
    }

    /**
     * Whether a curvature probe was made at this row.
     *
     * @return whether {@link #curvature()} is not null
     */
    public boolean probed() {
        return curvature != null;
    }

    /**
     * The step of the estimate: the optimizer step after which its third snapshot was taken.
     *
     * @return the optimizer step
     */
    public long step() {
        return hessianFree.step();
    }

    /**
     * The base learning rate of that step.
     *
     * @return the learning rate
     */
    public double learningRate() {
        return hessianFree.learningRate();
    }

    /**
     * The global Hessian-free estimate of this window of three steps.
     *
     * @return the estimate; infinite where the gradient did not change
     */
    public double estimate() {
        return hessianFree.estimate();
    }

    /**
     * The global momentum-corrected estimate of this window ({@link HessianFreeRecord#corrected()}): equal to
     * {@link #estimate()} without momentum, NaN where it could not be computed.
     *
     * @return the corrected estimate, or NaN
     */
    public double corrected() {
        return hessianFree.corrected();
    }

    /**
     * The SGD momentum of the window's middle step, NaN where unknown or not SGD.
     *
     * @return the momentum, or NaN
     */
    public double momentum() {
        return hessianFree.momentum();
    }

    /**
     * The moving average of the global estimates up to this one.
     *
     * @return the moving average
     */
    public double average() {
        return hessianFree.average();
    }
}
