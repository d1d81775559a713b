package org.lrkit.experiment.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultTableTest {

    @TempDir
    Path dir;

    private RunData twoSeeds() throws Exception {
        RunDirectories.write(dir, "compare", List.of(
                new RunDirectories.Policy("one-cycle", "oneCyclePolicy(peak=0.05, totalSteps=138)", 3,
                        new double[][] {{0.80, 0.86, 0.89}, {0.81, 0.87, 0.88}}),
                new RunDirectories.Policy("step", "multiStepDecay(initial=0.05, milestones=[69, 104])", 3,
                        new double[][] {{0.78, 0.82, 0.85}, {0.79, 0.83, 0.86}}),
                new RunDirectories.Policy("long", "multiStepDecay(initial=0.05, milestones=[138, 207])", 6,
                        new double[][] {{0.78, 0.82, 0.85, 0.86, 0.88, 0.895}, {0.79, 0.83, 0.84, 0.87, 0.885, 0.89}})),
                false);
        return RunData.read(dir);
    }

    @Test
    void theDefaultTargetIsTheBestFinalAccuracyRoundedDown() throws Exception {
        ResultTable table = ResultTable.of(twoSeeds(), Double.NaN);

        assertThat(table.target()).isEqualTo(0.89);
        assertThat(table.rows()).extracting(ResultTable.Row::label).containsExactly("one-cycle", "step", "long");
        ResultTable.Row oneCycle = table.rows().get(0);
        assertThat(oneCycle.finalMean()).isCloseTo(0.885, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(oneCycle.finalStd()).isCloseTo(Math.sqrt(0.00005), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(oneCycle.reached()).isEqualTo(1);
        assertThat(oneCycle.toTargetMean()).isEqualTo(3);
        assertThat(table.rows().get(1).reached()).isZero();
        assertThat(table.rows().get(2).toTargetMean()).isEqualTo(6);
        assertThat(table.rows().get(2).secondsMean()).isEqualTo(12);
    }

    @Test
    void printsAlignedColumnsWithMeanAndSpread() throws Exception {
        String text = ResultTable.of(twoSeeds(), Double.NaN).text();

        assertThat(text).isEqualTo(
                "policy     epochs  final accuracy  best accuracy  epochs to 89.0%    time\n"
                + "one-cycle       3   88.5% +/- 0.7  88.5% +/- 0.7          3 (1/2)   6.0 s\n"
                + "step            3   85.5% +/- 0.7  85.5% +/- 0.7                -   6.0 s\n"
                + "long            6   89.3% +/- 0.4  89.3% +/- 0.4                6  12.0 s\n");
    }

    @Test
    void aGivenTargetCountsEpochsToIt() throws Exception {
        ResultTable table = ResultTable.of(twoSeeds(), 0.85);

        assertThat(table.targetRule()).isEqualTo("given");
        assertThat(table.rows()).extracting(ResultTable::toTarget).containsExactly("2", "3", "3.5");
        assertThat(table.json().get("target")).isEqualTo(0.85);
    }

    @Test
    void runsThatDidNotFinishAreNotedAndLeftOutOfTheMeans() throws Exception {
        RunDirectories.write(dir, "train", List.of(new RunDirectories.Policy("sgdr", "sgdr(peak=0.1, firstPeriod=46)",
                4, new double[][] {{0.7, 0.8}})), false);
        ResultTable table = ResultTable.of(RunData.read(dir), Double.NaN);

        ResultTable.Row row = table.rows().get(0);
        assertThat(row.completed()).isZero();
        assertThat(row.finalMean()).isNaN();
        assertThat(row.note()).isEqualTo("interrupted");
        assertThat(table.target()).isNaN();
        assertThat(table.text()).contains("epochs to target").contains("  interrupted\n");
    }
}
