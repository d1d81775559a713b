package org.lrkit.djl.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lrkit.djl.optim.OptimizerState;
import org.lrkit.djl.tensor.ModelWeights;
import org.lrkit.schedule.Constant;
import org.lrkit.schedule.Policy;

/** A checkpoint records whose run it is and the training time so far, and reads older files without them. */
class CheckpointTest {

    private static final Policy POLICY = Policy.of(new Constant(0.05));

    @TempDir
    Path directory;

    private static Checkpoint sample(Map<String, String> owner, double seconds) {
        return new Checkpoint(POLICY.toSpec(), POLICY.fingerprint(), new TrainingProgress(14, 1, 4, 28, 1.5, 4,
                seconds), new DataPlan(3, 64, 1000), "sgd", ModelWeights.of(Map.of()),
                new OptimizerState("sgd", 14, Map.of()), owner);
    }

    @Test
    void ownerAndTrainingSecondsSurviveTheFile() throws IOException {
        Map<String, String> owner = new LinkedHashMap<>();
        owner.put("run", "0b6c5a4e-1f2d-4c3b-9a8e-7d6f5e4c3b2a");
        owner.put("dataset", "fashion-mnist-embedded");
        owner.put("trainImages", "1000");
        Path file = directory.resolve("checkpoint.lrkit");
        sample(owner, 7.25).write(file);

        Checkpoint back = Checkpoint.read(file);
        assertThat(back.owner()).containsExactlyEntriesOf(owner);
        assertThat(back.progress().seconds()).isEqualTo(7.25);
        assertThat(new String(CheckpointFile.read(file).get("meta"), StandardCharsets.UTF_8))
                .contains("\nowner.run=0b6c5a4e-1f2d-4c3b-9a8e-7d6f5e4c3b2a\n", "\nowner.trainImages=1000\n");
    }

    @Test
    void anOlderCheckpointReadsWithNoOwnerAndNoTime() throws IOException {
        Path file = directory.resolve("checkpoint.lrkit");
        sample(Map.of("run", "x"), 3.0).write(file);
        Map<String, byte[]> sections = CheckpointFile.read(file);
        String meta = new String(sections.get("meta"), StandardCharsets.UTF_8);
        sections.put("meta", meta.replaceAll("(?m)^(owner\\.[^\\n]*|seconds=[^\\n]*)\\n", "")
                .getBytes(StandardCharsets.UTF_8));
        CheckpointFile.write(file, sections);

        Checkpoint back = Checkpoint.read(file);
        assertThat(back.owner()).isEmpty();
        assertThat(back.progress().seconds()).isZero();
        assertThat(back.progress().step()).isEqualTo(14);
    }
}
