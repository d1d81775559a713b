package org.lrkit.cli;

import picocli.CommandLine.Option;

/** Options that every {@code lrkit} command takes, mixed in with {@code @Mixin}. */
public final class CommonOptions {

    /** Print the stack trace of an error, not only its one-line message. */
    @Option(names = "--verbose", description = "On an error, also print the stack trace.")
    boolean verbose;
}
