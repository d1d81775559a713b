package org.lrkit.cli;

/** The exit codes of every {@code lrkit} command. */
public final class ExitCode {

    /** The command did what was asked. */
    public static final int OK = 0;
    /** The command ran but failed, e.g. a file could not be written. */
    public static final int FAILURE = 1;
    /** The command line was wrong: an unknown option, a missing or bad value, a bad spec. */
    public static final int USAGE = 2;

    private ExitCode() {
    }
}
