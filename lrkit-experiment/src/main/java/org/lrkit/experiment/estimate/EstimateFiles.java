package org.lrkit.experiment.estimate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lrkit.djl.checkpoint.AtomicFiles;
import org.lrkit.djl.curvature.CurvatureEstimate;
import org.lrkit.djl.curvature.HessianFreeRecord;
import org.lrkit.djl.curvature.LayerEstimate;

/**
 * Writes the rows of an estimate run as CSV, at full double precision (empty cells for NaN and for rows without
 * a probe, {@code inf} for infinities):
 * <ul>
 *   <li>{@value #ESTIMATES}: {@code step,lr,loss,hf_estimate,hf_average,first_l1,gradient_change_l1,
 *       along_gradient,g_dot_g,g_dot_hg,momentum,hf_corrected}, one line per estimate ({@code hf_corrected} the
 *       momentum-corrected estimate of {@link org.lrkit.curvature.MomentumCorrectedEstimate}, {@code momentum}
 *       that of the window's middle step; both empty where unknown);</li>
 *   <li>{@value #LAYERS}: {@code step,layer,estimate,average,first_l1,gradient_change_l1}, one line per estimate
 *       and layer.</li>
 * </ul>
 */
public final class EstimateFiles {

    /** The global estimates and the probes. */
    public static final String ESTIMATES = "estimate.csv";
    /** The estimates per layer. */
    public static final String LAYERS = "layers.csv";

    private EstimateFiles() {
    }

    /**
     * Writes {@value #ESTIMATES} and {@value #LAYERS} into {@code directory} (made if missing), each atomically.
     *
     * @param directory the folder of the files
     * @param rows the rows of an estimate run
     * @return the two files, in that order, in a list the caller may add to
     * @throws IOException if the folder cannot be made or a file cannot be written
     */
    public static List<Path> write(Path directory, List<EstimateRow> rows) throws IOException {
        Files.createDirectories(directory);
        StringBuilder estimates = new StringBuilder(
                "step,lr,loss,hf_estimate,hf_average,first_l1,gradient_change_l1,along_gradient,g_dot_g,g_dot_hg,"
                        + "momentum,hf_corrected\n");
        StringBuilder layers = new StringBuilder("step,layer,estimate,average,first_l1,gradient_change_l1\n");
        for (EstimateRow row : rows) {
            HessianFreeRecord r = row.hessianFree();
            CurvatureEstimate c = row.curvature();
            estimates.append(r.step()).append(',').append(r.learningRate()).append(',').append(csv(row.loss()))
                    .append(',').append(csv(r.estimate())).append(',').append(csv(r.average())).append(',')
                    .append(csv(r.firstDifferenceL1())).append(',').append(csv(r.gradientDifferenceL1())).append(',')
                    .append(c == null ? "" : csv(c.step())).append(',')
                    .append(c == null ? "" : csv(c.gradientDotGradient())).append(',')
                    .append(c == null ? "" : csv(c.gradientDotHessianGradient())).append(',')
                    .append(csv(r.momentum())).append(',').append(csv(r.corrected())).append('\n');
            for (Map.Entry<String, LayerEstimate> entry : r.layers().entrySet()) {
                LayerEstimate layer = entry.getValue();
                layers.append(r.step()).append(',').append(entry.getKey()).append(',').append(csv(layer.estimate()))
                        .append(',').append(csv(layer.average())).append(',').append(csv(layer.firstDifferenceL1()))
                        .append(',').append(csv(layer.gradientDifferenceL1())).append('\n');
            }
        }
        Path estimateFile = directory.resolve(ESTIMATES);
        Path layerFile = directory.resolve(LAYERS);
        AtomicFiles.write(estimateFile, estimates.toString().getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(layerFile, layers.toString().getBytes(StandardCharsets.UTF_8));
        return new ArrayList<>(List.of(estimateFile, layerFile));
    }

    private static String csv(double value) {
        return Double.isFinite(value) ? Double.toString(value) : Double.isNaN(value) ? "" : value > 0 ? "inf" : "-inf";
    }
}
