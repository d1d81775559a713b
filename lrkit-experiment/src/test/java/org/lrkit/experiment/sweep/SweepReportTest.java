package org.lrkit.experiment.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepReportTest {

    private static final Grid GRID = Grid.parse("grid.txt", """
            seed = 0, 1
            peak = 0.01, 0.1
            policy = one-cycle=oneCyclePolicy(peak={peak}, totalSteps=auto)
            policy = auto=auto
            """, Set.of("seed")::contains);

    @TempDir
    Path directory;

    /** Writes the files lrkit train leaves in a finished run's directory. */
    private static Path finishedRun(Path sweep, SweepRun run, double[] accuracies, String resolvedSpec)
            throws IOException {
        Path runDirectory = sweep.resolve(run.folder());
        Path seedFolder = runDirectory.resolve("runs/" + run.label() + "/seed-" + run.seed());
        Files.createDirectories(seedFolder);
        StringBuilder epochs = new StringBuilder("step,epoch,train_loss,val_loss,val_accuracy,lr,seconds\n");
        for (int e = 0; e < accuracies.length; e++) {
            epochs.append(10 * (e + 1)).append(',').append(e).append(",0.5,0.5,").append(accuracies[e])
                    .append(",0.01,1.0\n");
        }
        Files.writeString(seedFolder.resolve("epochs.csv"), epochs);
        Files.writeString(runDirectory.resolve("summary.json"), """
                {"lrkit": "run summary", "status": "completed", "runs": [{"label": "%s", "seed": %s,
                 "status": "completed", "steps": %d, "seconds": 2.5, "finalAccuracy": %s,
                 "folder": "runs/%s/seed-%s"}]}
                """.formatted(run.label(), run.seed(), 10 * accuracies.length, accuracies[accuracies.length - 1],
                run.label(), run.seed()));
        Files.writeString(runDirectory.resolve("config.json"), """
                {"lrkit": "run configuration", "policies": [{"label": "%s", "spec": "%s"}]}
                """.formatted(run.label(), resolvedSpec));
        return runDirectory;
    }

    private List<SweepOutcome> finishAll(List<SweepRun> runs) throws IOException {
        List<SweepOutcome> outcomes = new ArrayList<>();
        for (SweepRun run : runs) {
            double last = 0.5 + 0.1 * run.index();
            Path runDirectory = finishedRun(directory, run, new double[] {last + 0.05, last},
                    run.rangeTestPeak() ? "oneCyclePolicy(peak=0.0427, totalSteps=20)" : "x(peak=1)");
            outcomes.add(SweepOutcome.read(run, runDirectory, 1, 3.0));
        }
        return outcomes;
    }

    @Test
    void anOutcomeIsReadFromTheRunDirectoryWithItsBestEpochAndTheRangeTestsPeak() throws IOException {
        SweepRun auto = GRID.runs().get(5);
        Path runDirectory = finishedRun(directory, auto, new double[] {0.61, 0.74, 0.70},
                "oneCyclePolicy(peak=0.0427, totalSteps=30)");

        SweepOutcome outcome = SweepOutcome.read(auto, runDirectory, 2, 12.5);

        assertThat(outcome).isEqualTo(new SweepOutcome(5, "completed", 0.70, 0.74, 30, 2.5, 0.0427, 2, 12.5));
        assertThat(SweepOutcome.finishedStatus(runDirectory)).contains("completed");
        assertThat(SweepOutcome.finishedStatus(directory.resolve("nothing-here"))).isEmpty();
    }

    @Test
    void aRunWithoutAFinishedSummaryIsNotAnOutcome() throws IOException {
        SweepRun run = GRID.runs().get(0);
        Path runDirectory = directory.resolve(run.folder());
        Files.createDirectories(runDirectory);
        Files.writeString(runDirectory.resolve("summary.json"),
                "{\"runs\": [{\"status\": \"interrupted\", \"folder\": \"x\"}]}");

        assertThat(SweepOutcome.finishedStatus(runDirectory)).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SweepOutcome.read(run, runDirectory, 1, 1.0))
                .isInstanceOf(IOException.class).hasMessageContaining("has not finished");
    }

    @Test
    void theTableGroupsSeedsByConfigurationWithMeanAndSpread() throws IOException {
        List<SweepRun> runs = GRID.runs();
        SweepTable table = SweepTable.of(runs, finishAll(runs));

        assertThat(table.axisNames()).containsExactly("peak");
        assertThat(table.rows()).extracting(SweepTable.Row::label).containsExactly("one-cycle", "one-cycle", "auto");
        SweepTable.Row first = table.rows().get(0);
        assertThat(first.axes()).isEqualTo(Map.of("peak", "0.01"));
        assertThat(first.finalAccuracy()).containsExactly(0.5, 0.6);
        assertThat(first.finalMean()).isCloseTo(0.55, within(1e-12));
        assertThat(first.bestMean()).isCloseTo(0.60, within(1e-12));
        assertThat(first.finalStd()).isCloseTo(Math.sqrt(0.005), within(1e-12));
        assertThat(table.rows().get(2).chosenPeakMean()).isEqualTo(0.0427);
        assertThat(table.text()).contains("one-cycle  0.01  2     55.0% +/- 7.1").contains("0.0427");
    }

    @Test
    void theFilesHoldEveryRunAndUnfinishedRunsAreMarked() throws IOException {
        List<SweepRun> runs = GRID.runs();
        List<SweepOutcome> outcomes = finishAll(runs).subList(0, 5);
        SweepReport report = new SweepReport("grid.txt", GRID, runs, outcomes, Map.of("jobSeconds", 12.0));

        report.write(directory);

        assertThat(report.complete()).isFalse();
        List<String> csv = Files.readAllLines(directory.resolve("sweep.csv"));
        assertThat(csv.get(0)).isEqualTo("index,policy,peak,seed,status,final_accuracy,best_accuracy,steps,seconds,"
                + "chosen_peak,attempts,wall_seconds,folder");
        assertThat(csv).hasSize(7);
        assertThat(csv.get(1)).isEqualTo("0,one-cycle,0.01,0,completed,0.5,0.55,20,2.5,,1,3.0,"
                + "runs/one-cycle/peak=0.01/seed-0");
        assertThat(csv.get(6)).isEqualTo("5,auto,,1,unfinished,,,,,,,,runs/auto/seed-1");
        String summary = Files.readString(directory.resolve("summary.json"));
        assertThat(summary).contains("\"status\": \"incomplete\"").contains("\"runsFinished\": 5")
                .contains("\"jobSeconds\": 12");
        assertThat(directory.resolve("peak.png")).isNotEmptyFile();
        String html = Files.readString(directory.resolve("report.html"));
        assertThat(html).contains("<h2>Accuracy against the peak</h2>").contains("data:image/png;base64,")
                .contains("runs/auto/seed-1/report.html").contains("unfinished")
                .contains("policy = one-cycle=oneCyclePolicy(peak={peak}, totalSteps=auto)");
    }

    @Test
    void aGridWithoutPeaksHasNoPeakChart() throws IOException {
        Grid grid = Grid.parse("g", "seed = 0, 1\npolicy = x=oneCyclePolicy(peak=0.1, totalSteps=auto)\n",
                Set.of("seed")::contains);
        List<SweepRun> runs = grid.runs();
        List<SweepOutcome> outcomes = new ArrayList<>();
        for (SweepRun run : runs) {
            outcomes.add(SweepOutcome.read(run, finishedRun(directory, run, new double[] {0.8}, "x(peak=0.1)"), 1,
                    1.0));
        }

        assertThat(PeakChart.of(SweepTable.of(runs, outcomes), "t")).isEmpty();
        new SweepReport("g", grid, runs, outcomes, Map.of()).write(directory);
        assertThat(directory.resolve("peak.png")).doesNotExist();
        assertThat(Files.readString(directory.resolve("summary.json"))).contains("\"status\": \"completed\"");
    }
}
