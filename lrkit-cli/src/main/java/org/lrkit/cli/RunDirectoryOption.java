package org.lrkit.cli;

import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --out} of the commands that write a run directory ({@code train}, {@code compare}, {@code demo}).
 * Its default, {@code runs/<command>-<time>}, is named after the command it is mixed into (with
 * {@code @Mixin}), in the help as in {@link #directory()}.
 */
public final class RunDirectoryOption {

    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    /** The run directory given, or {@code null} for the default. */
    @Option(names = "--out", paramLabel = "DIR", description = "The run directory (runs/${COMMAND-NAME}-<time>).")
    Path out;

    /**
     * {@code --out}, or a new {@code runs/<command>-<yyyyMMdd-HHmmss>} (see {@link RunCommands#defaultDirectory}).
     *
     * @return the run directory to write
     */
    public Path directory() {
        return out != null ? out : RunCommands.defaultDirectory(command.name());
    }
}
