package org.lrkit.djl.rangetest;

import java.util.List;
import java.util.Optional;
import org.lrkit.Checks;
import org.lrkit.rangetest.CurveBand;
import org.lrkit.rangetest.RangeTestAdvice;
import org.lrkit.rangetest.RangeTestCurve;
import org.lrkit.rangetest.RangeTestGrid;
import org.lrkit.rangetest.Sweep;

/**
 * What a {@link RangeTest} found: every run's curve, the curve the suggestions were read from (the median
 * over seeds when there are several, of the best grid value when there is a grid), the suggestions, the
 * learning rates of each parameter group, the time it took, and whether the model was put back exactly.
 *
 * @param sweep the learning rates tried
 * @param runs every run, in the order made (grid value by grid value, seed by seed)
 * @param curve the curve the advice was read from
 * @param band the median and quartiles over seeds of the advised grid value, when there were several seeds
 * @param grid the momentum or weight-decay grid, when there was one
 * @param advice the suggestions, their consensus and interval, Smith's bounds and warnings
 * @param groupRanges the learning rates of each parameter group with a multiplier
 * @param timing where the time went
 * @param differences what was found to differ from the model before the test after it was restored (empty:
 *     bit-identical); empty too when the check was switched off ({@link #restoreChecked()})
 * @param restoreChecked whether the restored model was compared with the snapshot
 */
public record RangeTestResult(Sweep sweep, List<RangeTestRun> runs, RangeTestCurve curve, Optional<CurveBand> band,
        Optional<RangeTestGrid> grid, RangeTestAdvice advice, List<GroupRange> groupRanges, RangeTestTiming timing,
        List<String> differences, boolean restoreChecked) {

    /**
     * Checks the components and copies the lists; see the record description.
     *
     * @param sweep the learning rates tried, not null
     * @param runs every run, in the order made; not null
     * @param curve the curve the advice was read from, not null
     * @param band the median and quartiles over seeds, or empty; not null
     * @param grid the momentum or weight-decay grid, or empty; not null
     * @param advice the suggestions, not null
     * @param groupRanges the learning rates of each parameter group with a multiplier; not null
     * @param timing where the time went, not null
     * @param differences what differed after the restore, empty if nothing; not null
     * @param restoreChecked whether the restored model was compared with the snapshot
     * @throws IllegalArgumentException if {@code sweep}, {@code curve}, {@code band}, {@code grid},
     *     {@code advice} or {@code timing} is null
     * @throws NullPointerException if a list or one of its elements is null
     */
    public RangeTestResult {
        Checks.notNull("sweep", sweep);
        runs = List.copyOf(runs);
        Checks.notNull("curve", curve);
        Checks.notNull("band", band);
        Checks.notNull("grid", grid);
        Checks.notNull("advice", advice);
        groupRanges = List.copyOf(groupRanges);
        Checks.notNull("timing", timing);
        differences = List.copyOf(differences);
    }

    /**
     * Whether the restored model, optimizer and Java generator were checked and found bit-identical.
     *
     * @return true if the check ran and found no difference
     */
    public boolean restoredExactly() {
        return restoreChecked && differences.isEmpty();
    }
}
