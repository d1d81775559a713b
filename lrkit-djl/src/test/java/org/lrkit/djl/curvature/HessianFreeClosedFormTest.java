package org.lrkit.djl.curvature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.loss.Loss;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lrkit.curvature.HessianFreeEstimate;
import org.lrkit.djl.optim.ScheduledSgd;
import org.lrkit.djl.tensor.ModelWeights;
import org.lrkit.djl.testing.Fixtures;
import org.lrkit.djl.testing.Measurements;
import org.lrkit.djl.testing.Runs;
import org.lrkit.djl.testing.SharedArrays;
import org.lrkit.djl.train.TrainingLength;
import org.lrkit.djl.train.TrainingRun;
import org.lrkit.schedule.Policy;
import org.lrkit.schedule.Schedule;

/**
 * The Hessian-free estimate and the curvature along the gradient, measured by DJL on least-squares problems
 * (a linear layer with L2 loss on fixed data is a quadratic) and checked against their closed forms computed
 * from {@code X^T X}; then on a small CNN, where they must be finite and must not disturb training.
 */
class HessianFreeClosedFormTest {

    private static final double[] TARGET = {1, -2, 0.5, 3, -1, 2, -0.5, 1};
    private static final double[] START = new double[Quadratic.N];
    private static final double LR = 0.05;
    private static final int EVERY = 5;

    @RegisterExtension
    static final SharedArrays ARRAYS = new SharedArrays();

    /** Trains {@code block} on the quadratic by full-batch plain SGD at {@link #LR} with a monitor. */
    private static List<HessianFreeRecord> monitored(Quadratic quadratic, Block block, int steps) throws Exception {
        return monitored(quadratic, block, steps, 0, EVERY);
    }

    /** As {@link #monitored(Quadratic, Block, int)}, with SGD momentum {@code momentum}, every {@code k} steps. */
    private static List<HessianFreeRecord> monitored(Quadratic quadratic, Block block, int steps, double momentum,
            int k) throws Exception {
        try (Model model = Quadratic.model(block, START)) {
            ScheduledSgd sgd = ScheduledSgd.builder(Policy.of(Schedule.constant(LR))).momentum(momentum).build();
            HessianFreeMonitor monitor = HessianFreeMonitor.every(k, block, sgd);
            ArrayDataset data = quadratic.dataset(ARRAYS.manager());
            TrainingRun.builder(model, sgd).loss(Loss.l2Loss()).trainingData(data, Quadratic.N).shuffle(false)
                    .inputShapes(new Shape(1, Quadratic.N)).length(TrainingLength.steps(steps)).listener(monitor)
                    .build().run();
            return new ArrayList<>(monitor.records());
        }
    }

    /** The estimate of the window whose last snapshot follows step {@code step}, in double precision. */
    private static double[] expected(Quadratic quadratic, long step, int from, int to) {
        double[] w = START.clone();
        double[][] trajectory = new double[(int) step + 2][];
        trajectory[0] = w;
        for (int t = 1; t < trajectory.length; t++) {
            trajectory[t] = quadratic.step(trajectory[t - 1], LR);
        }
        double[] w1 = trajectory[(int) step - 1];
        double[] w2 = trajectory[(int) step];
        double[] w3 = trajectory[(int) step + 1];
        double first = 0;
        double gradientChange = 0;
        double gradientL1 = 0;
        double hessianGradientL1 = 0;
        double[] g = quadratic.gradient(w1);
        for (int j = from; j < to; j++) {
            double d1 = w2[j] - w1[j];
            double d2 = w3[j] - w2[j];
            first += Math.abs(d1);
            gradientChange += Math.abs(d1 / LR - d2 / LR);
            gradientL1 += Math.abs(g[j]);
            hessianGradientL1 += Math.abs(quadratic.curvature(j) * g[j]);
        }
        // the authors' formula from the snapshots, and its closed form sum|g| / sum|A g| at w1
        return new double[] {LR * first / (LR * gradientChange), gradientL1 / hessianGradientL1};
    }

    @Test
    void isotropicQuadraticGivesTheOptimalLearningRate() throws Exception {
        double a = 4.0;
        double[] scale = new double[Quadratic.N];
        java.util.Arrays.fill(scale, Math.sqrt(a));
        List<HessianFreeRecord> records = monitored(new Quadratic(scale, TARGET), Quadratic.single(), 20);

        // windows start after steps 4, 9 and 14, each spanning three snapshots
        assertThat(records).extracting(HessianFreeRecord::step).containsExactly(6L, 11L, 16L);
        HessianFreeEstimate average = HessianFreeEstimate.authors();
        for (HessianFreeRecord record : records) {
            // X^T X / n = a I: every direction has curvature a, the optimal step is 1/a
            assertThat(record.estimate()).isCloseTo(1 / a, within(1e-4));
            assertThat(record.learningRate()).isEqualTo(LR);
            average.observe(1.0, record.firstDifferenceL1(), record.gradientDifferenceL1());
            assertThat(record.average()).isCloseTo(average.average(), within(1e-15));
            assertThat(record.layers()).containsOnlyKeys("weight");
            assertThat(record.layers().get("weight").estimate()).isEqualTo(record.estimate());
        }
        Measurements.record("hessian-free", String.format(Locale.ROOT,
                "isotropic quadratic a=%.1f: estimates %s (closed form %.6f)", a,
                records.stream().map(r -> String.format(Locale.ROOT, "%.6f", r.estimate())).toList(), 1 / a));
    }

    @Test
    void anisotropicQuadraticGivesTheClosedFormRatio() throws Exception {
        Quadratic quadratic = new Quadratic(new double[] {1, 1, 2, 2, 3, 3, 0.5, 0.5}, TARGET);
        List<HessianFreeRecord> records = monitored(quadratic, Quadratic.single(), 20);
        assertThat(records).hasSize(3);
        for (HessianFreeRecord record : records) {
            double[] closedForm = expected(quadratic, record.step(), 0, Quadratic.N);
            assertThat(closedForm[0]).isCloseTo(closedForm[1], within(1e-9 * closedForm[1]));
            assertThat(record.estimate()).isCloseTo(closedForm[1], within(1e-3 * closedForm[1]));
            // between the Newton steps of the largest and smallest curvature (9 and 0.25)
            assertThat(record.estimate()).isBetween(1 / 9.0, 1 / 0.25);
            Measurements.record("hessian-free", String.format(Locale.ROOT,
                    "anisotropic quadratic, step %d: DJL %.6f, closed form sum|g|/sum|Ag| %.6f", record.step(),
                    record.estimate(), closedForm[1]));
        }
    }

    /** The heavy-ball trajectory in double precision: {@code b = m b + g; w = w - LR b}, {@code START} first. */
    private static double[][] heavyBall(Quadratic quadratic, double momentum, int steps) {
        double[][] trajectory = new double[steps + 1][];
        double[] w = START.clone();
        double[] buffer = new double[Quadratic.N];
        trajectory[0] = w.clone();
        for (int t = 0; t < steps; t++) {
            double[] g = quadratic.gradient(w);
            for (int j = 0; j < Quadratic.N; j++) {
                buffer[j] = momentum * buffer[j] + g[j];
                w[j] -= LR * buffer[j];
            }
            trajectory[t + 1] = w.clone();
        }
        return trajectory;
    }

    @Test
    void underMomentumTheCorrectedEstimateIsTheClosedFormAndThePlainOneIsNot() throws Exception {
        Quadratic quadratic = new Quadratic(new double[] {1, 1, 2, 2, 3, 3, 0.5, 0.5}, TARGET);
        List<HessianFreeRecord> records = monitored(quadratic, Quadratic.single(), 20, 0.9, EVERY);
        double[][] trajectory = heavyBall(quadratic, 0.9, 20);
        assertThat(records).extracting(HessianFreeRecord::step).containsExactly(6L, 11L, 16L);
        double worstPlain = 0;
        for (HessianFreeRecord record : records) {
            // w_1 is the snapshot after step record.step() - 2; sum|g| / sum|A g| there is the plain-SGD value
            double[] g = quadratic.gradient(trajectory[(int) record.step() - 1]);
            double gradientL1 = 0;
            double hessianGradientL1 = 0;
            for (int j = 0; j < Quadratic.N; j++) {
                gradientL1 += Math.abs(g[j]);
                hessianGradientL1 += Math.abs(quadratic.curvature(j) * g[j]);
            }
            double closedForm = gradientL1 / hessianGradientL1;
            // float32 weights: differences of about 1e-2 carry about 1e-5 relative rounding, amplified by the
            // second differences; 1e-3 leaves room
            assertThat(record.corrected()).isCloseTo(closedForm, within(1e-3 * closedForm));
            assertThat(record.momentum()).isEqualTo(0.9, within(1e-7));
            worstPlain = Math.max(worstPlain, Math.abs(record.estimate() / closedForm - 1));
            Measurements.record("hessian-free", String.format(Locale.ROOT, "momentum 0.9, anisotropic quadratic, step"
                    + " %d: plain %.6f, corrected %.6f, closed form %.6f", record.step(), record.estimate(),
                    record.corrected(), closedForm));
        }
        assertThat(worstPlain).as("the plain estimate is off under momentum").isGreaterThan(0.1);
    }

    @Test
    void contiguousWindowsUnderMomentumCorrectAllButTheFirst() throws Exception {
        double a = 4.0;
        double[] scale = new double[Quadratic.N];
        java.util.Arrays.fill(scale, Math.sqrt(a));
        List<HessianFreeRecord> records = monitored(new Quadratic(scale, TARGET), Quadratic.single(), 12, 0.9, 1);
        // windows 0-2, 3-5, 6-8, 9-11: the first has no snapshots before it, the others reuse the last two of the
        // window before
        assertThat(records).extracting(HessianFreeRecord::step).containsExactly(2L, 5L, 8L, 11L);
        assertThat(records.get(0).corrected()).isNaN();
        for (HessianFreeRecord record : records.subList(1, records.size())) {
            assertThat(record.corrected()).isCloseTo(1 / a, within(1e-3 / a));
        }
    }

    @Test
    void withoutMomentumTheCorrectedEstimateIsThePlainOne() throws Exception {
        Quadratic quadratic = new Quadratic(new double[] {1, 1, 2, 2, 3, 3, 0.5, 0.5}, TARGET);
        List<HessianFreeRecord> records = monitored(quadratic, Quadratic.single(), 12, 0, 1);
        assertThat(records).hasSize(4);
        for (HessianFreeRecord record : records) {
            assertThat(record.momentum()).isZero();
            assertThat(record.corrected()).isCloseTo(record.estimate(), within(1e-9 * record.estimate()));
        }
    }

    @Test
    void perLayerEstimatesSeeEachLayersCurvature() throws Exception {
        // features 0-3 have curvature 1, features 4-7 curvature 4; the two layers see one group each
        Quadratic quadratic = new Quadratic(new double[] {1, 1, 1, 1, 2, 2, 2, 2}, TARGET);
        List<HessianFreeRecord> records = monitored(quadratic, Quadratic.twoLayers(), 15);
        assertThat(records).isNotEmpty();
        for (HessianFreeRecord record : records) {
            assertThat(record.layers()).containsOnlyKeys("01SequentialBlock_02Linear", "02SequentialBlock_02Linear");
            assertThat(record.layers().get("01SequentialBlock_02Linear").estimate()).isCloseTo(1.0, within(1e-4));
            assertThat(record.layers().get("02SequentialBlock_02Linear").estimate()).isCloseTo(0.25, within(1e-4));
            double global = expected(quadratic, record.step(), 0, Quadratic.N)[1];
            assertThat(record.estimate()).isCloseTo(global, within(1e-3 * global)).isBetween(0.25, 1.0);
        }
    }

    @Test
    void curvatureAlongTheGradientIsTheExactLineSearchStep() throws Exception {
        Quadratic quadratic = new Quadratic(new double[] {1, 1, 2, 2, 3, 3, 0.5, 0.5}, TARGET);
        Block block = Quadratic.single();
        try (Model model = Quadratic.model(block, START); NDManager batch = ARRAYS.manager().newSubManager()) {
            ArrayDataset data = quadratic.dataset(batch);
            // the whole design as one batch
            var full = data.getData(batch).iterator().next();
            ModelWeights before = ModelWeights.capture(block);

            CurvatureEstimate estimate = CurvatureProbe.measure(model, Loss.l2Loss(), full.getData(),
                    full.getLabels(), 1e-2, 7);

            double[] g = quadratic.gradient(START);
            double gg = 0;
            double gAg = 0;
            double loss = 0;
            for (int j = 0; j < Quadratic.N; j++) {
                gg += g[j] * g[j];
                gAg += g[j] * quadratic.curvature(j) * g[j];
                loss += 0.5 * quadratic.curvature(j) * TARGET[j] * TARGET[j];
            }
            // argmin_t f(w - t g) = g.g / g.Ag on a quadratic
            assertThat(estimate.step()).isCloseTo(gg / gAg, within(1e-3 * gg / gAg));
            assertThat(estimate.gradientDotGradient()).isCloseTo(gg, within(1e-5 * gg));
            assertThat(estimate.gradientDotHessianGradient()).isCloseTo(gAg, within(1e-3 * gAg));
            assertThat(estimate.loss()).isCloseTo(loss, within(1e-5 * loss));
            assertThat(ModelWeights.capture(block)).as("weights put back bit for bit").isEqualTo(before);
            Measurements.record("hessian-free", String.format(Locale.ROOT,
                    "curvature along the gradient: DJL %.8f, closed form g.g/g.Ag %.8f", estimate.step(), gg / gAg));
        }
    }

    @Test
    void onASmallCnnTheEstimatesAreFiniteAndLeaveTrainingUntouched() throws Exception {
        ArrayDataset stripes = Fixtures.stripes(ARRAYS.manager(), 320, 11, 32);
        ArrayDataset probeSet = Fixtures.stripes(ARRAYS.manager(), 64, 12, 64);
        long steps = 40;
        Policy policy = Runs.oneCycle(0.1, steps);

        ModelWeights plain;
        try (Model model = Fixtures.model("plain", Fixtures.cnn())) {
            Runs.run(model, Runs.sgd(policy), stripes, Fixtures.cnnInput(), TrainingLength.steps(steps)).build().run();
            plain = ModelWeights.capture(model.getBlock());
        }

        try (Model model = Fixtures.model("monitored", Fixtures.cnn());
                NDManager probeManager = ARRAYS.manager().newSubManager()) {
            ScheduledSgd sgd = Runs.sgd(policy);
            var probe = probeSet.getData(probeManager).iterator().next();
            HessianFreeMonitor hessianFree = HessianFreeMonitor.every(10, model.getBlock(), sgd);
            CurvatureMonitor curvature = CurvatureMonitor.every(10, model, Loss.softmaxCrossEntropyLoss(),
                    probe.getData(), probe.getLabels());
            Runs.run(model, sgd, stripes, Fixtures.cnnInput(), TrainingLength.steps(steps))
                    .listener(hessianFree).listener(curvature).build().run();

            assertThat(ModelWeights.capture(model.getBlock())).as("monitors leave training bit-identical")
                    .isEqualTo(plain);
            assertThat(hessianFree.records()).hasSize(3);
            for (HessianFreeRecord record : hessianFree.records()) {
                assertThat(record.estimate()).isPositive().isFinite();
                assertThat(record.layers()).containsKeys("01Conv2d", "02BatchNorm", "06Linear");
                record.layers().values().forEach(layer -> assertThat(layer.estimate()).isPositive());
            }
            assertThat(curvature.records()).hasSize(4);
            for (CurvatureMonitor.Record record : curvature.records()) {
                assertThat(record.estimate().step()).isPositive();
                assertThat(record.estimate().loss()).isPositive().isFinite();
            }
            Measurements.record("hessian-free", "small CNN, one-cycle to 0.1: Hessian-free "
                    + hessianFree.records().stream().map(r -> String.format(Locale.ROOT, "%.4g", r.estimate())).toList()
                    + ", along the gradient " + curvature.records().stream()
                            .map(r -> String.format(Locale.ROOT, "%.4g", r.estimate().step())).toList());
        }
    }
}
