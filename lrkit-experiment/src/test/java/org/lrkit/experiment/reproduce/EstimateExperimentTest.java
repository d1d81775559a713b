package org.lrkit.experiment.reproduce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.lrkit.experiment.estimate.EstimateSettings;

/** The estimate experiments of the catalog: the Hessian-free plans at every scale and their listing. */
class EstimateExperimentTest {

    private static EstimateExperiment hessianFree() {
        return (EstimateExperiment) ExperimentCatalog.experiment("hessian-free");
    }

    @Test
    void theCatalogHoldsTheComparisonsThenTheEstimatesUnderUniqueIds() {
        List<String> ids = ExperimentCatalog.experiments().stream().map(CatalogExperiment::id).toList();
        assertThat(ids).containsExactly("clr", "sgdr", "superconvergence", "superconvergence-limited", "lenet",
                "hessian-free");
        assertThat(new HashSet<>(ids)).hasSameSizeAs(ids);
        assertThat(ExperimentCatalog.experiments()).containsExactlyElementsOf(Stream.concat(
                ExperimentCatalog.all().stream(), ExperimentCatalog.estimates().stream()).toList());
        assertThat(ExperimentCatalog.experiment("clr")).isSameAs(ExperimentCatalog.find("clr"));
        assertThat(ExperimentCatalog.estimates()).containsExactly(hessianFree());
        assertThatThrownBy(() -> ExperimentCatalog.experiment("hessian")).hasMessage("unknown experiment 'hessian';"
                + " known: clr, sgdr, superconvergence, superconvergence-limited, lenet, hessian-free (lrkit"
                + " reproduce --list describes them)");
        assertThatThrownBy(() -> ExperimentCatalog.find("hessian-free")).hasMessage("'hessian-free' is an estimate"
                + " experiment, not a policy comparison; ExperimentCatalog.experiment(id) finds it");
    }

    @Test
    void theCpuPlanIsTheMeasurementAlreadyMadeWithLrkitEstimate() {
        EstimatePlan cpu = hessianFree().plan(Scale.CPU);
        // lrkit estimate --dataset cifar10 --model resnet20 --spec "cyclical(base=0.1, peak=3, stepsUp=5000)"
        //     --steps 300 --every 1 --momentum 0.9 (and its defaults: batch 128, weight decay 5e-4, augmented)
        assertThat(cpu.setup()).isEqualTo(Setup.of("cifar10", "resnet20", 128, 0.9, 5e-4, true, 0, 0));
        assertThat(cpu.policy()).isEqualTo("cyclical(base=0.1, peak=3, stepsUp=5000)");
        assertThat(cpu.settings()).isEqualTo(new EstimateSettings(300, 1, 50));
        assertThat(cpu.seeds()).isEqualTo(1);
        assertThat(cpu.budget()).isEqualTo("the first 300 steps (0.77 epochs) of cyclical(base=0.1, peak=3,"
                + " stepsUp=5000), lr 0.1 to 0.273; 100 estimates (one every 3 steps), a probe along the gradient"
                + " every 50 steps");
    }

    @Test
    void theFullPlanIsThePapersSetting() {
        EstimatePlan full = hessianFree().plan(Scale.FULL);
        assertThat(full.setup()).isEqualTo(Setup.of("cifar10", "resnet56", 1000, 0.9, 1e-4, true, 0, 0));
        assertThat(full.policy()).isEqualTo(hessianFree().plan(Scale.CPU).policy());
        assertThat(full.settings().steps()).isEqualTo(300);
        assertThat(full.budget()).startsWith("the first 300 steps (6 epochs) of cyclical(base=0.1, peak=3,"
                + " stepsUp=5000), lr 0.1 to 0.273; 100 estimates");
        assertThat(hessianFree().claim().lower()).isEqualTo(2);
        assertThat(hessianFree().claim().upper()).isEqualTo(6);
        assertThat(hessianFree().paper()).contains("Smith & Topin 2018", "arXiv:1708.07120");
        assertThat(hessianFree().deviations()).isNotEmpty();
    }

    @Test
    void theCiPlanIsASmokeTestOnTheEmbeddedData() {
        EstimatePlan ci = hessianFree().plan(Scale.CI);
        Setup setup = ci.setup();
        assertThat(setup.datasets()).containsExactly("fashion-mnist-embedded");
        assertThat(setup.trainSize()).isBetween(1, 512);
        assertThat(setup.testSize()).isBetween(1, 256);
        assertThat(ci.seeds()).isEqualTo(1);
        assertThat(ci.settings().steps() * setup.batchSize()).as("training images of the ci run")
                .isLessThanOrEqualTo(4096);
        assertThat(ci.settings().estimateCount()).isPositive();
        assertThat(ci.description()).contains("not evidence");
    }

    @Test
    void theListingShowsBothKindsAtEveryScale() {
        String text = ExperimentListing.text(ExperimentCatalog.experiments());
        assertThat(text).startsWith("clr  v2  ").contains("\n\nhessian-free  v1  The Hessian-free estimate of the"
                + " optimal learning rate during the first iterations of a 0.1-3 cycle\n  paper: Smith & Topin 2018,"
                + " Super-Convergence",
                "\n  claim: during CLR 0.1-3 training the Hessian-free estimate of the optimal learning rate lies"
                        + " between 2 and 6 (small curvature: the network could train at a larger rate) (paper:"
                        + " ResNet-56 CIFAR-10, batch 1000, the first 300 iterations of CLR 0.1-3 (stepsize 5k):"
                        + " estimates between 2 and 6)\n",
                "\n  ci:   fashion_cnn on fashion-mnist-embedded (512 images), batch 64: the first 36 steps (4.5"
                        + " epochs) of cyclical(base=0.01, peak=0.3, stepsUp=500), lr 0.01 to 0.0303; 12 estimates"
                        + " (one every 3 steps), a probe along the gradient every 12 steps; 1 seed; a few seconds\n",
                "\n  cpu:  resnet20 on cifar10, batch 128: the first 300 steps (0.77 epochs) of cyclical(base=0.1,"
                        + " peak=3, stepsUp=5000), lr 0.1 to 0.273; 100 estimates (one every 3 steps), a probe along"
                        + " the gradient every 50 steps; 1 seed; 300 ResNet-20 steps",
                "\n  full: resnet56 on cifar10, batch 1000: the first 300 steps (6 epochs) of ");
        assertThat(text.lines().filter(line -> line.startsWith("  ci:"))).hasSize(6);
        assertThat(text.lines().filter(line -> line.startsWith("  claim:"))).hasSize(8);
    }

    @Test
    void anExperimentNeedsAPlanAtEveryScale() {
        EstimateExperiment hessianFree = hessianFree();
        Map<Scale, EstimatePlan> ciOnly = Map.of(Scale.CI, hessianFree.plan(Scale.CI));
        assertThatThrownBy(() -> new EstimateExperiment("x", 1, "t", "p", hessianFree.claim(), ciOnly, List.of()))
                .hasMessage("x: a plan for scale cpu is needed");
        Map<Scale, EstimatePlan> swapped = Map.of(Scale.CI, hessianFree.plan(Scale.CPU), Scale.CPU,
                hessianFree.plan(Scale.CI), Scale.FULL, hessianFree.plan(Scale.FULL));
        assertThatThrownBy(() -> new EstimateExperiment("x", 1, "t", "p", hessianFree.claim(), swapped, List.of()))
                .hasMessage("x: a plan for scale ci is needed");
        assertThatThrownBy(() -> new EstimateExperiment("X", 1, "t", "p", hessianFree.claim(), hessianFree.plans(),
                List.of())).hasMessage("an experiment id must be 1-40 lower-case letters, digits or '-', got 'X'");
        EstimatePlan ci = hessianFree.plan(Scale.CI);
        assertThatThrownBy(() -> new EstimatePlan(Scale.CI, ci.setup(), "cyclical(base=0.1)", ci.settings(), 1, "d",
                "e")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EstimatePlan(Scale.CI, ci.setup(), ci.policy(), ci.settings(), 0, "d", "e"))
                .hasMessage("seeds must be in [1, 100], got 0");
    }
}
