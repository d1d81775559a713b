package org.lrkit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.lrkit.experiment.report.Json;
import org.lrkit.experiment.report.Report;
import org.lrkit.experiment.run.Experiment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lrkit report RUN_DIR}: rebuilds the table, the charts and {@code report.html} of a run directory from
 * its files, without training; also for a run that was interrupted or is still going.
 */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Rebuild the report of a run directory (made by lrkit train, compare or demo) from its files:"
                    + " config.json, summary.json and the metrics CSVs. Writes the charts (accuracy.png,"
                    + " loss.png, policies.png, range-test.png) and report.html, updates the table in"
                    + " summary.json and prints it.",
            ""
        },
        footer = {
            "",
            "Examples:",
            "  lrkit report runs/demo-20250101-120000",
            "  lrkit report runs/compare-20250101-120000 --target 90%%",
            "  lrkit report runs/train-20250101-120000 --json"
        })
public final class ReportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "The run directory.")
    private Path directory;

    @Option(names = "--target", paramLabel = "ACC", converter = RunCommands.TargetConverter.class,
            description = "Count the epochs to this test accuracy, e.g. 0.9 or 90%% (default: as recorded).")
    private Double target;

    @Option(names = "--json", description = "Print summary.json to standard output instead of the table.")
    private boolean json;

    @Option(names = {"-q", "--quiet"}, description = "Print only the table (or JSON), no messages.")
    private boolean quiet;

    @Mixin
    private CommonOptions common;

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException(directory + ": no such directory");
        }
        Report.Built built = Report.build(directory, target == null ? Double.NaN : target);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Path summary = directory.resolve("summary.json");
            out.print(Files.exists(summary) ? Files.readString(summary, StandardCharsets.UTF_8)
                    : Json.write(built.table().json()));
        } else {
            out.print(built.table().text());
            out.println();
            out.println("report: " + built.html());
        }
        out.flush();
        if (!quiet) {
            PrintWriter err = spec.commandLine().getErr();
            String status = built.data().status();
            if (status.equals(Experiment.DIVERGED)) {
                err.println("lrkit: note: the run's status is diverged: a policy's loss became NaN or infinite");
            } else if (!status.equals(Experiment.COMPLETED)) {
                err.println("lrkit: note: the run's status is " + status + "; resume it with: "
                        + built.data().resumeCommand());
            }
            err.flush();
        }
        return ExitCode.OK;
    }
}
