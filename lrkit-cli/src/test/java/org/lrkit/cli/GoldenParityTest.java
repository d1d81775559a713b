package org.lrkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs {@code lrkit schedule} on every case of the PyTorch golden file and checks every printed value.
 * This checks the whole path a script relies on: spec parsing, the schedules and the CSV printing.
 */
class GoldenParityTest {

    private static final Path FIXTURE = Path.of("..", "lrkit-core", "src", "test", "resources", "golden", "torch.txt");
    private static final double RELATIVE = 1e-12;
    private static final double ABSOLUTE_FLOOR = 1e-15;

    /** One case of the golden file. */
    record GoldenCase(int line, String spec, double[] lr, double[] momentum) {
    }

    static List<GoldenCase> read(Path file) throws IOException {
        List<GoldenCase> cases = new ArrayList<>();
        List<String> lines = Files.readAllLines(file);
        String spec = null;
        int specLine = 0;
        double[] lr = null;
        double[] momentum = null;
        for (int i = 0; i <= lines.size(); i++) {
            String line = i < lines.size() ? lines.get(i).strip() : "spec";
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("spec")) {
                if (spec != null) {
                    if (lr == null) {
                        throw new IllegalStateException(file + ":" + specLine + ": case without an lr line");
                    }
                    cases.add(new GoldenCase(specLine, spec, lr, momentum));
                }
                spec = line.length() > 4 ? line.substring(5).strip() : null;
                specLine = i + 1;
                lr = null;
                momentum = null;
            } else if (line.startsWith("lr ")) {
                lr = numbers(line.substring(3));
            } else if (line.startsWith("momentum ")) {
                momentum = numbers(line.substring(9));
            } else {
                throw new IllegalStateException(file + ":" + (i + 1) + ": unexpected line: " + line);
            }
        }
        return cases;
    }

    private static double[] numbers(String text) {
        return Stream.of(text.strip().split("\\s+")).mapToDouble(Double::parseDouble).toArray();
    }

    @TestFactory
    Stream<DynamicTest> everyTorchCaseMatchesThroughTheCli() throws IOException {
        Assumptions.assumeTrue(Files.isRegularFile(FIXTURE),
                "golden fixture " + FIXTURE.toAbsolutePath().normalize() + " is absent; skipping the parity test");
        List<GoldenCase> cases = read(FIXTURE);
        assertThat(cases).isNotEmpty();
        return cases.stream().map(c -> DynamicTest.dynamicTest("torch.txt:" + c.line() + " " + c.spec(), () -> check(c)));
    }

    private static void check(GoldenCase golden) {
        int n = golden.lr().length;
        Cli.Result result = Cli.run("schedule", "--spec", golden.spec(), "--steps", Integer.toString(n));
        assertThat(result.exitCode()).as("exit code; stderr: %s", result.err()).isZero();
        List<String> rows = result.out().lines().toList();
        assertThat(rows.get(0)).isEqualTo("step,lr,momentum");
        assertThat(rows).hasSize(n + 1);
        for (int step = 0; step < n; step++) {
            String[] cells = rows.get(step + 1).split(",", -1);
            assertThat(cells).hasSize(3);
            assertThat(cells[0]).isEqualTo(Integer.toString(step));
            assertClose(golden, "lr", step, Double.parseDouble(cells[1]), golden.lr()[step]);
            if (golden.momentum() != null) {
                assertThat(cells[2]).as("momentum at step %d of %s", step, golden.spec()).isNotEmpty();
                assertClose(golden, "momentum", step, Double.parseDouble(cells[2]), golden.momentum()[step]);
            } else {
                assertThat(cells[2]).as("momentum at step %d of %s (PyTorch does not cycle it)", step, golden.spec())
                        .isEmpty();
            }
        }
    }

    private static void assertClose(GoldenCase golden, String column, int step, double actual, double expected) {
        double tolerance = Math.max(RELATIVE * Math.abs(expected), ABSOLUTE_FLOOR);
        if (!(Math.abs(actual - expected) <= tolerance)) {
            fail("%s at step %d of %s (torch.txt line %d): lrkit printed %s, PyTorch gave %s (difference %s, tolerance %s)",
                    column, step, golden.spec(), golden.line(), actual, expected, Math.abs(actual - expected), tolerance);
        }
    }
}
