package org.lrkit.experiment.reproduce;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.lrkit.experiment.run.Progress;
import org.lrkit.experiment.run.RunFailure;
import org.lrkit.experiment.run.Settings;
import org.lrkit.experiment.run.Workbench;
import org.lrkit.vision.data.DatasetNotFoundException;

/**
 * Opens the {@link Workbench} of a {@link Setup} on the first of its datasets that can be found, saying which
 * ones were missing: the LeNet experiment trains on MNIST where it is installed and on Fashion-MNIST elsewhere.
 */
public final class WorkbenchOpener {

    private WorkbenchOpener() {
    }

    /**
     * Checks the names of every dataset and the network without reading anything.
     *
     * @param setup the setup whose datasets and network to check
     * @param data the only place to read from, or {@code null} for the standard places
     * @param device the device to train on
     * @param threads the threads to train with
     * @throws IllegalArgumentException naming an unknown dataset, network or device
     */
    public static void check(Setup setup, Path data, String device, int threads) {
        for (String dataset : setup.datasets()) {
            Workbench.check(setup.settings(dataset, data, device, threads));
        }
    }

    /**
     * Starts the engine and reads the first dataset found.
     *
     * @param setup the setup: datasets in order of preference, network, optimizer
     * @param data the only place to read from, or {@code null} for the standard places
     * @param device the device to train on
     * @param threads the threads to train with
     * @param progress where the reading reports its progress
     * @param err where notes for the user are printed
     * @return the workbench of the first dataset found
     * @throws RunFailure if none of the datasets can be found (the message of the first one's failure, which
     *     says where it was looked for and how to get it) or the device is missing
     * @throws IOException if a dataset's files cannot be read
     */
    public static Workbench open(Setup setup, Path data, String device, int threads, Progress progress,
            PrintWriter err) throws IOException {
        List<String> datasets = setup.datasets();
        RunFailure first = null;
        for (int i = 0; i < datasets.size(); i++) {
            Settings settings = setup.settings(datasets.get(i), data, device, threads);
            try {
                return Workbench.open(settings, progress.enabled() ? err : null);
            } catch (RunFailure e) {
                if (!(e.getCause() instanceof DatasetNotFoundException)) {
                    throw e;
                }
                first = first == null ? e : first;
                if (i + 1 < datasets.size()) {
                    progress.say(datasets.get(i) + " not found; using " + datasets.get(i + 1) + " instead");
                }
            }
        }
        throw first;
    }
}
