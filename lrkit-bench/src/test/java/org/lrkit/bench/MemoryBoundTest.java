package org.lrkit.bench;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lrkit.djl.engine.EngineSettings;
import org.lrkit.djl.engine.Engines;
import org.lrkit.vision.data.Datasets;
import org.lrkit.vision.transform.Normalization;

/**
 * A long run's resident set stays within a bound once warm, with direct memory capped as {@code ./lrkit} caps
 * it (this module's tests run with {@code -XX:MaxDirectMemorySize=128m}). Without the cap it grows by about
 * 0.3 MB a step, the direct buffers each step's input is copied into (docs/benchmarks.md, "Memory").
 */
class MemoryBoundTest {

    /** Growth allowed between step 401 and step 1,000: a third of what 600 uncapped steps add (about 180 MB). */
    private static final double BOUND_MB = 60;

    @Test
    void theResidentSetStaysFlatAfterWarmUp() throws Exception {
        BatchFile batches = BatchFile.of(ExportBatches.subset(Datasets.load("fashion-mnist-embedded", "train"),
                1024, "shuffled", 1), Normalization.FASHION_MNIST, 1024);
        Device device = Engines.start(EngineSettings.defaults().withThreads(2, 1));
        Map<String, Object> result = TrainingThroughput.measure("fashion_cnn", batches, 128, 2, 1000, "lrkit", 100,
                null, device);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> samples = (List<Map<String, Object>>) result.get("memory");
        double warm = rss(samples, 401);
        double end = rss(samples, 1000);
        assertThat(end - warm).as("resident set from step 401 (%.0f MB) to step 1,000 (%.0f MB)", warm, end)
                .isLessThan(BOUND_MB);
    }

    private static double rss(List<Map<String, Object>> samples, int step) {
        return samples.stream().filter(s -> ((Number) s.get("step")).intValue() == step)
                .mapToDouble(s -> ((Number) s.get("rss_mb")).doubleValue()).findFirst().orElseThrow();
    }
}
