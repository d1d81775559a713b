package org.lrkit.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * The {@code lrkit} command: picocli wiring for the subcommands, the version and the error handling.
 *
 * <p>{@link #execute(PrintWriter, PrintWriter, String...)} runs a command line in-process, which is how
 * the tests drive every command; {@link #main(String[])} runs it on the real stdout and stderr and exits
 * with the command's exit code (see {@link ExitCode}).
 *
 * <p>Help examples are printed as written ({@link VerbatimFooter}), never wrapped; {@code lrkit
 * generate-completion} prints a bash/zsh completion script (picocli's).
 *
 * <p>picocli's {@code @file} expansion is off: an argument such as {@code --policy @policy.txt} reaches the
 * command as typed, and the command reads the spec file itself ({@link org.lrkit.spec.SpecFile}), so that a
 * spec holding spaces stays one argument.
 */
@Command(
        name = "lrkit",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Learning-rate schedules for deep learning on the JVM: print and plot them, find their bounds"
                + " with a range test, estimate the optimal learning rate.",
        subcommands = {ScheduleCommand.class, FindCommand.class, EstimateCommand.class,
            DemoCommand.class,
            TrainCommand.class,
            CompareCommand.class,
            ReportCommand.class,
            ReproduceCommand.class,
            CommandLine.HelpCommand.class,
            AutoComplete.GenerateCompletion.class},
        footer = {
            "",
            "Examples:",
            "  lrkit schedule --steps 10 \\",
            "      --spec \"torch.OneCycleLR(max_lr=1.0, total_steps=10)\"",
            "  lrkit find --dataset fashion-mnist-embedded --model fashion_cnn --steps 100",
            "  lrkit estimate --model fashion_cnn --lr 0.01 --steps 300",
            "  lrkit reproduce --list",
            "  lrkit sweep --grid @grid.txt   (grids of runs on Apache Spark: lrkit-spark's",
            "                                 jar, which ./lrkit runs for 'sweep')",
            "",
            "Run 'lrkit COMMAND --help' for the options of a command.",
            "Shell completion (bash, zsh): source <(lrkit generate-completion)",
            "Exit codes: 0 success, 1 failed run (e.g. I/O error), 2 bad usage."
        })
public final class Main implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private CommonOptions common;

    /** Runs {@code lrkit} with the process' arguments and exits with its exit code. */
    public static void main(String[] args) {
        runAndExit(List.of(), args);
    }

    /**
     * Runs {@code lrkit}, with more commands than the built-in ones, on the real stdout and stderr and exits
     * with the command's exit code: the {@code main} of a module that adds a command. With the system property
     * {@code lrkit.parentPid}, the process stops when that process ends ({@link ParentWatch}).
     *
     * @param moreCommands picocli command objects to add as subcommands
     * @param args the process' arguments
     */
    public static void runAndExit(List<Object> moreCommands, String... args) {
        System.setProperty("java.awt.headless", "true");
        PrintWriter out = StandardOutput.writer(new FileOutputStream(FileDescriptor.out));
        PrintWriter err = new PrintWriter(System.err, true);
        try {
            ParentWatch.install(System.err);
        } catch (IllegalArgumentException e) {
            err.println(ErrorHandler.PREFIX + e.getMessage());
            System.exit(ExitCode.USAGE);
        }
        int exitCode = execute(out, err, moreCommands, args);
        System.exit(exitCode);
    }

    /**
     * Runs one {@code lrkit} command line in-process.
     *
     * @param out where the command's results go (flushed before returning)
     * @param err where messages and errors go
     * @param args the arguments after {@code lrkit}
     * @return the exit code, one of {@link ExitCode}'s
     */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        return execute(out, err, List.of(), args);
    }

    /**
     * Runs one {@code lrkit} command line in-process, with more commands than the built-in ones: how a module
     * that this one cannot depend on (lrkit-spark's {@code sweep}) adds its command to {@code lrkit}.
     *
     * @param out where the command's results go (flushed before returning)
     * @param err where messages and errors go
     * @param moreCommands picocli command objects ({@code @Command}-annotated) to add as subcommands
     * @param args the arguments after {@code lrkit}
     * @return the exit code, one of {@link ExitCode}'s
     */
    public static int execute(PrintWriter out, PrintWriter err, List<Object> moreCommands, String... args) {
        System.setProperty("java.awt.headless", "true");
        ErrorHandler errors = new ErrorHandler(args);
        CommandLine commandLine = new CommandLine(new Main());
        for (Object command : moreCommands) {
            commandLine.addSubcommand(command);
        }
        commandLine.setExpandAtFiles(false)
                .setOut(out)
                .setErr(err)
                .setParameterExceptionHandler(errors)
                .setExecutionExceptionHandler(errors);
        VerbatimFooter.installOn(commandLine);
        try {
            return commandLine.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** {@code lrkit} without a command is a usage error. */
    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(),
                "missing command; try 'lrkit schedule --help' or 'lrkit --help'");
    }
}
