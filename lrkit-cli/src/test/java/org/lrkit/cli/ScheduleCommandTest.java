package org.lrkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScheduleCommandTest {

    private static final String ONE_CYCLE = "torch.OneCycleLR(max_lr=1.0, total_steps=10)";
    private static final String STEP_LR = "torch.StepLR(base_lr=0.1, step_size=2)";

    @TempDir
    Path dir;

    private static void assertOneCleanErrorLine(Cli.Result result) {
        assertThat(result.err()).startsWith("lrkit: error: ");
        assertThat(result.err().strip().lines()).hasSize(1);
        assertThat(result.err()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void csvWithMomentum() {
        Cli.Result result = Cli.run("schedule", "--spec", ONE_CYCLE, "--steps", "10");

        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).isEmpty();
        List<String> lines = result.out().lines().toList();
        assertThat(lines).hasSize(11);
        assertThat(lines.get(0)).isEqualTo("step,lr,momentum");
        double[] lr = {0.04, 0.52, 1.0, 0.9504846320134737};
        double[] momentum = {0.95, 0.9, 0.85, 0.854951556604879};
        for (int step = 0; step < lr.length; step++) {
            String[] cells = lines.get(step + 1).split(",", -1);
            assertThat(cells).hasSize(3);
            assertThat(cells[0]).isEqualTo(Integer.toString(step));
            assertThat(Double.parseDouble(cells[1])).isCloseTo(lr[step], within(1e-12));
            assertThat(Double.parseDouble(cells[2])).isCloseTo(momentum[step], within(1e-12));
        }
        assertThat(lines.get(10)).startsWith("9,");
        assertThat(result.out()).endsWith("\n").doesNotContain("\r");
    }

    @Test
    void csvWithoutMomentumLeavesTheColumnEmpty() {
        Cli.Result result = Cli.run("schedule", "--spec", "torch.StepLR(base_lr=0.1, step_size=2, gamma=0.5)",
                "--steps", "5");

        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.out()).isEqualTo("""
                step,lr,momentum
                0,0.1,
                1,0.1,
                2,0.05,
                3,0.05,
                4,0.025,
                """);

        Cli.Result defaults = Cli.run("schedule", "--spec", STEP_LR, "--steps", "5");
        List<String> rows = defaults.out().lines().skip(1).toList();
        double[] expected = {0.1, 0.1, 0.01, 0.01, 0.001};
        for (int step = 0; step < expected.length; step++) {
            String[] cells = rows.get(step).split(",", -1);
            assertThat(cells[0]).isEqualTo(Integer.toString(step));
            assertThat(Double.parseDouble(cells[1])).isCloseTo(expected[step], within(1e-15));
            assertThat(cells[2]).isEmpty();
        }
    }

    @Test
    void numbersAreWrittenWithDoubleToString() {
        Cli.Result result = Cli.run("schedule", "--spec", ONE_CYCLE, "--steps", "10");

        for (String row : result.out().lines().skip(1).toList()) {
            String[] cells = row.split(",", -1);
            for (int i = 1; i < cells.length; i++) {
                assertThat(cells[i]).isEqualTo(Double.toString(Double.parseDouble(cells[i])));
            }
        }
    }

    @Test
    void stepsAcceptsUnderscoresAndExponents() {
        assertThat(Cli.run("schedule", "--spec", STEP_LR, "--steps", "1e1").out().lines()).hasSize(11);
        assertThat(Cli.run("schedule", "--spec", STEP_LR, "--steps", "1_0").out().lines()).hasSize(11);
    }

    @Test
    void tableFormat() {
        Cli.Result result = Cli.run("schedule", "--spec", ONE_CYCLE, "--steps", "10", "--format", "table");

        assertThat(result.exitCode()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines).hasSize(11);
        assertThat(lines.get(0).strip().split("\\s+")).containsExactly("step", "lr", "momentum");
        // Right-aligned: every line is equally long and the columns end at the same place.
        assertThat(lines.stream().mapToInt(String::length).distinct().count()).isEqualTo(1);
        assertThat(lines.get(3).strip().split("\\s+")).containsExactly("2", "1.0", "0.85");
        String csv = Cli.run("schedule", "--spec", ONE_CYCLE, "--steps", "10").out();
        List<String> csvRows = csv.lines().skip(1).toList();
        for (int i = 0; i < csvRows.size(); i++) {
            assertThat(String.join(",", lines.get(i + 1).strip().split("\\s+"))).isEqualTo(csvRows.get(i));
        }
    }

    @Test
    void tableWithoutMomentumShowsADash() {
        Cli.Result result = Cli.run("schedule", "--spec", STEP_LR, "--steps", "3", "--format", "TABLE");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out().lines().skip(1)).allSatisfy(line -> assertThat(line).endsWith(" -"));
    }

    @Test
    void listShowsTheCatalog() {
        Cli.Result result = Cli.run("schedule", "--list");

        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.out()).contains("torch.OneCycleLR").contains("torch.StepLR").contains("max_lr")
                .contains("required").contains("step_size");
    }

    @Test
    void listWithOtherOptionsIsAUsageError() {
        Cli.Result result = Cli.run("schedule", "--list", "--steps", "3");

        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertOneCleanErrorLine(result);
    }

    @Test
    void badSpecIsAUsageErrorWithoutStackTrace() {
        Cli.Result result = Cli.run("schedule", "--spec", "torch.NoSuchLR(x=1)", "--steps", "3");

        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).startsWith("lrkit: error: invalid --spec: ").contains("NoSuchLR")
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void specSyntaxErrorShowsTheCaretPicture() {
        Cli.Result result = Cli.run("schedule", "--spec", "torch.StepLR(base_lr 0.1)", "--steps", "3");

        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).startsWith("lrkit: error: invalid --spec: ").contains("^")
                .doesNotContain("\tat ");
    }

    @Test
    void aHugeOrDeeplyNestedSpecIsNotEchoedWhole() {
        for (String spec : List.of("constant(value=[" + "1, ".repeat(400_000) + "1 2])",
                "f(a=".repeat(300) + "1" + ")".repeat(300))) {
            Cli.Result result = Cli.run("schedule", "--spec", spec, "--steps", "3");

            assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(result.err()).startsWith("lrkit: error: invalid --spec: ").contains("at position ", "...")
                    .hasSizeLessThan(600);
        }
    }

    @Test
    void badArgumentValueIsAUsageError() {
        Cli.Result result = Cli.run("schedule", "--spec", "torch.StepLR(base_lr=0.1, step_size=0)", "--steps", "3");

        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertOneCleanErrorLine(result);
        assertThat(result.err()).contains("step_size");
    }

    @Test
    void unknownOptionIsAUsageError() {
        Cli.Result result = Cli.run("schedule", "--spec", STEP_LR, "--steps", "3", "--stpes", "4");

        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertOneCleanErrorLine(result);
        assertThat(result.err()).contains("--stpes").contains("lrkit schedule --help");
    }

    @Test
    void zeroStepsIsAUsageErrorNamingTheOptionTheRuleAndTheValue() {
        Cli.Result result = Cli.run("schedule", "--spec", STEP_LR, "--steps", "0");

        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertOneCleanErrorLine(result);
        assertThat(result.err()).isEqualTo("lrkit: error: --steps must be > 0, got 0\n");
    }

    @Test
    void nonNumericStepsIsAUsageError() {
        Cli.Result result = Cli.run("schedule", "--spec", STEP_LR, "--steps", "ten");

        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertOneCleanErrorLine(result);
        assertThat(result.err()).contains("--steps").contains("ten");
    }

    @Test
    void tooManyStepsSayTheyAreTooManyAndTheMost() {
        Cli.Result result = Cli.run("schedule", "--spec", STEP_LR, "--steps", "99999999999999999999");

        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertOneCleanErrorLine(result);
        assertThat(result.err()).contains("--steps", "'99999999999999999999' is too large", "9223372036854775807")
                .doesNotContain("whole number");
        assertThat(Cli.run("schedule", "--spec", STEP_LR, "--steps", "1.5").err()).contains("not a whole number");
    }

    @Test
    void missingSpecOrStepsIsAUsageError() {
        Cli.Result noSpec = Cli.run("schedule", "--steps", "3");
        assertThat(noSpec.exitCode()).isEqualTo(ExitCode.USAGE);
        assertOneCleanErrorLine(noSpec);
        assertThat(noSpec.err()).contains("--spec");

        Cli.Result noSteps = Cli.run("schedule", "--spec", STEP_LR);
        assertThat(noSteps.exitCode()).isEqualTo(ExitCode.USAGE);
        assertOneCleanErrorLine(noSteps);
        assertThat(noSteps.err()).contains("--steps");
    }

    @Test
    void badFormatIsAUsageError() {
        Cli.Result result = Cli.run("schedule", "--spec", STEP_LR, "--steps", "3", "--format", "xml");

        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertOneCleanErrorLine(result);
        assertThat(result.err()).contains("csv or table").contains("xml");
    }

    @Test
    void verboseShowsTheStackTrace() {
        Cli.Result result = Cli.run("schedule", "--spec", "torch.NoSuchLR(x=1)", "--steps", "3", "--verbose");

        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).startsWith("lrkit: error: ").contains("\tat ");
    }

    @Test
    void logLrWithoutPlotIsAUsageError() {
        Cli.Result result = Cli.run("schedule", "--spec", STEP_LR, "--steps", "3", "--log-lr");

        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertOneCleanErrorLine(result);
        assertThat(result.err()).contains("--plot");
    }

    @Test
    void helpHasAnExampleAndExitsZero() {
        Cli.Result result = Cli.run("schedule", "--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Usage: lrkit schedule").contains("Example")
                .contains("--spec").contains("--steps").contains("--format").contains("--plot")
                .contains("--log-lr").contains("--list").contains("--quiet");
        Cli.Result top = Cli.run("--help");
        assertThat(top.exitCode()).isZero();
        assertThat(top.out()).contains("Usage: lrkit").contains("schedule").contains("Example");
    }

    @Test
    void versionIsPrinted() {
        Cli.Result result = Cli.run("--version");

        assertThat(result.exitCode()).isZero();
        String[] lines = result.out().strip().split("\n");
        assertThat(lines[0]).matches("lrkit \\S+");
        assertThat(lines).hasSize(4);
        assertThat(lines[1]).matches("DJL 0\\.\\d+\\.\\d+");
        assertThat(lines[2]).matches("libtorch \\d+\\.\\d+\\.\\d+\\S* \\(cpu, linux-x86_64\\)");
        assertThat(lines[3]).startsWith("JDK " + System.getProperty("java.version"));
    }

    @Test
    void noCommandIsAUsageError() {
        Cli.Result result = Cli.run();

        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertOneCleanErrorLine(result);
    }

    @Test
    void unknownCommandIsAUsageError() {
        Cli.Result result = Cli.run("shedule");

        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertOneCleanErrorLine(result);
        assertThat(result.err()).contains("schedule");
    }

    @Test
    void aMillionStepsAreWrittenQuickly() {
        long start = System.nanoTime();
        Cli.Result result = Cli.run("schedule", "--spec", "torch.OneCycleLR(max_lr=0.1, total_steps=1000000)",
                "--steps", "1e6");
        double seconds = (System.nanoTime() - start) / 1e9;

        assertThat(result.exitCode()).isZero();
        String out = result.out();
        assertThat(out.chars().filter(c -> c == '\n').count()).isEqualTo(1_000_001);
        assertThat(out).endsWith("\n999999," + lastLine(out).split(",")[1] + "," + lastLine(out).split(",")[2] + "\n");
        assertThat(seconds).as("seconds for a million rows").isLessThan(20);
    }

    private static String lastLine(String text) {
        String[] lines = text.split("\n");
        return lines[lines.length - 1];
    }

    @Test
    void aFailedWriteToStdoutIsAFailedRun() {
        java.io.StringWriter err = new java.io.StringWriter();
        java.io.Writer broken = new java.io.Writer() {
            @Override
            public void write(char[] buffer, int offset, int length) throws java.io.IOException {
                throw new java.io.IOException("No space left on device");
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };

        int code = Main.execute(new java.io.PrintWriter(broken), new java.io.PrintWriter(err),
                "schedule", "--spec", STEP_LR, "--steps", "3");

        assertThat(code).isEqualTo(ExitCode.FAILURE);
        assertThat(err.toString()).startsWith("lrkit: error: could not write").hasLineCount(1);
    }

    @Test
    void stepsPastAForbiddenEndAreRejectedBeforeAnyOutput() {
        Cli.Result result = Cli.run("schedule", "--spec",
                "torch.OneCycleLR(max_lr=1.0, total_steps=10, past_end=error)", "--steps", "12");

        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertOneCleanErrorLine(result);
        assertThat(result.err()).contains("past the end");
    }

    @Test
    void aRowHasThreeCellsEvenWithoutMomentum() {
        Cli.Result result = Cli.run("schedule", "--spec", STEP_LR, "--steps", "4");

        assertThat(result.out().lines()).allSatisfy(line -> assertThat(line.split(",", -1)).hasSize(3));
        assertThat(Arrays.stream(result.out().split("\n")).skip(1)).allSatisfy(line -> assertThat(line).endsWith(","));
    }

    @Test
    void aSpecFileWithSpacesIsReadWithoutItsCommentLines() throws IOException {
        Path file = Files.writeString(dir.resolve("step lr.txt"), "# every 2 steps\n" + STEP_LR + "\n");

        Cli.Result result = Cli.run("schedule", "--spec", "@" + file, "--steps", "4");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo(Cli.run("schedule", "--spec", STEP_LR, "--steps", "4").out());
    }

    @Test
    void aMissingSpecFileIsAUsageErrorNamingIt() {
        Cli.Result result = Cli.run("schedule", "--spec", "@" + dir.resolve("none.txt"), "--steps", "4");

        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
        assertOneCleanErrorLine(result);
        assertThat(result.err()).isEqualTo("lrkit: error: --spec @" + dir.resolve("none.txt") + ": no such file\n");
    }

    /** A standard output whose reader goes away (or whose disk fills up) after {@code limit} bytes. */
    private static final class FailingSink extends OutputStream {
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private final int limit;
        private final String failure;

        FailingSink(int limit, String failure) {
            this.limit = limit;
            this.failure = failure;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            int room = limit - kept.size();
            kept.write(bytes, offset, Math.min(room, length));
            if (length > room) {
                throw new IOException(failure);
            }
        }

        String text() {
            return kept.toString(StandardCharsets.UTF_8);
        }
    }

    /** Runs {@code lrkit schedule} at 1e12 steps onto {@code sink}; it must end within seconds. */
    private static Cli.Result scheduleForever(FailingSink sink, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("schedule", "--spec", "constant(value=0.1)", "--steps",
                "1e12"));
        args.addAll(List.of(more));
        StringWriter err = new StringWriter();
        int code = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> Main.execute(
                StandardOutput.writer(sink), new PrintWriter(err), args.toArray(String[]::new)));
        return new Cli.Result(code, sink.text(), err.toString());
    }

    @Test
    void aClosedPipeStopsTheCsvAfterAFewRows() {
        Cli.Result result = scheduleForever(new FailingSink(200_000, "Broken pipe"));

        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.out()).startsWith("step,lr,momentum\n0,0.1,\n1,0.1,\n");
    }

    @Test
    void aFullDiskStopsTheCsvAtOnceAndFails() {
        Cli.Result result = scheduleForever(new FailingSink(200_000, "No space left on device"));

        assertThat(result.exitCode()).isEqualTo(ExitCode.FAILURE);
        assertThat(result.err()).startsWith("lrkit: error: could not write").hasLineCount(1);
    }

    @Test
    void theTableStartsWithoutGoingThroughEveryStep() {
        Cli.Result result = scheduleForever(new FailingSink(200_000, "Broken pipe"), "--format", "table");

        assertThat(result.exitCode()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines.get(0).strip().split("\\s+")).containsExactly("step", "lr", "momentum");
        assertThat(lines.get(1).strip().split("\\s+")).containsExactly("0", "0.1", "-");
        assertThat(lines.get(0)).hasSameSizeAs(lines.get(1));
    }
}
