package org.lrkit.experiment.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GridTest {

    /** A few of lrkit train's options, as the sweep command would answer. */
    private static final Set<String> SETTINGS = Set.of("epochs", "seed", "batch-size", "dataset", "model",
            "train-size", "nesterov", "out", "threads");

    private static Grid parse(String text) {
        return Grid.parse("grid.txt", text, SETTINGS::contains);
    }

    private static List<String> errorsOf(String text) {
        try {
            parse(text);
        } catch (GridException e) {
            return e.errors();
        }
        throw new AssertionError("expected errors in:\n" + text);
    }

    @Test
    void twoPoliciesThreePeaksTwoSeedsMakeTwelveRunsAndAPolicyWithoutThePeakRunsOncePerSeed() {
        Grid grid = parse("""
                # a comment
                epochs = 3
                seed = 0, 1
                peak = 0.01, 0.03, 0.1   # three peaks
                policy = one-cycle=oneCyclePolicy(peak={peak}, totalSteps=auto)
                policy = step=multiStepDecay(initial={peak}, milestones=[70, 105], factor=0.1)
                policy = auto=auto
                """);

        List<SweepRun> runs = grid.runs();

        assertThat(grid.runCount()).isEqualTo(14);
        assertThat(runs).hasSize(14);
        assertThat(runs.get(0).policy()).isEqualTo("one-cycle=oneCyclePolicy(peak=0.01, totalSteps=auto)");
        assertThat(runs.get(0).settings()).containsExactly(Map.entry("epochs", "3"), Map.entry("seed", "0"));
        assertThat(runs.get(1).folder()).isEqualTo("runs/one-cycle/peak=0.01/seed-1");
        assertThat(runs.get(9).folder()).isEqualTo("runs/step/peak=0.03/seed-1");
        assertThat(runs.get(9).configuration()).isEqualTo("step peak=0.03");
        SweepRun auto = runs.get(13);
        assertThat(auto.label()).isEqualTo("auto");
        assertThat(auto.rangeTestPeak()).isTrue();
        assertThat(auto.axes()).isEmpty();
        assertThat(auto.folder()).isEqualTo("runs/auto/seed-1");
        assertThat(runs.get(0).rangeTestPeak()).isFalse();
        assertThat(runs).extracting(SweepRun::index).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13);
        assertThat(runs).extracting(SweepRun::folder).doesNotHaveDuplicates();
        assertThat(grid.text()).contains("# a comment");
    }

    @Test
    void settingsWithSeveralValuesAreAxesOfEveryPolicyAndTheLastLineVariesFastest() {
        List<SweepRun> runs = parse("""
                batch-size = 64, 128
                model = fashion_cnn
                policy = oneCyclePolicy(peak=0.1, totalSteps=auto)
                """).runs();

        assertThat(runs).hasSize(2);
        assertThat(runs.get(1).axes()).containsExactly(Map.entry("batch-size", "128"));
        assertThat(runs.get(1).seed()).isEqualTo("0");
        assertThat(runs.get(1).folder()).isEqualTo("runs/oneCyclePolicy/batch-size=128/seed-0");
    }

    @Test
    void everyErrorIsOneLineWithItsLineNumberAndAllAreReportedTogether() {
        List<String> errors = errorsOf("""
                lr = 0.1, 0.2
                peak =
                epochs = 3
                epochs = 4
                seed = 0, , 1
                batch-size = 64, 64
                out = runs/x
                threads = 2
                just words
                policy = oneCyclePolicy(peak={peak}, totalSteps={length})
                """);

        assertThat(errors).allSatisfy(error -> assertThat(error).doesNotContain("\n"));
        assertThat(errors).containsExactlyInAnyOrder(
                "line 9: 'just words' is not 'name = value'",
                "line 4: 'epochs' is given again (first on line 3); list every value on one line, separated by"
                        + " commas",
                "line 2: axis 'peak' has no values; list them, e.g. peak = 0.01, 0.1",
                "line 5: axis 'seed' has an empty value in '0, , 1'",
                "line 6: axis 'batch-size' lists 64 twice",
                "line 1: unknown axis 'lr': not an option of lrkit train (see lrkit train --help), and no policy"
                        + " uses {lr}",
                "line 7: 'out' cannot be set in a grid: lrkit sweep sets it for every run",
                "line 8: 'threads' cannot be set in a grid: lrkit sweep sets it for every run (give lrkit sweep"
                        + " --threads)",
                "line 10: the policy uses {length}, but the grid has no 'length' axis; add a line such as length ="
                        + " 0.01, 0.1");
    }

    @Test
    void theMessageNamesTheFileAndCountsTheErrors() {
        assertThatThrownBy(() -> parse("epochs = 3\n"))
                .isInstanceOf(GridException.class)
                .hasMessage("grid.txt has 1 error:\n  the grid has no policy; add a line such as 'policy = auto' or"
                        + " 'policy = oneCyclePolicy(peak={peak}, totalSteps=auto)' with 'peak = 0.01, 0.1'");
    }

    @Test
    void aSpecThatDoesNotParseAtSomeValueAndTwoPoliciesWithOneLabelAreErrors() {
        assertThat(errorsOf("""
                peak = 0.1, oops(
                policy = oneCyclePolicy(peak={peak}, totalSteps=auto)
                """)).singleElement().asString().startsWith("line 2: --policy").endsWith("(with {peak=oops(})");
        assertThat(errorsOf("""
                policy = auto
                policy = one-cycle=oneCyclePolicy(peak=0.1, totalSteps=auto)
                """)).containsExactly("line 2: the policy's label 'one-cycle' is also line 1's; name them apart"
                + " with label=spec");
    }

    @Test
    void theRunCountIsKnownWithoutListingTheRuns() {
        Grid grid = parse("""
                seed = 0, 1, 2, 3, 4, 5, 6, 7, 8, 9
                epochs = 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
                batch-size = 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
                policy = oneCyclePolicy(peak=0.1, totalSteps=auto)
                """);

        assertThat(grid.runCount()).isEqualTo(1000).isGreaterThan(Grid.RUN_LIMIT);
    }

    @Test
    void valuesThatCannotNameAFolderAreReplacedInItsName() {
        List<SweepRun> runs = parse("""
                dataset = /data/a b, /data/c
                policy = oneCyclePolicy(peak=0.1, totalSteps=auto)
                """).runs();

        assertThat(runs.get(0).folder()).isEqualTo("runs/oneCyclePolicy/dataset=_data_a_b/seed-0");
        assertThat(runs.get(0).settings()).containsEntry("dataset", "/data/a b");
    }
}
