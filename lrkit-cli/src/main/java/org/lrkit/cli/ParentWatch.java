package org.lrkit.cli;

import java.io.PrintStream;
import java.util.Optional;

/**
 * Ends this process when the process that started it has ended, so that a run started by {@code lrkit sweep}
 * does not outlive the Spark executor that started it (and then train on beside the run that Spark retries
 * from its checkpoint). The parent is named by the system property {@value #PROPERTY} (a process id); without
 * it nothing is watched. The process stops at once, as if killed: the run's files are written atomically, so
 * its last checkpoint is kept for the retry.
 *
 * <p>Example: {@code java -Dlrkit.parentPid=4242 -jar lrkit.jar train ...} stops when process 4242 ends.
 */
final class ParentWatch {

    /** The system property that names the parent process. */
    static final String PROPERTY = "lrkit.parentPid";

    private ParentWatch() {
    }

    /**
     * Watches the parent named by {@value #PROPERTY}, if any: stops this process when it ends, or now if it
     * has ended already.
     *
     * @param err where the one-line message goes before stopping
     * @throws IllegalArgumentException if the property is not a process id
     */
    static void install(PrintStream err) {
        String value = System.getProperty(PROPERTY);
        if (value == null) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D" + PROPERTY + " must be a process id, got '" + value + "'");
        }
        Optional<ProcessHandle> parent = ProcessHandle.of(pid);
        if (parent.isEmpty() || !parent.get().isAlive()) {
            stop(err, pid);
        }
        parent.get().onExit().thenRun(() -> stop(err, pid));
    }

    private static void stop(PrintStream err, long pid) {
        err.println(ErrorHandler.PREFIX + "the process that started this one (" + pid + ") has ended; stopping"
                + " (the last checkpoint is kept)");
        err.flush();
        Runtime.getRuntime().halt(ExitCode.FAILURE);
    }
}
