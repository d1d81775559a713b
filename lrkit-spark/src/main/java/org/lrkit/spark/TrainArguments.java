package org.lrkit.spark;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.lrkit.cli.TrainCommand;
import org.lrkit.experiment.sweep.SweepRun;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * The {@code lrkit train} command line of a sweep's run: each grid setting as its option ({@code batch-size
 * = 256} as {@code --batch-size 256}; a flag given {@code true} as the bare flag, {@code false} as nothing),
 * the policy, the thread count, {@code --quiet}, and {@code --out} for a new run or {@code --resume} for one
 * that has a {@code config.json}.
 *
 * <p>Example: {@code TrainArguments.of().forRun(run, runDirectory, 1, false)}.
 */
public final class TrainArguments implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Set<String> options;
    private final Set<String> flags;

    private TrainArguments(Set<String> options, Set<String> flags) {
        this.options = options;
        this.flags = flags;
    }

    /**
     * The arguments as {@code lrkit train} defines its options now.
     *
     * @return the arguments' builder
     */
    public static TrainArguments of() {
        CommandSpec spec = new CommandLine(new TrainCommand()).getCommandSpec();
        Set<String> options = new LinkedHashSet<>();
        Set<String> flags = new LinkedHashSet<>();
        for (OptionSpec option : spec.options()) {
            for (String name : option.names()) {
                if (name.startsWith("--")) {
                    options.add(name.substring(2));
                    if (option.arity().max() == 0) {
                        flags.add(name.substring(2));
                    }
                }
            }
        }
        return new TrainArguments(Set.copyOf(options), Set.copyOf(flags));
    }

    /**
     * Whether {@code name} is an option of {@code lrkit train} (without its dashes) that a grid may set.
     *
     * @param name a grid line's name
     * @return true for an option of {@code lrkit train}
     */
    public boolean isSetting(String name) {
        return options.contains(name);
    }

    /**
     * The arguments after {@code lrkit train} for one run.
     *
     * @param run the run
     * @param runDirectory its run directory
     * @param threads libtorch threads
     * @param resume true to continue the run in {@code runDirectory} ({@code --resume}), false to start it
     *     there ({@code --out})
     * @return the arguments
     * @throws IllegalArgumentException if a flag's value is neither {@code true} nor {@code false}
     */
    public List<String> forRun(SweepRun run, Path runDirectory, int threads, boolean resume) {
        List<String> args = new ArrayList<>();
        if (resume) {
            args.addAll(List.of("--resume", runDirectory.toString()));
        } else {
            run.settings().forEach((name, value) -> {
                if (!flags.contains(name)) {
                    args.addAll(List.of("--" + name, value));
                } else if (value.equalsIgnoreCase("true")) {
                    args.add("--" + name);
                } else if (!value.equalsIgnoreCase("false")) {
                    throw new IllegalArgumentException(name + " is a flag of lrkit train: its value must be true or"
                            + " false, got '" + value + "'");
                }
            });
            args.addAll(List.of("--policy", run.policy(), "--out", runDirectory.toString()));
        }
        args.addAll(List.of("--threads", Integer.toString(threads), "--quiet"));
        return args;
    }

    /**
     * Checks that {@code lrkit train} accepts a run's options, without running it: the errors the grid's
     * values would cause, e.g. a word where a number belongs.
     *
     * @param run the run
     * @return an error line, or empty if the options parse
     */
    public String check(SweepRun run) {
        try {
            List<String> args = forRun(run, Path.of("check"), 1, false);
            new CommandLine(new TrainCommand()).setExpandAtFiles(false).parseArgs(args.toArray(String[]::new));
            return "";
        } catch (ParameterException | IllegalArgumentException e) {
            return e.getMessage();
        }
    }
}
