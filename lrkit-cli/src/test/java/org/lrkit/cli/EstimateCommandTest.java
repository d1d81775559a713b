package org.lrkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lrkit estimate} on the Fashion-MNIST subset inside the jar, a few dozen steps. */
class EstimateCommandTest {

    @TempDir
    Path dir;

    @Test
    void logsTheEstimatesAndWritesThem() throws Exception {
        Path out = dir.resolve("estimate");
        Cli.Result result = Cli.run("estimate", "--model", "fashion_cnn", "--batch-size", "32", "--steps", "30",
                "--lr", "0.02", "--every", "5", "--curvature-every", "10", "--out", out.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).startsWith("Hessian-free estimate: fashion_cnn on fashion-mnist-embedded, batch 32, "
                + "SGD momentum 0, weight decay 5e-4, lr 0.02, 30 steps\n");
        assertThat(result.out()).contains("hessian-free", "along gradient", "per layer at step ",
                "hessian-free moving average at the end: ", "along the gradient, median of ");
        List<String> estimates = Files.readAllLines(out.resolve("estimate.csv"), StandardCharsets.UTF_8);
        assertThat(estimates.get(0)).isEqualTo(
                "step,lr,loss,hf_estimate,hf_average,first_l1,gradient_change_l1,along_gradient,g_dot_g,g_dot_hg,"
                        + "momentum,hf_corrected");
        // windows start after steps 4, 9, 14, 19, 24 and end two steps later
        assertThat(estimates).hasSize(1 + 5);
        assertThat(estimates.get(1)).startsWith("6,0.02,");
        for (String row : estimates.subList(1, estimates.size())) {
            double estimate = Double.parseDouble(row.split(",")[3]);
            assertThat(estimate).isPositive();
            // momentum 0: the corrected estimate is the plain one
            String[] cells = row.split(",", -1);
            assertThat(Double.parseDouble(cells[10])).isZero();
            assertThat(Double.parseDouble(cells[11])).isCloseTo(estimate, within(1e-9 * estimate));
        }
        assertThat(estimates.stream().filter(row -> row.split(",", -1)[7].isEmpty()).count())
                .as("probes every 10 steps at most").isGreaterThan(0);
        List<String> layers = Files.readAllLines(out.resolve("layers.csv"), StandardCharsets.UTF_8);
        assertThat(layers.get(0)).isEqualTo("step,layer,estimate,average,first_l1,gradient_change_l1");
        assertThat(layers.size()).isGreaterThan(5 * 4);
        assertThat(out.resolve("estimate.png")).isRegularFile();
    }

    @Test
    void followsASpec() {
        Cli.Result result = Cli.run("estimate", "--model", "mlp", "--batch-size", "32", "--steps", "12", "--spec",
                "oneCyclePolicy(peak=0.05, totalSteps=12)", "--every", "3", "--curvature-every", "0", "--out",
                dir.resolve("spec").toString(), "--quiet");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("lr oneCyclePolicy(peak=0.05, totalSteps=12), 12 steps");
        assertThat(result.out()).doesNotContain("along the gradient, median");
    }

    @Test
    void badUsageAndRunsTooShort() {
        Cli.Result both = Cli.run("estimate", "--lr", "0.1", "--spec", "constant(value=0.1)");
        assertThat(both.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(both.err()).isEqualTo("lrkit: error: give --lr or --spec, not both\n");
        Cli.Result every = Cli.run("estimate", "--every", "0");
        assertThat(every.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(every.err()).contains("--every must be > 0");
        Cli.Result spec = Cli.run("estimate", "--spec", "oneCyclePolicy(peak=0.1)");
        assertThat(spec.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(spec.err()).startsWith("lrkit: error: invalid --spec: ");

        Cli.Result shortRun = Cli.run("estimate", "--model", "mlp", "--batch-size", "32", "--steps", "5",
                "--every", "10", "--out", dir.resolve("short").toString(), "--quiet");
        assertThat(shortRun.exitCode()).isEqualTo(ExitCode.FAILURE);
        assertThat(shortRun.err()).startsWith("lrkit: error: no estimate was made").hasLineCount(1);
    }
}
