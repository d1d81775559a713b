package org.lrkit.experiment.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lrkit.djl.train.EpochResult;
import org.lrkit.djl.train.RunStart;
import org.lrkit.djl.train.StepResult;
import org.lrkit.djl.train.TrainingSummary;
import org.lrkit.schedule.Policy;
import org.lrkit.schedule.Schedule;


/** Metrics files are written as the run goes, and a resumed run drops rows written after its checkpoint. */
class MetricsWriterTest {

    private static final Policy POLICY = Policy.of(Schedule.constant(0.1));

    @TempDir
    Path directory;

    private static void steps(MetricsWriter writer, long from, long to) {
        for (long step = from; step < to; step++) {
            writer.onStep(step / 2, new StepResult(step, 1.0 / (step + 1), 0.1, 0.9));
            if (step % 2 == 1) {
                writer.onEpoch(new EpochResult(step / 2, step + 1, 0.5, Double.NaN, 0.75, 0.1, 1.5));
            }
        }
    }

    @Test
    void writesCsvRowsWithHeaders() throws IOException {
        try (MetricsWriter writer = MetricsWriter.csv(directory)) {
            writer.onStart(new RunStart(0, 4, 2, POLICY));
            steps(writer, 0, 4);
            writer.flush();
            assertThat(Files.readAllLines(writer.stepsFile(), StandardCharsets.UTF_8)).containsExactly(
                    "step,epoch,loss,lr,momentum", "0,0,1.0,0.1,0.9", "1,0,0.5,0.1,0.9", "2,1,0.3333333333333333,0.1,0.9",
                    "3,1,0.25,0.1,0.9");
            assertThat(Files.readAllLines(writer.epochsFile(), StandardCharsets.UTF_8)).containsExactly(
                    "step,epoch,train_loss,val_loss,val_accuracy,lr,seconds", "2,0,0.5,,0.75,0.1,1.5",
                    "4,1,0.5,,0.75,0.1,1.5");
        }
    }

    @Test
    void writesJsonLinesWithNullForNaN() throws IOException {
        try (MetricsWriter writer = MetricsWriter.json(directory)) {
            writer.onStart(new RunStart(0, 2, 2, POLICY));
            steps(writer, 0, 2);
            writer.onEnd(null);
            assertThat(Files.readAllLines(writer.stepsFile(), StandardCharsets.UTF_8)).containsExactly(
                    "{\"step\":0,\"epoch\":0,\"loss\":1.0,\"lr\":0.1,\"momentum\":0.9}",
                    "{\"step\":1,\"epoch\":0,\"loss\":0.5,\"lr\":0.1,\"momentum\":0.9}");
            assertThat(Files.readAllLines(writer.epochsFile(), StandardCharsets.UTF_8)).containsExactly(
                    "{\"step\":2,\"epoch\":0,\"train_loss\":0.5,\"val_loss\":null,\"val_accuracy\":0.75,\"lr\":0.1,"
                            + "\"seconds\":1.5}");
        }
    }

    @Test
    void resumedRunDropsRowsAfterItsCheckpointAndAppends() throws IOException {
        for (MetricsWriter.Format format : MetricsWriter.Format.values()) {
            Path sub = directory.resolve(format.name());
            try (MetricsWriter crashed = MetricsWriter.of(sub, format)) {
                crashed.onStart(new RunStart(0, 8, 2, POLICY));
                steps(crashed, 0, 7); // the checkpoint was at step 4; steps 4..6 and epoch row at 6 are lost work
                crashed.flush();
            }
            try (MetricsWriter resumed = MetricsWriter.of(sub, format)) {
                resumed.onStart(new RunStart(4, 8, 2, POLICY));
                steps(resumed, 4, 8);
                resumed.flush();
                List<String> stepRows = Files.readAllLines(resumed.stepsFile(), StandardCharsets.UTF_8);
                List<String> epochRows = Files.readAllLines(resumed.epochsFile(), StandardCharsets.UTF_8);
                int header = format == MetricsWriter.Format.CSV ? 1 : 0;
                assertThat(stepRows).as(format + " step rows").hasSize(header + 8);
                assertThat(epochRows).as(format + " epoch rows").hasSize(header + 4);
                for (int step = 0; step < 8; step++) {
                    assertThat(stepRows.get(header + step)).contains(format == MetricsWriter.Format.CSV
                            ? step + "," + step / 2 + "," : "{\"step\":" + step + ",");
                }
            }
        }
    }

    private static TrainingSummary endingMidEpoch(long step, double seconds) {
        EpochResult partial = new EpochResult(step / 2, step, 0.25, 0.5, 0.8, 0.1, seconds);
        return new TrainingSummary(step, step / 2, seconds, Optional.empty(), Optional.empty(), POLICY,
                Optional.empty(), Optional.of(partial));
    }

    @Test
    void aRunEndingMidEpochEndsEpochsCsvWithItsFinalEvaluation() throws IOException {
        Path sub = directory.resolve("partial");
        try (MetricsWriter writer = MetricsWriter.csv(sub)) {
            writer.onStart(new RunStart(0, 5, 2, POLICY));
            steps(writer, 0, 5);
            writer.onEnd(endingMidEpoch(5, 2.5));
            assertThat(Files.readAllLines(writer.epochsFile(), StandardCharsets.UTF_8)).containsExactly(
                    "step,epoch,train_loss,val_loss,val_accuracy,lr,seconds", "2,0,0.5,,0.75,0.1,1.5",
                    "4,1,0.5,,0.75,0.1,1.5", "5,2,0.25,0.5,0.8,0.1,2.5");
        }
        // Resumed at that step (the run made longer), the partial row gives way to the epoch's real end.
        try (MetricsWriter resumed = MetricsWriter.csv(sub)) {
            resumed.onStart(new RunStart(5, 8, 2, POLICY));
            steps(resumed, 5, 8);
            resumed.onEnd(null);
            assertThat(Files.readAllLines(resumed.epochsFile(), StandardCharsets.UTF_8)).containsExactly(
                    "step,epoch,train_loss,val_loss,val_accuracy,lr,seconds", "2,0,0.5,,0.75,0.1,1.5",
                    "4,1,0.5,,0.75,0.1,1.5", "6,2,0.5,,0.75,0.1,1.5", "8,3,0.5,,0.75,0.1,1.5");
        }
    }
}
