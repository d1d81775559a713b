package org.lrkit.spark;

import java.util.List;
import org.lrkit.cli.Main;

/**
 * The {@code lrkit} command line with {@code sweep}: the main class of {@code lrkit-sweep.jar}, run by
 * {@code ./lrkit sweep} (with Spark's jars on the class path) and by {@code spark-submit --class
 * org.lrkit.spark.SweepMain lrkit-sweep.jar sweep ...}.
 */
public final class SweepMain {

    private SweepMain() {
    }

    /**
     * Runs {@code lrkit} with {@code sweep} among its commands and exits with the command's exit code.
     *
     * @param args the arguments after {@code lrkit}
     */
    public static void main(String[] args) {
        Main.runAndExit(List.of(new SweepCommand()), args);
    }
}
