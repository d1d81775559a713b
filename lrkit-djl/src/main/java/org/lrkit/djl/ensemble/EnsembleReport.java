package org.lrkit.djl.ensemble;

import java.util.List;
import java.util.Locale;

/**
 * Single-model and ensemble accuracy side by side, as in Table 2 of the SGDR paper.
 *
 * @param singles each snapshot's own accuracy, oldest first
 * @param ensembleBySize {@code ensembleBySize.get(k - 1)}: accuracy of the ensemble of the last {@code k}
 *     snapshots (so the first entry is the last snapshot alone, the last entry all of them)
 * @param examples how many examples were evaluated
 */
public record EnsembleReport(List<SingleResult> singles, List<Double> ensembleBySize, long examples) {

    /**
     * Copies the lists; see the record description.
     *
     * @param singles each snapshot's own accuracy, oldest first; not null
     * @param ensembleBySize the accuracy of the ensemble of the last {@code k} snapshots at index {@code k - 1};
     *     not null
     * @param examples how many examples were evaluated
     * @throws NullPointerException if a list or one of its elements is null
     */
    public EnsembleReport {
        singles = List.copyOf(singles);
        ensembleBySize = List.copyOf(ensembleBySize);
    }

    /**
     * One snapshot's result.
     *
     * @param name the snapshot's file name
     * @param cycle the cycle it ends
     * @param step the step after which it was taken
     * @param accuracy its top-1 accuracy on its own
     */
    public record SingleResult(String name, long cycle, long step, double accuracy) {
    }

    /**
     * The accuracy of the ensemble of all snapshots.
     *
     * @return the last entry of {@link #ensembleBySize()}, in {@code [0, 1]}
     * @throws IndexOutOfBoundsException if there are no ensemble accuracies
     */
    public double ensembleAccuracy() {
        return ensembleBySize.get(ensembleBySize.size() - 1);
    }

    /**
     * The accuracy of the last snapshot alone (the usual single model).
     *
     * @return the newest snapshot's top-1 accuracy, in {@code [0, 1]}
     * @throws IndexOutOfBoundsException if there are no snapshots
     */
    public double lastSingleAccuracy() {
        return singles.get(singles.size() - 1).accuracy();
    }

    /**
     * A plain-text table of single and ensemble accuracies.
     *
     * @return one line per snapshot (name, cycle, step, its accuracy, the accuracy of it and all later ones)
     *     after a header, and a closing note; every line ends with a line break
     */
    public String toTable() {
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "%-28s %6s %8s %10s %10s%n", "snapshot", "cycle", "step", "single",
                "ensemble"));
        int m = singles.size();
        for (int i = 0; i < m; i++) {
            SingleResult single = singles.get(i);
            int lastK = m - i;
            table.append(String.format(Locale.ROOT, "%-28s %6d %8d %10.4f %10.4f%n", single.name(), single.cycle(),
                    single.step(), single.accuracy(), ensembleBySize.get(lastK - 1)));
        }
        table.append(String.format(Locale.ROOT, "(ensemble column: the snapshot and all later ones; %d examples)%n",
                examples));
        return table.toString();
    }
}
