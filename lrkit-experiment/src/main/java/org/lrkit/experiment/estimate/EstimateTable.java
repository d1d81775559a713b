package org.lrkit.experiment.estimate;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.lrkit.djl.curvature.HessianFreeRecord;
import org.lrkit.djl.curvature.LayerEstimate;
import org.lrkit.experiment.report.Numbers;

/**
 * The rows of an estimate run as {@code lrkit estimate} prints them: the title, one line per estimate (step,
 * learning rate, loss, Hessian-free estimate and moving average, the momentum-corrected estimate ({@code -} where
 * there is none), the probe along the gradient where one was
 * made), the estimate per layer at the last row, and the final moving average with the median probe.
 */
public final class EstimateTable {

    private EstimateTable() {
    }

    /**
     * Prints {@code rows} (at least one) under {@code title}.
     *
     * @param out where the table goes
     * @param rows the rows of an estimate run, at least one
     * @param title the line printed above the table
     * @throws IllegalArgumentException if there are no rows
     */
    public static void print(PrintWriter out, List<EstimateRow> rows, String title) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("rows must not be empty: there is no estimate to print");
        }
        out.println(title);
        out.println();
        out.println(String.format(Locale.ROOT, "%7s  %-10s %-9s %-14s %-10s %-10s %s", "step", "lr", "loss",
                "hessian-free", "(average)", "corrected", "along gradient"));
        for (EstimateRow row : rows) {
            HessianFreeRecord r = row.hessianFree();
            out.println(String.format(Locale.ROOT, "%7d  %-10s %-9s %-14s %-10s %-10s %s", r.step(),
                    Numbers.number(r.learningRate()), Numbers.number(row.loss()), Numbers.number(r.estimate()),
                    Numbers.number(r.average()), Double.isNaN(r.corrected()) ? "-" : Numbers.number(r.corrected()),
                    row.probed() ? Numbers.number(row.curvature().step()) : ""));
        }
        HessianFreeRecord last = rows.get(rows.size() - 1).hessianFree();
        out.println();
        out.println("per layer at step " + last.step() + " (estimate, moving average):");
        int width = last.layers().keySet().stream().mapToInt(String::length).max().orElse(5) + 2;
        for (Map.Entry<String, LayerEstimate> entry : last.layers().entrySet()) {
            out.println("  " + Numbers.pad(entry.getKey(), width) + Numbers.pad(Numbers.number(entry.getValue()
                    .estimate()), 12) + Numbers.number(entry.getValue().average()));
        }
        out.println();
        double[] probes = rows.stream().filter(EstimateRow::probed).mapToDouble(r -> r.curvature().step())
                .filter(Double::isFinite).sorted().toArray();
        out.println("hessian-free moving average at the end: " + Numbers.number(last.average())
                + (probes.length == 0 ? "" : "; along the gradient, median of " + probes.length + " probes: "
                        + Numbers.number(probes[probes.length / 2])));
    }
}
