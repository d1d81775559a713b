package org.lrkit.experiment.reproduce;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.lrkit.experiment.estimate.EstimateSettings;
import org.lrkit.experiment.run.RangeFinder;

/**
 * The experiments {@code lrkit reproduce} knows, of two kinds ({@link CatalogExperiment}). The policy comparisons,
 * each a {@link PaperExperiment}: the CLR paper's CIFAR-10 table ({@code clr}), SGDR against step decay with
 * snapshot ensembles ({@code sgdr}), super-convergence of ResNets on CIFAR-10 with all and with 10,000 training
 * images ({@code superconvergence}, {@code superconvergence-limited}), and the one-cycle policy on LeNet
 * ({@code lenet}). The estimates, each an {@link EstimateExperiment}: the Hessian-free estimate of the optimal
 * learning rate during a 0.1-3 cycle ({@code hessian-free}).
 *
 * <p>Every number of a plan is here, in one place. Change a plan's numbers and raise its version.
 */
public final class ExperimentCatalog {

    /** The learning-rate range of every range test in the catalog. */
    private static final double SWEEP_START = 1e-5;
    private static final double SWEEP_END = 0.1;

    private static final String CI_DATA = "fashion-mnist-embedded";

    /** The end of every ci description. */
    private static String onCiData(int trainImages) {
        return " on a class-balanced " + trainImages + " of the Fashion-MNIST training images inside lrkit (256 test"
                + " images), one seed, to check in seconds that the plan runs end to end. ci numbers are not evidence"
                + " for or against the paper.";
    }

    private ExperimentCatalog() {
    }

    /**
     * Every policy comparison, in the order {@code --list} shows them (the estimates come after them).
     *
     * @return the comparisons, unmodifiable
     */
    public static List<PaperExperiment> all() {
        return Holder.COMPARISONS;
    }

    /**
     * Every estimate experiment, in the order {@code --list} shows them.
     *
     * @return the estimate experiments, unmodifiable
     */
    public static List<EstimateExperiment> estimates() {
        return Holder.ESTIMATES;
    }

    /**
     * Every experiment of either kind, in the order {@code --list} shows them: the comparisons, then the estimates.
     *
     * @return the experiments, unmodifiable
     */
    public static List<CatalogExperiment> experiments() {
        return Holder.EXPERIMENTS;
    }

    /** Builds the catalog on first use, after every constant of the class is set. */
    private static final class Holder {
        static final List<PaperExperiment> COMPARISONS = List.of(clr(), sgdr(), superConvergence(),
                superConvergenceLimited(), lenet());
        static final List<EstimateExperiment> ESTIMATES = List.of(hessianFree());
        static final List<CatalogExperiment> EXPERIMENTS = Stream.concat(COMPARISONS.stream(), ESTIMATES.stream())
                .map(CatalogExperiment.class::cast).toList();

        static {
            Set<String> ids = new HashSet<>();
            for (CatalogExperiment experiment : EXPERIMENTS) {
                if (!ids.add(experiment.id())) {
                    throw new IllegalStateException("experiment id '" + experiment.id() + "' appears twice");
                }
            }
        }
    }

    /**
     * The policy comparison {@code id}.
     *
     * @param id the comparison's id, e.g. {@code clr}
     * @return the comparison
     * @throws IllegalArgumentException naming the known comparisons when there is none, or saying that
     *     {@code id} is an estimate experiment ({@link #experiment(String)} finds both kinds)
     */
    public static PaperExperiment find(String id) {
        for (PaperExperiment experiment : all()) {
            if (experiment.id().equals(id)) {
                return experiment;
            }
        }
        if (estimates().stream().anyMatch(experiment -> experiment.id().equals(id))) {
            throw new IllegalArgumentException("'" + id + "' is an estimate experiment, not a policy comparison;"
                    + " ExperimentCatalog.experiment(id) finds it");
        }
        throw unknown(id, all());
    }

    /**
     * The experiment {@code id}, of either kind.
     *
     * @param id the experiment's id
     * @return the experiment
     * @throws IllegalArgumentException naming every known id when there is none
     */
    public static CatalogExperiment experiment(String id) {
        for (CatalogExperiment experiment : experiments()) {
            if (experiment.id().equals(id)) {
                return experiment;
            }
        }
        throw unknown(id, experiments());
    }

    private static IllegalArgumentException unknown(String id, List<? extends CatalogExperiment> known) {
        return new IllegalArgumentException("unknown experiment '" + id + "'; known: " + String.join(", ",
                known.stream().map(CatalogExperiment::id).toList()) + " (lrkit reproduce --list describes them)");
    }

    private static <P> Map<Scale, P> plans(P ci, P cpu, P full) {
        Map<Scale, P> plans = new EnumMap<>(Scale.class);
        plans.put(Scale.CI, ci);
        plans.put(Scale.CPU, cpu);
        plans.put(Scale.FULL, full);
        return plans;
    }

    // ---- clr: Smith 2017, Table 1 (CIFAR-10) ----

    private static final String FIXED_ROLE = "the Caffe cifar10_full solver as train_full.sh runs it, which the paper"
            + " calls fixed: 0.001, then 1e-4 and 1e-5 for a fourteenth of the run each (5k of 70k iterations)";
    /** The controls that say whether a cyclical schedule's lead at equal epochs is more than a shorter baseline's. */
    private static final String FIXED_CONTROL_ROLE = "control: Caffe's fixed schedule compressed to the cyclical run's"
            + " length (the same stages at the same fractions of it)";
    private static final String TRIANGULAR2_ROLE = "triangular2 in the three stages of the paper's Table 2 (bounds"
            + " 0.001-0.005, 1e-4-5e-4, 1e-5-5e-5, each stage's stepsize half the one before)";
    private static final String EXP_RANGE_ROLE = "exp_range 0.001-0.006, the amplitude decaying by gamma per"
            + " iteration (the reference code)";

    /** Triangular2 in three stages: stage ends and stepsizes in iterations. */
    private static String threeStageTriangular2(long stepsize, long firstEnd, long secondEnd) {
        return "join(first=cyclical(base=0.001, peak=0.005, stepsUp=" + stepsize + ", scaling=triangular2), steps="
                + firstEnd + ", then=join(first=cyclical(base=1e-4, peak=5e-4, stepsUp=" + stepsize / 2
                + ", scaling=triangular2), steps=" + (secondEnd - firstEnd) + ", then=cyclical(base=1e-5, peak=5e-5,"
                + " stepsUp=" + stepsize / 4 + ", scaling=triangular2)))";
    }

    /** Caffe's cifar10_full: 60k of 70k iterations at 0.001, then 5k at 1e-4 and 5k at 1e-5. */
    private static String caffeFixed(long total) {
        long stage = total / 14;
        return "multiStepDecay(initial=0.001, milestones=[" + (total - 2 * stage) + ", " + (total - stage)
                + "], factor=0.1)";
    }

    private static String expRange(long stepsize, double gamma) {
        return "cyclical(base=0.001, peak=0.006, stepsUp=" + stepsize + ", scaling=expRange, gamma=" + gamma + ")";
    }

    private static PaperExperiment clr() {
        Setup cifar = Setup.of("cifar10", "cifar10_full", 100, 0.9, 0.004, false, 0, 0);
        ScaledPlan full = new ScaledPlan(Scale.FULL, cifar, List.of(
                PlannedPolicy.steps("fixed", FIXED_ROLE, caffeFixed(70_000), 70_000),
                PlannedPolicy.steps("triangular2", TRIANGULAR2_ROLE, threeStageTriangular2(2000, 16_000, 22_000),
                        25_000),
                PlannedPolicy.steps("exp_range", EXP_RANGE_ROLE, expRange(2000, 0.99994), 42_000)),
                3, new RangeFinder.SweepSettings(SWEEP_START, SWEEP_END, 4000), SnapshotPlan.NONE,
                "The paper's setting: Caffe's cifar10_full on CIFAR-10, batch 100 (500 iterations an epoch), fixed 70k"
                        + " iterations, triangular2 25k, exp_range 42k; the range test sweeps for 8 epochs, as the"
                        + " paper's did.",
                "137k iterations of batch 100 per seed: a GPU's work");
        ScaledPlan cpu = new ScaledPlan(Scale.CPU, cifar, List.of(
                PlannedPolicy.steps("fixed", FIXED_ROLE, caffeFixed(7000), 7000),
                PlannedPolicy.steps("triangular2", TRIANGULAR2_ROLE, threeStageTriangular2(200, 1600, 2200), 2500),
                PlannedPolicy.steps("exp_range", EXP_RANGE_ROLE, expRange(200, Math.pow(0.99994, 10)), 4200),
                PlannedPolicy.steps("fixed-2500", FIXED_CONTROL_ROLE, caffeFixed(2500), 2500),
                PlannedPolicy.steps("fixed-4200", FIXED_CONTROL_ROLE, caffeFixed(4200), 4200)),
                1, new RangeFinder.SweepSettings(SWEEP_START, SWEEP_END, 400), SnapshotPlan.NONE,
                "A tenth of the paper's iterations on all of CIFAR-10 (fixed 7k, triangular2 2.5k, exp_range 4.2k"
                        + " iterations of batch 100), every stepsize, stage end and decay milestone divided by ten"
                        + " and exp_range's gamma raised to the tenth power (0.99994^10 = 0.9994002), so that each"
                        + " schedule keeps its shape over a tenth of the steps; the range test sweeps 400 iterations."
                        + " Controls: the fixed schedule compressed to triangular2's and exp_range's"
                        + " lengths, for the readings at equal iterations.",
                "20.4k iterations of 100 images (0.09 s each on 2 cores, timed), a 400-step range test and 42"
                        + " evaluations: about 37 min per seed");
        ScaledPlan ci = new ScaledPlan(Scale.CI, Setup.of(CI_DATA, "cifar10_full", 64, 0.9, 0.004, false, 512, 256),
                List.of(PlannedPolicy.steps("fixed", FIXED_ROLE, "multiStepDecay(initial=0.001, milestones=[20, 22],"
                                + " factor=0.1)", 24),
                        PlannedPolicy.steps("triangular2", TRIANGULAR2_ROLE, "join(first=cyclical(base=0.001,"
                                + " peak=0.005, stepsUp=1, scaling=triangular2), steps=6, then=join(first=cyclical("
                                + "base=1e-4, peak=5e-4, stepsUp=1, scaling=triangular2), steps=2, then=cyclical("
                                + "base=1e-5, peak=5e-5, stepsUp=1, scaling=triangular2)))", 10),
                        PlannedPolicy.steps("exp_range", EXP_RANGE_ROLE, expRange(2, 0.9), 16)),
                1, new RangeFinder.SweepSettings(SWEEP_START, SWEEP_END, 8), SnapshotPlan.NONE,
                "The three schedules in miniature (24, 10 and 16 iterations) and an 8-step range test" + onCiData(512),
                "a few seconds");
        return new PaperExperiment("clr", 2, "Cyclical learning rates on CIFAR-10: triangular2 and exp_range against"
                + " Caffe's schedule",
                "Smith 2017, Cyclical Learning Rates for Training Neural Networks (WACV 2017; arXiv:1506.01186),"
                        + " Table 1 with the schedule of Table 2",
                List.of(Claim.byBudget("triangular2 matches the fixed schedule in 25k of its 70k iterations",
                                "triangular2 25k it 81.4% = fixed 70k it 81.4%", "fixed", "triangular2", 0.005,
                                70.0 / 25),
                        Claim.byBudget("exp_range beats the fixed schedule in 42k of its 70k iterations",
                                "exp_range 42k it 82.2% > fixed 70k it 81.4%", "fixed", "exp_range", 0.005,
                                70.0 / 42)),
                plans(ci, cpu, full),
                List.of("Caffe multiplies the fully connected layer's weight decay by 250 and initializes from its own"
                                + " Gaussians; lrkit applies one weight decay to every parameter and DJL's default"
                                + " initialization.",
                        "Images are normalized by CIFAR-10's channel mean and standard deviation; the paper"
                                + " subtracts the mean image only.",
                        "exp_range decays the amplitude (the reference code); the paper's words can also be read"
                                + " as both bounds decaying.",
                        "The range test is lrkit's: an exponential sweep from 1e-5 to 0.1 read off the training loss;"
                                + " the paper reads the accuracy of a linear sweep from 0 to 0.02 (knee near"
                                + " 0.006)."),
                "CIFAR-10, 8-epoch linear sweep 0-0.02: accuracy rises from 0.001, the knee is near 0.006; bounds"
                        + " 0.001-0.006 (section 3.3)");
    }

    // ---- sgdr: Loshchilov & Hutter 2017 ----

    private static final String STEP_ROLE = "the paper's default schedule: 0.05, times 0.2 at 30%, 60% and 80% of"
            + " the run";
    private static final String SGDR_SHORT_ROLE = "SGDR T0=1 epoch, Tmult=2, 0.05 annealed to 0 by cosine";
    private static final String SGDR_LONG_ROLE = "SGDR T0=10 epochs (scaled with the budget), Tmult=2, 0.05 annealed"
            + " to 0 by cosine";

    private static String stepDecay(String... milestones) {
        return "multiStepDecay(initial=0.05, milestones=[" + String.join(", ", milestones) + "], factor=0.2)";
    }

    private static String sgdrSpec(String firstPeriod) {
        return "sgdr(peak=0.05, floor=0, firstPeriod=" + firstPeriod + ", periodMultiplier=2)";
    }

    private static PaperExperiment sgdr() {
        List<String> both = List.of("sgdr-short", "sgdr-long");
        ScaledPlan full = new ScaledPlan(Scale.FULL, Setup.of("cifar10", "wrn28_10", 128, 0.9, 5e-4, true, 0, 0),
                List.of(PlannedPolicy.epochs("step", STEP_ROLE, stepDecay("{60 epochs}", "{120 epochs}",
                                "{160 epochs}"), 200),
                        PlannedPolicy.epochs("sgdr-short", SGDR_SHORT_ROLE, sgdrSpec("{1 epoch}"), 127),
                        PlannedPolicy.epochs("sgdr-long", SGDR_LONG_ROLE, sgdrSpec("{10 epochs}"), 150)),
                3, null, new SnapshotPlan(both, 3),
                "The paper's WRN-28-10 setting (batch 128, 0.05, weight decay 5e-4, 200 epochs of step decay). Each"
                        + " SGDR run stops at its last restart within 200 epochs (127 and 150), where the paper"
                        + " takes its recommended solution; snapshots at every cycle end, ensemble of the last 3"
                        + " (for T0=10 those of epochs 30, 70 and 150, as in Table 2).",
                "477 WRN-28-10 epochs per seed: a GPU's work");
        ScaledPlan cpu = new ScaledPlan(Scale.CPU, Setup.of("cifar10", "resnet20", 128, 0.9, 5e-4, true, 10_000, 0),
                List.of(PlannedPolicy.epochs("step", STEP_ROLE, stepDecay("{4.5 epochs}", "{9 epochs}",
                                "{12 epochs}"), 15),
                        PlannedPolicy.epochs("sgdr-short", SGDR_SHORT_ROLE, sgdrSpec("{1 epoch}"), 15),
                        PlannedPolicy.epochs("sgdr-long", SGDR_LONG_ROLE, sgdrSpec("{5 epochs}"), 15)),
                1, null, new SnapshotPlan(both, 3),
                "ResNet-20 on 10,000 class-balanced CIFAR-10 training images (78 steps an epoch), the full test set,"
                        + " 15 epochs each: step decay with its milestones at the paper's fractions, SGDR T0=1"
                        + " (cycle ends 1, 3, 7, 15) and T0=5 (ends 5, 15; the paper's 10 does not fit twice in 15)."
                        + " Snapshots at every cycle end, ensemble of the last 3 (T0=1: epochs 3, 7, 15, the"
                        + " paper's pattern of the last three of four cycles).",
                "3,510 ResNet-20 steps of 128 images (0.34 s each on 2 cores, timed), 45 evaluations of"
                        + " 10,000 images (9 s each) and 5 snapshot evaluations: about 30 min per seed");
        ScaledPlan ci = new ScaledPlan(Scale.CI, Setup.of(CI_DATA, "resnet20", 64, 0.9, 5e-4, false, 512, 256),
                List.of(PlannedPolicy.epochs("step", STEP_ROLE, stepDecay("{0.6 epochs}", "{1.2 epochs}",
                                "{1.6 epochs}"), 2),
                        PlannedPolicy.epochs("sgdr-short", SGDR_SHORT_ROLE, sgdrSpec("{1 epoch}"), 3),
                        PlannedPolicy.epochs("sgdr-long", SGDR_LONG_ROLE, sgdrSpec("{2 epochs}"), 2)),
                1, null, new SnapshotPlan(both, 3),
                "Step decay for 2 epochs, SGDR T0=1 for 3 (cycle ends 1, 3) and T0=2 for 2, with snapshots"
                        + onCiData(512),
                "a few seconds");
        return new PaperExperiment("sgdr", 1, "SGDR against step decay on CIFAR-10: anytime accuracy and snapshot"
                + " ensembles",
                "Loshchilov & Hutter 2017, SGDR: Stochastic Gradient Descent with Warm Restarts (ICLR 2017;"
                        + " arXiv:1608.03983), Table 1, Figure 2 and Table 2",
                List.of(Claim.bySpeedup("SGDR T0=1, Tmult=2 reaches the step schedule's final accuracy 2-4x sooner",
                                "WRN-28-10 CIFAR-10: SGDR T0=1,Tmult=2 4.09% error vs step 4.13% at 200 epochs;"
                                        + " comparable error in 2-4x fewer epochs (Fig. 2)",
                                "step", "sgdr-short", 0.005, 2),
                        Claim.bySpeedup("SGDR T0=10, Tmult=2 reaches the step schedule's final accuracy 2-4x sooner",
                                "WRN-28-10 CIFAR-10: SGDR T0=10,Tmult=2 4.03% error vs step 4.13% at 200 epochs;"
                                        + " ensemble of its last 3 snapshots 3.51% (Table 2)",
                                "step", "sgdr-long", 0.005, 2)),
                plans(ci, cpu, full),
                List.of("An epoch is the 50,000 training images; the paper's code counted each image and its flipped"
                                + " copy (100,000), so its epochs were twice as long.",
                        "The random crop pads with zeros; the paper pads by reflection."), "");
    }

    // ---- super-convergence: Smith & Topin 2018 ----

    private static final String ONE_CYCLE_ROLE = "one cycle to a large learning rate with momentum cycling"
            + " 0.95-0.85";
    private static final String PC_ROLE = "piecewise-constant baseline: times 0.1 at 62.5% and 87.5% of the run";
    /** The control that says whether one-cycle's lead at equal epochs is more than a shorter baseline's. */
    private static final String PC_CONTROL_ROLE = "control: the piecewise-constant baseline compressed to one-cycle's"
            + " length (times 0.1 at 62.5% and 87.5% of it)";

    /** The paper's Fig. 1a cycle (0.1 to 3 and back, linear, over the whole run), with cyclical momentum. */
    private static final String PAPER_ONE_CYCLE = "oneCyclePolicy(peak=3, start=0.1, end=0.1, totalSteps=auto,"
            + " fractionUp=0.5, shape=linear, momentumHigh=0.95, momentumLow=0.85)";
    /** At batch 128: the learning rates scaled by sqrt(128/1000), and a final annihilation phase. */
    private static final String SMALL_BATCH_ONE_CYCLE = "oneCyclePolicy(peak=1.0, start=0.04, end=0.0004,"
            + " totalSteps=auto, fractionUp=0.45, fractionFinal=0.1, shape=linear, momentumHigh=0.95,"
            + " momentumLow=0.85)";
    /** At ci: eight steps to a peak of 1.0 blow the network up, so the peak is 0.2. */
    private static final String CI_ONE_CYCLE = "oneCyclePolicy(peak=0.2, start=0.008, end=0.00008, totalSteps=auto,"
            + " fractionUp=0.45, fractionFinal=0.1, shape=linear, momentumHigh=0.95, momentumLow=0.85)";
    private static final String SMALL_BATCH_NOTE = " Batch 128 instead of 1000, for more steps in the short"
            + " budget; the learning rates are scaled by sqrt(128/1000) = 0.36 (one-cycle 0.04-1.0 instead of"
            + " 0.1-3, piecewise-constant 0.125 instead of 0.35), and the one-cycle run ends with an annihilation"
            + " phase over its last 10% down to 0.0004 (Smith 2018).";

    private static String piecewise(double initial, String first, String second) {
        return "multiStepDecay(initial=" + initial + ", milestones=[" + first + ", " + second + "], factor=0.1)";
    }

    private static List<PlannedPolicy> paperSuperConvergence() {
        return List.of(PlannedPolicy.steps("one-cycle", ONE_CYCLE_ROLE, PAPER_ONE_CYCLE, 10_000),
                PlannedPolicy.steps("pc", PC_ROLE, piecewise(0.35, "50000", "70000"), 80_000));
    }

    /** How lrkit's CIFAR augmentation differs from Smith &amp; Topin's. */
    private static final String FLIP_ONLY_DEVIATION = "lrkit's CIFAR augmentation pads, crops and flips; the paper"
            + " flipped only.";
    /** How lrkit's CIFAR normalization differs from Smith &amp; Topin's. */
    private static final String MEAN_IMAGE_DEVIATION = "Images are normalized by CIFAR-10's channel mean and standard"
            + " deviation; the paper subtracted the mean image.";

    private static List<String> superConvergenceDeviations() {
        return List.of(FLIP_ONLY_DEVIATION,
                "BatchNorm keeps DJL's moving-average momentum in every run; the paper used a fraction of 0.95"
                        + " for the cyclical runs and 0.999 for the piecewise-constant ones.",
                MEAN_IMAGE_DEVIATION,
                "Momentum cycles 0.95-0.85 in the one-cycle runs (Smith 2018); the paper's Fig. 1a run kept 0.9.");
    }

    private static PaperExperiment superConvergence() {
        ScaledPlan full = new ScaledPlan(Scale.FULL, Setup.of("cifar10", "resnet56", 1000, 0.9, 1e-4, true, 0, 0),
                paperSuperConvergence(), 3, null, SnapshotPlan.NONE,
                "The paper's ResNet-56 setting: batch 1000 (50 iterations an epoch), one cycle 0.1-3-0.1 over 10k"
                        + " iterations (200 epochs) against piecewise-constant 0.35 for 80k (1600 epochs).",
                "90k ResNet-56 iterations of batch 1000 per seed: a GPU's work");
        ScaledPlan cpu = new ScaledPlan(Scale.CPU, Setup.of("cifar10", "resnet20", 128, 0.9, 1e-4, true, 0, 0),
                List.of(PlannedPolicy.epochs("one-cycle", ONE_CYCLE_ROLE, SMALL_BATCH_ONE_CYCLE, 4),
                        PlannedPolicy.epochs("pc", PC_ROLE, piecewise(0.125, "{10 epochs}", "{14 epochs}"), 16),
                        PlannedPolicy.epochs("pc-4", PC_CONTROL_ROLE, piecewise(0.125, "{2.5 epochs}",
                                "{3.5 epochs}"), 4)),
                1, null, SnapshotPlan.NONE,
                "ResNet-20 on all of CIFAR-10: 4 epochs of one-cycle against 16 of piecewise-constant (4x the"
                        + " budget; the paper's is 8x, which does not fit the hour)." + SMALL_BATCH_NOTE
                        + " Control: piecewise-constant compressed to 4 epochs, for the reading at equal epochs.",
                "9,360 ResNet-20 steps of 128 images (0.34 s each on 2 cores, timed) and 24 evaluations of"
                        + " 10,000 images (9 s each): about 57 min per seed");
        ScaledPlan ci = new ScaledPlan(Scale.CI, Setup.of(CI_DATA, "resnet20", 64, 0.9, 1e-4, false, 512, 256),
                List.of(PlannedPolicy.epochs("one-cycle", ONE_CYCLE_ROLE, CI_ONE_CYCLE, 1),
                        PlannedPolicy.epochs("pc", PC_ROLE, piecewise(0.125, "{1.25 epochs}", "{1.75 epochs}"), 2)),
                1, null, SnapshotPlan.NONE, "One epoch of one-cycle (peak 0.2: eight steps to 1.0 blow the network"
                        + " up) against two of piecewise-constant" + onCiData(512),
                "a few seconds");
        return new PaperExperiment("superconvergence", 2, "Super-convergence of a ResNet on CIFAR-10: one cycle"
                + " against piecewise-constant training with 8x the iterations",
                "Smith & Topin 2018, Super-Convergence: Very Fast Training of Neural Networks Using Large Learning"
                        + " Rates (arXiv:1708.07120), Figure 1a and Table 1",
                List.of(Claim.byBudget("one cycle to a large learning rate beats piecewise-constant training with 8x"
                                + " the iterations",
                        "ResNet-56: one cycle 0.1-3, 10k it 92.4% > PC-LR 0.35, 80k it 91.2%", "pc", "one-cycle",
                        0.005, 8)),
                plans(ci, cpu, full), superConvergenceDeviations(), "");
    }

    private static PaperExperiment superConvergenceLimited() {
        ScaledPlan full = new ScaledPlan(Scale.FULL,
                Setup.of("cifar10", "resnet56", 1000, 0.9, 1e-4, true, 10_000, 0),
                paperSuperConvergence(), 3, null, SnapshotPlan.NONE,
                "The paper's ResNet-56 setting on 10,000 training images: batch 1000 (10 iterations an epoch), one"
                        + " cycle over 10k iterations against piecewise-constant for 80k.",
                "90k ResNet-56 iterations of batch 1000 per seed: a GPU's work");
        ScaledPlan cpu = new ScaledPlan(Scale.CPU,
                Setup.of("cifar10", "resnet20", 128, 0.9, 1e-4, true, 10_000, 0),
                List.of(PlannedPolicy.epochs("one-cycle", ONE_CYCLE_ROLE, SMALL_BATCH_ONE_CYCLE, 10),
                        PlannedPolicy.epochs("pc", PC_ROLE, piecewise(0.125, "{37.5 epochs}", "{52.5 epochs}"), 60),
                        PlannedPolicy.epochs("pc-10", PC_CONTROL_ROLE, piecewise(0.125, "{6.25 epochs}",
                                "{8.75 epochs}"), 10)),
                1, null, SnapshotPlan.NONE,
                "ResNet-20 on 10,000 class-balanced CIFAR-10 training images (78 steps an epoch) and the full test"
                        + " set: 10 epochs of one-cycle against 60 of piecewise-constant (6x; the paper's 8x at"
                        + " 1000 epochs does not fit)." + SMALL_BATCH_NOTE + " Control: piecewise-constant"
                        + " compressed to 10 epochs, for the reading at equal epochs.",
                "6,240 ResNet-20 steps of 128 images (0.34 s each on 2 cores, timed) and 80 evaluations of"
                        + " 10,000 images (9 s each): about 51 min per seed");
        ScaledPlan ci = new ScaledPlan(Scale.CI, Setup.of(CI_DATA, "resnet20", 32, 0.9, 1e-4, false, 256, 256),
                List.of(PlannedPolicy.epochs("one-cycle", ONE_CYCLE_ROLE, CI_ONE_CYCLE, 1),
                        PlannedPolicy.epochs("pc", PC_ROLE, piecewise(0.125, "{1.25 epochs}", "{1.75 epochs}"), 2)),
                1, null, SnapshotPlan.NONE,
                "One epoch of one-cycle (peak 0.2) against two of piecewise-constant at batch 32, with fewer"
                        + " training images than the other ci plans" + onCiData(256),
                "a few seconds");
        List<String> deviations = new java.util.ArrayList<>(superConvergenceDeviations());
        deviations.add("The 10,000 training images are the first 1,000 of each class; the paper took the first"
                + " 10,000 in dataset order.");
        return new PaperExperiment("superconvergence-limited", 2, "Super-convergence with 10,000 CIFAR-10 training"
                + " images: one cycle against piecewise-constant training with 8x the iterations",
                "Smith & Topin 2018, Super-Convergence: Very Fast Training of Neural Networks Using Large Learning"
                        + " Rates (arXiv:1708.07120), Table 1 (limited training data)",
                List.of(Claim.byBudget("with 10,000 training images, one cycle beats piecewise-constant training with"
                                + " 8x the iterations by a wide margin",
                        "ResNet-56 on 10k images: one cycle 10k it 80.6% > PC-LR 80k it 71.4%", "pc", "one-cycle",
                        0.005, 8)),
                plans(ci, cpu, full), deviations, "");
    }

    // ---- lenet: Smith & Topin 2018 / Smith 2018, MNIST LeNet ----

    private static final String LENET_ONE_CYCLE = "oneCyclePolicy(peak=0.1, start=0.01, end=0.0001, totalSteps=auto,"
            + " fractionUp=0.41667, fractionFinal=0.16667, shape=linear, momentumHigh=0.95, momentumLow=0.8)";
    private static final String CI_LENET_ONE_CYCLE = "oneCyclePolicy(peak=0.02, start=0.002, end=0.00002,"
            + " totalSteps=auto, fractionUp=0.41667, fractionFinal=0.16667, shape=linear, momentumHigh=0.95,"
            + " momentumLow=0.8)";
    private static final String LENET_ONE_CYCLE_ROLE = "one cycle 0.01-0.1-0.01 over 5/12 up and 5/12 down, then"
            + " down to 1e-4 over the last 2/12; momentum 0.95-0.8";
    private static final String INV_ROLE = "Caffe's inv schedule: 0.01 (1 + gamma it)^-0.75, momentum 0.9";

    private static PaperExperiment lenet() {
        Setup mnist = new Setup(List.of("mnist", "fashion-mnist"), "lenet5", 512, 0.9, 5e-4, false, 0, 0);
        List<PlannedPolicy> paper = List.of(
                PlannedPolicy.epochs("one-cycle", LENET_ONE_CYCLE_ROLE, LENET_ONE_CYCLE, 12),
                PlannedPolicy.epochs("inv", INV_ROLE, "inverseTimeDecay(initial=0.01, gamma=1e-4, power=0.75)", 85));
        String setting = "The paper's setting: Caffe's LeNet, batch 512 (117 steps an epoch), one cycle for 12 epochs"
                + " against inv for 85. MNIST when lrkit finds it, else Fashion-MNIST (the row says which).";
        ScaledPlan full = new ScaledPlan(Scale.FULL, mnist, paper, 4, null, SnapshotPlan.NONE,
                setting + " Four seeds.",
                "97 LeNet epochs of 60,000 images per seed: about 25 min per seed on 2 cores, under 2 h for the four");
        ScaledPlan cpu = new ScaledPlan(Scale.CPU, mnist, paper, 2, null, SnapshotPlan.NONE,
                setting + " LeNet is small enough for the paper's budgets to fit: only the seeds are fewer (two"
                        + " instead of four).",
                "97 LeNet epochs of 60,000 images per seed (about 16 s an epoch with its evaluation on 2 cores,"
                        + " timed on Fashion-MNIST): about 25 min per seed, 50 min for the two");
        ScaledPlan ci = new ScaledPlan(Scale.CI, Setup.of(CI_DATA, "lenet5", 64, 0.9, 5e-4, false, 512, 256),
                List.of(PlannedPolicy.epochs("one-cycle", LENET_ONE_CYCLE_ROLE, CI_LENET_ONE_CYCLE, 1),
                        PlannedPolicy.epochs("inv", INV_ROLE, "inverseTimeDecay(initial=0.01, gamma=1e-4,"
                                + " power=0.75)", 2)),
                1, null, SnapshotPlan.NONE, "One epoch of one-cycle against two of inv, the one-cycle peak lowered"
                        + " to 0.02 (LeNet diverges when eight steps take it to 0.1 at batch 64)" + onCiData(512),
                "a few seconds");
        return new PaperExperiment("lenet", 1, "The one-cycle policy on LeNet: 12 epochs against the inv schedule's 85",
                "Smith & Topin 2018, Super-Convergence (arXiv:1708.07120 v3), and Smith 2018, A Disciplined Approach"
                        + " to Neural Network Hyper-Parameters: Part 1 (arXiv:1803.09820), Table 2: MNIST, LeNet",
                List.of(Claim.byBudget("one cycle in 12 epochs beats the inv schedule in 85",
                        "MNIST LeNet, batch 512: one cycle 0.01-0.1, 12 epochs 99.25% +/- 0.03 > inv, 85 epochs"
                                + " 99.03% +/- 0.04", "inv", "one-cycle", 0.002, 85.0 / 12)),
                plans(ci, cpu, full),
                List.of("MNIST is used where lrkit finds it, else Fashion-MNIST (the row says which); the paper's"
                                + " numbers are MNIST's, so on Fashion-MNIST only the comparison of the two policies"
                                + " carries over, not the accuracies.",
                        "Plain SGD momentum; the paper's one-cycle scripts used Nesterov's.",
                        "Pixels are standardized (mean 0, standard deviation 1) and weights start from He's"
                                + " initialization; Caffe's LeNet scales pixels to [0, 1] and starts from Xavier's."
                                + " The one-cycle peak of 0.1 survives its 5-epoch ramp in lrkit's setting (checked"
                                + " on Fashion-MNIST), though a ramp of one epoch diverges near 0.04.",
                        "The one-cycle run ends at 1e-4; the paper's scripts decay below the start in the last"
                                + " epochs but their end value is not given."), "");
    }

    // ---- hessian-free: Smith & Topin 2018, the Hessian-free estimate of the optimal learning rate ----

    /** The paper's cycle: 0.1 to 3 with a stepsize of 5k iterations, of which the estimate sees the start. */
    private static final String PAPER_CYCLE = "cyclical(base=0.1, peak=3, stepsUp=5000)";
    /** The paper's window: an estimate as often as three successive weights allow, for the first 300 steps. */
    private static final EstimateSettings FIRST_300_STEPS = new EstimateSettings(300, 1, 50);

    private static EstimateExperiment hessianFree() {
        EstimatePlan full = new EstimatePlan(Scale.FULL, Setup.of("cifar10", "resnet56", 1000, 0.9, 1e-4, true, 0, 0),
                PAPER_CYCLE, FIRST_300_STEPS, 3,
                "The paper's setting: ResNet-56 on CIFAR-10, batch 1000 (50 iterations an epoch), SGD momentum 0.9 and"
                        + " weight decay 1e-4, the first 300 iterations of CLR 0.1-3 with stepsize 5k (the learning"
                        + " rate rises from 0.1 to 0.27), an estimate from every window of three iterations and a"
                        + " probe along the gradient every 50. Three seeds.",
                "300 ResNet-56 iterations of batch 1000 per seed: minutes on a GPU, about an hour per seed on 2 cores"
                        + " (estimated)");
        EstimatePlan cpu = new EstimatePlan(Scale.CPU, Setup.of("cifar10", "resnet20", 128, 0.9, 5e-4, true, 0, 0),
                PAPER_CYCLE, FIRST_300_STEPS, 1,
                "ResNet-20 instead of ResNet-56, batch 128 instead of 1000, on all of CIFAR-10 (390 steps an epoch),"
                        + " weight decay 5e-4 (lrkit estimate's default) instead of 1e-4: the measurement of 'lrkit"
                        + " estimate --dataset cifar10 --model resnet20 --spec \"" + PAPER_CYCLE + "\" --steps 300"
                        + " --every 1 --momentum 0.9' as a reproduction, over the same first 300 steps of the same"
                        + " cycle (0.1 to 0.27). The estimate is a step size for the gradient of a batch and the"
                        + " paper's range is for batch 1000; whether it grows with the batch as the usable learning"
                        + " rate does is not tested at this scale.",
                "300 ResNet-20 steps of 128 images with 100 estimates and 6 probes: about 8 min on 2 cores (timed on"
                        + " a shared machine)");
        EstimatePlan ci = new EstimatePlan(Scale.CI, Setup.of(CI_DATA, "fashion_cnn", 64, 0.9, 5e-4, false, 512, 256),
                "cyclical(base=0.01, peak=0.3, stepsUp=500)", new EstimateSettings(36, 1, 12), 1,
                "The small fashion_cnn for 36 steps of batch 64 in a cycle ten times lower (0.01-0.3, stepsize 500),"
                        + " 12 estimates and 3 probes along the gradient" + onCiData(512),
                "a few seconds");
        return new EstimateExperiment("hessian-free", 1, "The Hessian-free estimate of the optimal learning rate"
                + " during the first iterations of a 0.1-3 cycle",
                "Smith & Topin 2018, Super-Convergence: Very Fast Training of Neural Networks Using Large Learning"
                        + " Rates (arXiv:1708.07120), section 4 (the Hessian-free estimate of the optimal learning"
                        + " rate) and Figure 5a",
                new EstimateClaim("during CLR 0.1-3 training the Hessian-free estimate of the optimal learning rate"
                        + " lies between 2 and 6 (small curvature: the network could train at a larger rate)",
                        "ResNet-56 CIFAR-10, batch 1000, the first 300 iterations of CLR 0.1-3 (stepsize 5k):"
                                + " estimates between 2 and 6", 2, 6),
                plans(ci, cpu, full),
                List.of("lrkit estimates from windows of three successive steps that do not overlap (steps 0-2, 3-5,"
                                + " ...: 100 estimates in 300 steps), and the authors' moving average (decay 0.9 from"
                                + " 0.1) moves once per window; the authors' script keeps the weights of every"
                                + " iteration and may estimate, and average, at each of them.",
                        "Each step's change of the weights is divided by its own learning rate, sum|w2 - w1| /"
                                + " sum|(w2 - w1)/lr1 - (w3 - w2)/lr2|: the authors' lr * sum|w2 - w1| /"
                                + " sum|2 w2 - w1 - w3| at a constant rate, and consistent while the cycle raises it.",
                        "SGD momentum 0.9, as in the authors' script, although the identity behind the estimate"
                                + " (the weight change is the learning rate times the gradient) holds for plain SGD"
                                + " only; momentum blurs it, and under pure gradient noise lifts it to 2.24 times the"
                                + " learning rate at momentum 0.9. lrkit also computes the momentum-corrected estimate"
                                + " (estimate.csv's hf_corrected, sum|g1| / sum|H g1| with the gradients recovered"
                                + " from five snapshots), and the verdict's 'above the learning rate' uses it.",
                        FLIP_ONLY_DEVIATION,
                        MEAN_IMAGE_DEVIATION));
    }
}
