package org.lrkit.cli;

import picocli.CommandLine.Option;

/**
 * {@code --json} of the commands that write a run directory ({@code train}, {@code compare}, {@code demo}):
 * print its {@code summary.json} instead of the table. Mixed in with {@code @Mixin}.
 */
public final class SummaryJsonOption {

    /** Print {@code summary.json} on stdout instead of the table. */
    @Option(names = "--json", description = "Print summary.json to standard output instead of the table.")
    boolean enabled;
}
