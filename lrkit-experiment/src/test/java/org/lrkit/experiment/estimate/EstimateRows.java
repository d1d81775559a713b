package org.lrkit.experiment.estimate;

import java.util.Map;
import org.lrkit.djl.curvature.CurvatureEstimate;
import org.lrkit.djl.curvature.HessianFreeRecord;
import org.lrkit.djl.curvature.LayerEstimate;

/** Hand-made rows of an estimate run, for tests that need no training. */
final class EstimateRows {

    private EstimateRows() {
    }

    /** A row at {@code step} with learning rate {@code lr}, estimate {@code estimate} and moving average {@code average}. */
    static EstimateRow row(long step, double lr, double estimate, double average) {
        return new EstimateRow(new HessianFreeRecord(step, lr, estimate, average, estimate, 1.0,
                Map.of("01Linear", new LayerEstimate(estimate, average, estimate, 1.0))), 2.3, null);
    }

    /** As {@link #row}, with SGD momentum {@code momentum} and the momentum-corrected estimate {@code corrected}. */
    static EstimateRow corrected(long step, double lr, double estimate, double momentum, double corrected) {
        return new EstimateRow(new HessianFreeRecord(step, lr, estimate, 0.1, estimate, 1.0,
                Map.of("01Linear", new LayerEstimate(estimate, 0.1, estimate, 1.0)), momentum, corrected), 2.3, null);
    }

    /** As {@link #row}, with a curvature probe whose step along the gradient is {@code along}. */
    static EstimateRow probed(long step, double lr, double estimate, double average, double along) {
        EstimateRow row = row(step, lr, estimate, average);
        return new EstimateRow(row.hessianFree(), row.loss(), new CurvatureEstimate(2.3, 1.0, 1.0 / along, 1e-3,
                along));
    }
}
