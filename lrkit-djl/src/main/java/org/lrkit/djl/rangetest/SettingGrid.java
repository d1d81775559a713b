package org.lrkit.djl.rangetest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.lrkit.rangetest.CurveBand;
import org.lrkit.rangetest.RangeTestCurve;
import org.lrkit.rangetest.RangeTestGrid;

/**
 * The runs of a range test: every setting of the momentum or weight-decay grid (or the one plain setting when
 * there is no grid) times every seed, in that order, and how their curves combine: the seeds of a setting into
 * their median curve and quartile band, the settings into a {@link RangeTestGrid} whose best value is advised.
 *
 * <pre>{@code
 * SettingGrid grid = SettingGrid.of(new double[] {0.8, 0.9, 0.95}, null, new long[] {1, 2, 3});   // 9 runs
 * for (SettingGrid.Setting setting : grid.settings()) { for (long seed : grid.seeds()) { ... } }
 * SettingGrid.Combined combined = grid.combine(runs);
 * }</pre>
 */
final class SettingGrid {

    /**
     * One point of the grid.
     *
     * @param momentum the grid's momentum, or NaN without a momentum grid
     * @param weightDecay the grid's weight decay, or NaN without a weight-decay grid
     */
    record Setting(double momentum, double weightDecay) {
    }

    /**
     * The combined result: the advised setting's curve (the median over seeds when there are several) and
     * band, and the grid when there was one.
     */
    record Combined(RangeTestCurve curve, Optional<CurveBand> band, Optional<RangeTestGrid> grid) {
    }

    private final List<Setting> settings;
    private final String gridName;
    private final long[] seeds;

    private SettingGrid(List<Setting> settings, String gridName, long[] seeds) {
        this.settings = settings;
        this.gridName = gridName;
        this.seeds = seeds.clone();
    }

    /**
     * The runs for at most one grid.
     *
     * @param momentumGrid the momentum values, or null
     * @param weightDecayGrid the weight-decay values, or null (ignored with a momentum grid)
     * @param seeds the seeds, at least one
     */
    static SettingGrid of(double[] momentumGrid, double[] weightDecayGrid, long[] seeds) {
        List<Setting> settings = new ArrayList<>();
        if (momentumGrid != null) {
            for (double m : momentumGrid) {
                settings.add(new Setting(m, Double.NaN));
            }
        } else if (weightDecayGrid != null) {
            for (double wd : weightDecayGrid) {
                settings.add(new Setting(Double.NaN, wd));
            }
        } else {
            settings.add(new Setting(Double.NaN, Double.NaN));
        }
        return new SettingGrid(List.copyOf(settings), momentumGrid != null ? "momentum" : "weightDecay", seeds);
    }

    /** The settings, in grid order. */
    List<Setting> settings() {
        return settings;
    }

    /** The seeds, run for every setting. */
    long[] seeds() {
        return seeds.clone();
    }

    /** The number of runs: settings times seeds. */
    int runCount() {
        return settings.size() * seeds.length;
    }

    /**
     * Combines the runs, given in run order (setting by setting, the seeds within each).
     *
     * @throws IllegalArgumentException if there is not one run per setting and seed
     */
    Combined combine(List<RangeTestRun> runs) {
        if (runs.size() != runCount()) {
            throw new IllegalArgumentException("runs must hold one run per setting and seed (" + runCount()
                    + "), got " + runs.size());
        }
        List<RangeTestCurve> combined = new ArrayList<>();
        List<Optional<CurveBand>> bands = new ArrayList<>();
        for (int s = 0; s < settings.size(); s++) {
            List<RangeTestCurve> curves = runs.subList(s * seeds.length, (s + 1) * seeds.length).stream()
                    .map(RangeTestRun::curve).toList();
            if (curves.size() == 1) {
                combined.add(curves.get(0));
                bands.add(Optional.empty());
            } else {
                CurveBand band = CurveBand.of(curves);
                combined.add(RangeTestCurve.median(band, curves));
                bands.add(Optional.of(band));
            }
        }
        int advised = 0;
        Optional<RangeTestGrid> grid = Optional.empty();
        if (settings.size() > 1) {
            boolean momentumGrid = gridName.equals("momentum");
            double[] values = settings.stream().mapToDouble(s -> momentumGrid ? s.momentum() : s.weightDecay())
                    .toArray();
            RangeTestGrid g = new RangeTestGrid(gridName, values, combined);
            double best = g.bestValue();
            for (int i = 0; i < values.length; i++) {
                if (values[i] == best) {
                    advised = i;
                    break;
                }
            }
            grid = Optional.of(g);
        }
        return new Combined(combined.get(advised), bands.get(advised), grid);
    }
}
