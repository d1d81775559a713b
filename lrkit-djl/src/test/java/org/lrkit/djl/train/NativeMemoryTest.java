package org.lrkit.djl.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.ArrayDataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lrkit.djl.testing.Fixtures;
import org.lrkit.djl.testing.Measurements;
import org.lrkit.djl.testing.Runs;

/**
 * Training does not leak native arrays: the number of arrays alive in the engine (counted from DJL's system
 * manager down, so everything the run allocates is included) is the same at the end of every epoch once the
 * first has warmed up, and bounded within an epoch.
 */
class NativeMemoryTest {

    @Test
    void arrayCountStaysFlatOverEpochs() throws Exception {
        int epochs = 6;
        try (NDManager manager = NDManager.newBaseManager();
                Model model = Fixtures.model("memory", Fixtures.cnn())) {
            NDManager system = manager.getParentManager();
            ArrayDataset train = Fixtures.stripes(manager, 320, 5, 32);
            ArrayDataset test = Fixtures.stripes(manager, 96, 6, 32);
            List<Integer> atEpochEnd = new ArrayList<>();
            List<Integer> duringEpochs = new ArrayList<>();
            List<Long> residentKb = new ArrayList<>();
            Runs.run(model, Runs.sgd(Runs.oneCycle(0.1, epochs * 10L)), train, Fixtures.cnnInput(),
                    TrainingLength.epochs(epochs))
                    .validationData(test)
                    .listener(new TrainingRunListener() {
                        @Override
                        public void onStep(long epoch, StepResult step) {
                            duringEpochs.add(system.getManagedArrays().size());
                        }

                        @Override
                        public void onEpoch(EpochResult epoch) {
                            atEpochEnd.add(system.getManagedArrays().size());
                            residentKb.add(residentKilobytes());
                        }
                    }).build().run();
            Measurements.record("memory", "live native arrays at each epoch end " + atEpochEnd + "; within epochs "
                    + duringEpochs.stream().mapToInt(Integer::intValue).min().orElse(0) + ".."
                    + duringEpochs.stream().mapToInt(Integer::intValue).max().orElse(0) + "; resident set (kB) "
                    + residentKb);
            assertThat(atEpochEnd).hasSize(epochs);
            assertThat(atEpochEnd.subList(1, epochs)).as("live arrays after each epoch once warmed up")
                    .containsOnly(atEpochEnd.get(1));
            int perEpoch = 10;
            List<Integer> laterEpochs = duringEpochs.subList(perEpoch, duringEpochs.size());
            assertThat(laterEpochs.stream().mapToInt(Integer::intValue).max().orElseThrow())
                    .as("live arrays within epochs after the first")
                    .isEqualTo(duringEpochs.subList(perEpoch, 2 * perEpoch).stream().mapToInt(Integer::intValue).max()
                            .orElseThrow());
        }
    }

    private static long residentKilobytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
