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
 * it (this module's tests run with {@code -XX:MaxDirectMemorySize=128m} and a fixed, pre-touched 512 MB heap,
 * so that the resident set moves with native memory only). Without the cap it grows by about
 * 0.3 MB a step, the direct buffers each step's input is copied into (docs/benchmarks.md, "Memory").
 */
class MemoryBoundTest {

    /** The launcher's cap on direct memory, which this module's tests run with. */
    private static final double DIRECT_MEMORY_CAP_MB = 128;

    private static final int STEPS = 2500;

    private static final int SAMPLE_EVERY = 50;

    /** Steps 1-100 warm libtorch's caches and the allocator; the baseline is the median over the next 400. */
    private static final int WARM_FROM = 101;

    private static final int WARM_TO = 500;

    /** The late level: the median over the last 500 steps, which ignores a single high sample. */
    private static final int LATE_FROM = STEPS - 499;

    /**
     * What the late level may hold above the warm baseline: up to one cap of live input buffers waiting for the
     * collection the cap forces, up to one cap of freed buffers that the C allocator keeps instead of returning
     * (in a failing 1,000-step build the level after a collection rose from 922 to 1,053 MB and stayed), plus
     * 32 MB. Without the cap, 0.3 MB a step from step 300 to step 2,250 is about 585 MB: far above it.
     */
    private static final double BOUND_MB = 2 * DIRECT_MEMORY_CAP_MB + 32;

    @Test
    void theResidentSetStaysWithinTwiceTheDirectMemoryCapOfItsWarmLevel() throws Exception {
        BatchFile batches = BatchFile.of(ExportBatches.subset(Datasets.load("fashion-mnist-embedded", "train"),
                1024, "shuffled", 1), Normalization.FASHION_MNIST, 1024);
        Device device = Engines.start(EngineSettings.defaults().withThreads(2, 1));
        Map<String, Object> result = TrainingThroughput.measure("fashion_cnn", batches, 128, 2, STEPS, "lrkit",
                SAMPLE_EVERY, null, device);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> samples = (List<Map<String, Object>>) result.get("memory");
        double warm = median(samples, WARM_FROM, WARM_TO);
        double late = median(samples, LATE_FROM, STEPS);
        System.out.printf("MemoryBoundTest: resident set %.0f MB warm (steps %d-%d), %.0f MB late (steps %d-%d),"
                + " %+.0f MB against a bound of %.0f MB%n", warm, WARM_FROM, WARM_TO, late, LATE_FROM, STEPS,
                late - warm, BOUND_MB);
        assertThat(late - warm).as("resident set's median over steps %d-%d (%.0f MB) and over steps %d-%d (%.0f"
                + " MB); every sample: %s", WARM_FROM, WARM_TO, warm, LATE_FROM, STEPS, late, samples)
                .isLessThan(BOUND_MB);
    }

    private static double median(List<Map<String, Object>> samples, int fromStep, int toStep) {
        double[] values = samples.stream().filter(s -> ((Number) s.get("step")).intValue() >= fromStep
                        && ((Number) s.get("step")).intValue() <= toStep)
                .mapToDouble(s -> ((Number) s.get("rss_mb")).doubleValue()).sorted().toArray();
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }
}
