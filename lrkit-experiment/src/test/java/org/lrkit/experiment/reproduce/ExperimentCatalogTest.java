package org.lrkit.experiment.reproduce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.lrkit.experiment.run.ExperimentRequest;
import org.lrkit.experiment.run.PolicyRequest;
import org.lrkit.schedule.Schedule;
import org.lrkit.spec.AutoValues;
import org.lrkit.spec.Spec;


/** The experiments' plans: ids, specs at every scale, budgets, and the scaled schedules' shapes. */
class ExperimentCatalogTest {

    @Test
    void holdsTheIssuesExperimentsUnderUniqueIds() {
        List<String> ids = ExperimentCatalog.all().stream().map(PaperExperiment::id).toList();
        assertThat(ids).containsExactly("clr", "sgdr", "superconvergence", "superconvergence-limited", "lenet");
        assertThat(new HashSet<>(ids)).hasSameSizeAs(ids);
        for (PaperExperiment experiment : ExperimentCatalog.all()) {
            assertThat(ExperimentCatalog.find(experiment.id())).isSameAs(experiment);
            assertThat(experiment.version()).isPositive();
            assertThat(experiment.paper()).as(experiment.id()).containsPattern("20(17|18)");
            assertThat(experiment.plans()).containsOnlyKeys(Scale.values());
        }
        assertThatThrownBy(() -> ExperimentCatalog.find("clr2")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown experiment 'clr2'; known: clr, sgdr, superconvergence, superconvergence-limited,"
                        + " lenet (lrkit reproduce --list describes them)");
    }

    @Test
    void everyPlansSpecsParseAndResolveAtEveryScale() {
        for (PaperExperiment experiment : ExperimentCatalog.all()) {
            for (Scale scale : Scale.values()) {
                ScaledPlan plan = experiment.plan(scale);
                long stepsPerEpoch = plan.setup().stepsPerEpoch();
                String where = experiment.id() + " at " + scale.word();
                assertThat(stepsPerEpoch).as(where).isPositive();
                for (PlannedPolicy policy : plan.policies()) {
                    PolicyRequest request = policy.request(stepsPerEpoch);
                    Spec resolved = request.resolve(policy.steps(stepsPerEpoch), AutoValues.NONE);
                    Schedule learningRate = request.policy(resolved).learningRate();
                    long steps = policy.steps(stepsPerEpoch);
                    assertThat(learningRate.valueAt(0)).as(where + " " + policy.label()).isPositive();
                    assertThat(learningRate.valueAt(steps - 1)).as(where + " " + policy.label())
                            .isGreaterThanOrEqualTo(0.0);
                    assertThat(policy.role()).as(where).isNotBlank();
                }
                ExperimentRequest request = plan.request(stepsPerEpoch, LongStream.range(0, plan.seeds()).toArray(),
                        "lrkit reproduce " + experiment.id(), experiment.claims().get(0).baseline(), "test");
                assertThat(request.command()).isEqualTo("reproduce");
                assertThat(request.alwaysRangeTest()).isEqualTo(plan.rangeTest() != null);
                assertThat(request.snapshotPolicies()).isEqualTo(plan.snapshots().policies());
                assertThat(plan.description()).as(where).isNotBlank();
            }
        }
    }

    @Test
    void ciBudgetsAreSmokeTestsOnTheEmbeddedData() {
        for (PaperExperiment experiment : ExperimentCatalog.all()) {
            ScaledPlan ci = experiment.plan(Scale.CI);
            Setup setup = ci.setup();
            assertThat(setup.datasets()).as(experiment.id()).containsExactly("fashion-mnist-embedded");
            assertThat(setup.trainSize()).as(experiment.id()).isBetween(1, 512);
            assertThat(setup.testSize()).as(experiment.id()).isBetween(1, 256);
            assertThat(ci.seeds()).isEqualTo(1);
            long images = ci.policies().stream().mapToLong(p -> p.steps(setup.stepsPerEpoch())).sum()
                    * setup.batchSize();
            assertThat(images).as(experiment.id() + ": training images of the ci runs").isLessThanOrEqualTo(4096);
            assertThat(ci.description()).as(experiment.id()).contains("not evidence");
            if (ci.rangeTest() != null) {
                assertThat(ci.rangeTest().steps()).isLessThanOrEqualTo(10);
            }
        }
    }

    @Test
    void theClrPlanAtCpuScaleIsThePapersScheduleOnATenthOfTheSteps() {
        PaperExperiment clr = ExperimentCatalog.find("clr");
        Map<String, Schedule> full = schedules(clr.plan(Scale.FULL));
        Map<String, Schedule> cpu = schedules(clr.plan(Scale.CPU));
        for (String label : List.of("fixed", "triangular2")) {
            for (long step : new long[] {0, 1, 99, 100, 199, 200, 399, 1599, 1600, 1700, 2199, 2200, 2450, 2499, 5999,
                6000, 6499, 6500, 6999}) {
                assertThat(cpu.get(label).valueAt(step)).as(label + " at cpu step " + step)
                        .isCloseTo(full.get(label).valueAt(10 * step), within(1e-15));
            }
        }
        for (long step : new long[] {0, 100, 200, 1000, 4199}) {
            assertThat(cpu.get("exp_range").valueAt(step)).as("exp_range at cpu step " + step)
                    .isCloseTo(full.get("exp_range").valueAt(10 * step), within(1e-12));
        }
        assertThat(clr.plan(Scale.CPU).budgets()).isEqualTo("fixed 14 epochs (7000 it), triangular2 5 epochs (2500"
                + " it), exp_range 8.4 epochs (4200 it), fixed-2500 5 epochs (2500 it), fixed-4200 8.4 epochs (4200"
                + " it)");
        assertThat(clr.plan(Scale.FULL).budgets()).isEqualTo("fixed 140 epochs (70000 it), triangular2 50 epochs"
                + " (25000 it), exp_range 84 epochs (42000 it)");
        // The paper's Table 2: triangular2 between 0.001 and 0.005 until 16k, then lower bounds, peaks halving.
        Schedule triangular2 = full.get("triangular2");
        assertThat(triangular2.valueAt(2000)).isCloseTo(0.005, within(1e-15));
        assertThat(triangular2.valueAt(6000)).isCloseTo(0.003, within(1e-15));
        assertThat(triangular2.valueAt(17_000)).isCloseTo(5e-4, within(1e-15));
        assertThat(triangular2.valueAt(22_500)).isCloseTo(5e-5, within(1e-15));
    }

    @Test
    void sgdrCyclesEndWhereThePlansSay() {
        PaperExperiment sgdr = ExperimentCatalog.find("sgdr");
        assertThat(cycleEndEpochs(sgdr.plan(Scale.CPU), "sgdr-short")).containsExactly(1L, 3L, 7L, 15L);
        assertThat(cycleEndEpochs(sgdr.plan(Scale.CPU), "sgdr-long")).containsExactly(5L, 15L);
        assertThat(cycleEndEpochs(sgdr.plan(Scale.FULL), "sgdr-short"))
                .containsExactly(1L, 3L, 7L, 15L, 31L, 63L, 127L);
        assertThat(cycleEndEpochs(sgdr.plan(Scale.FULL), "sgdr-long")).containsExactly(10L, 30L, 70L, 150L);
        assertThat(sgdr.plan(Scale.CPU).snapshots().policies()).containsExactly("sgdr-short", "sgdr-long");
        assertThat(sgdr.plan(Scale.CPU).snapshots().lastM()).isEqualTo(3);
    }

    @Test
    void theLenetPlanPrefersMnistAndFallsBackToFashionMnist() {
        PaperExperiment lenet = ExperimentCatalog.find("lenet");
        ScaledPlan cpu = lenet.plan(Scale.CPU);
        assertThat(cpu.setup().datasets()).containsExactly("mnist", "fashion-mnist");
        assertThat(cpu.setup().stepsPerEpoch()).isEqualTo(117);
        // LeNet is small: the cpu plan is the paper's, with fewer seeds.
        assertThat(cpu.policies()).isEqualTo(lenet.plan(Scale.FULL).policies());
        assertThat(cpu.budgets()).isEqualTo("one-cycle 12 epochs (1404 it), inv 85 epochs (9945 it)");
        assertThat(cpu.seeds()).isLessThan(lenet.plan(Scale.FULL).seeds());
    }

    @Test
    void everyBudgetClaimStatesThePapersRatioAndTheFullPlanHasIt() {
        Map<String, Double> ratios = Map.of("clr/triangular2", 70.0 / 25, "clr/exp_range", 70.0 / 42,
                "superconvergence/one-cycle", 8.0, "superconvergence-limited/one-cycle", 8.0, "lenet/one-cycle",
                85.0 / 12);
        int budgetClaims = 0;
        for (PaperExperiment experiment : ExperimentCatalog.all()) {
            ScaledPlan full = experiment.plan(Scale.FULL);
            long stepsPerEpoch = full.setup().stepsPerEpoch();
            for (Claim claim : experiment.claims()) {
                if (claim.claimsSpeedup()) {
                    assertThat(claim.claimedBudgetRatio()).isNaN();
                    continue;
                }
                budgetClaims++;
                double claimed = ratios.get(experiment.id() + "/" + claim.fast());
                assertThat(claim.claimedBudgetRatio()).as(claim.statement()).isCloseTo(claimed, within(1e-12));
                // the full scale is the paper's setting: its budgets have the claimed ratio
                double planned = full.policy(claim.baseline()).orElseThrow().epochs(stepsPerEpoch)
                        / full.policy(claim.fast()).orElseThrow().epochs(stepsPerEpoch);
                assertThat(planned).as(experiment.id() + " full plan").isCloseTo(claimed, within(1e-9 * claimed));
            }
        }
        assertThat(budgetClaims).isEqualTo(5);
    }

    @Test
    void aClaimMustNameThePlansPolicies() {
        PaperExperiment clr = ExperimentCatalog.find("clr");
        Claim unknown = Claim.byBudget("x beats fixed", "x 1% > fixed 0%", "fixed", "x", 0.005, 2);
        assertThatThrownBy(() -> new PaperExperiment("clr", 1, "t", "p", List.of(unknown), clr.plans(), List.of(),
                clr.rangeTestFigure())).hasMessage("clr at scale ci: the claim's policy 'x' is not a policy");
        Claim backwards = Claim.byBudget("fixed beats triangular2", "-", "triangular2", "fixed", 0.005, 2);
        assertThatThrownBy(() -> new PaperExperiment("clr", 1, "t", "p", List.of(backwards), clr.plans(), List.of(),
                clr.rangeTestFigure())).hasMessage("clr at scale ci: fixed must train fewer steps than triangular2"
                        + " for a claim carried by the budgets, got 24 and 10");
    }

    @Test
    void theListingShowsEveryExperimentAndScale() {
        String text = ExperimentListing.text(ExperimentCatalog.all());
        for (PaperExperiment experiment : ExperimentCatalog.all()) {
            assertThat(text).contains(experiment.id() + "  v" + experiment.version() + "  " + experiment.title());
            assertThat(text).contains("  paper: " + experiment.paper());
        }
        assertThat(text).contains("  cpu:  cifar10_full on cifar10, batch 100: fixed 14 epochs (7000 it),"
                + " triangular2 5 epochs (2500 it), exp_range 8.4 epochs (4200 it), fixed-2500 5 epochs (2500 it),"
                + " fixed-4200 8.4 epochs (4200 it); 1 seed; ");
        assertThat(text).contains("  cpu:  lenet5 on mnist or fashion-mnist, batch 512: ");
        assertThat(text.lines().filter(line -> line.startsWith("  ci:"))).hasSize(5);
    }

    private static Map<String, Schedule> schedules(ScaledPlan plan) {
        long stepsPerEpoch = plan.setup().stepsPerEpoch();
        Map<String, Schedule> schedules = new java.util.LinkedHashMap<>();
        for (PlannedPolicy policy : plan.policies()) {
            PolicyRequest request = policy.request(stepsPerEpoch);
            Spec resolved = request.resolve(policy.steps(stepsPerEpoch), AutoValues.NONE);
            schedules.put(policy.label(), request.policy(resolved).learningRate());
        }
        return schedules;
    }

    private static List<Long> cycleEndEpochs(ScaledPlan plan, String label) {
        long stepsPerEpoch = plan.setup().stepsPerEpoch();
        PlannedPolicy policy = plan.policy(label).orElseThrow();
        Schedule schedule = schedules(plan).get(label);
        Set<Long> seen = new java.util.TreeSet<>();
        for (long end : schedule.cycles().orElseThrow().cycleEnds(policy.steps(stepsPerEpoch))) {
            assertThat((end + 1) % stepsPerEpoch).as(label + " cycle end " + end).isZero();
            seen.add((end + 1) / stepsPerEpoch);
        }
        return List.copyOf(seen);
    }

    @Test
    void everyCpuPlanWithAReadingAtEqualLengthHasTheBaselineCompressedToTheFastPolicysLength() {
        Map<String, Schedule> clr = schedules(ExperimentCatalog.find("clr").plan(Scale.CPU));
        // Caffe's stages at the same fractions: 0.001 for 12/14 of the run (2,144 of 2,500), then 1e-4, then 1e-5.
        assertThat(clr.get("fixed-2500").valueAt(2143)).isEqualTo(0.001);
        assertThat(clr.get("fixed-2500").valueAt(2144)).isCloseTo(1e-4, within(1e-15));
        assertThat(clr.get("fixed-4200").valueAt(4199)).isCloseTo(1e-5, within(1e-15));
        for (String id : List.of("superconvergence", "superconvergence-limited")) {
            ScaledPlan plan = ExperimentCatalog.find(id).plan(Scale.CPU);
            PlannedPolicy fast = plan.policies().get(0);
            PlannedPolicy control = plan.policies().get(2);
            long steps = control.steps(plan.setup().stepsPerEpoch());
            assertThat(control.label()).isEqualTo("pc-" + fast.steps(plan.setup().stepsPerEpoch())
                    / plan.setup().stepsPerEpoch());
            assertThat(steps).as(id).isEqualTo(fast.steps(plan.setup().stepsPerEpoch()));
            Schedule schedule = schedules(plan).get(control.label());
            assertThat(schedule.valueAt(0)).isEqualTo(0.125);
            assertThat(schedule.valueAt(steps - 1)).isCloseTo(0.00125, within(1e-15));
        }
    }
}
