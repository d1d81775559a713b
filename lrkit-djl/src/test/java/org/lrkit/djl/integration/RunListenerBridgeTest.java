package org.lrkit.djl.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.listener.TrainingListener;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.lrkit.djl.curvature.HessianFreeMonitor;
import org.lrkit.djl.curvature.HessianFreeRecord;
import org.lrkit.djl.ensemble.SnapshotSaver;
import org.lrkit.djl.optim.AppliedValues;
import org.lrkit.djl.optim.ScheduledSgd;
import org.lrkit.djl.testing.Fixtures;
import org.lrkit.djl.testing.SharedArrays;
import org.lrkit.djl.train.CycleEnd;
import org.lrkit.djl.train.EpochResult;
import org.lrkit.djl.train.RunStart;
import org.lrkit.djl.train.StepResult;
import org.lrkit.djl.train.TrainingRunListener;
import org.lrkit.djl.train.TrainingSummary;
import org.lrkit.schedule.OneCycle;
import org.lrkit.schedule.Policy;

/** lrkit's optimizers and listeners inside DJL's {@code EasyTrain.fit}: 2 epochs of 3 batches, 6 steps. */
class RunListenerBridgeTest {

    private static final OneCycle ONE_CYCLE = OneCycle.builder().start(0.01).peak(0.3).end(1e-4).totalSteps(6)
            .build();
    private static final Policy POLICY = Policy.of(ONE_CYCLE).withMomentum(ONE_CYCLE.mirrored(0.95, 0.85));

    @RegisterExtension
    static final SharedArrays ARRAYS = new SharedArrays();
    private static final ArrayDataset train = Fixtures.blobs(ARRAYS.manager(), 96, 1, 32);
    private static final ArrayDataset validation = Fixtures.blobs(ARRAYS.manager(), 48, 2, 16);

    @TempDir
    Path directory;

    @Test
    void easyTrainFollowsAOneCyclePolicyAndFeedsLrkitListenersAfterEachStep() throws Exception {
        ScheduledSgd sgd = ScheduledSgd.builder(POLICY).build();
        List<AppliedValues> applied = new ArrayList<>();
        sgd.addObserver(applied::add);
        try (Model model = Fixtures.model("bridge", Fixtures.mlp())) {
            Recorder recorder = new Recorder(sgd::step);
            SnapshotSaver snapshots = new SnapshotSaver(model.getBlock(), directory);
            HessianFreeMonitor monitor = HessianFreeMonitor.every(1, model.getBlock(), sgd);
            RunListenerBridge bridge = RunListenerBridge.builder(sgd).listeners(recorder, snapshots, monitor)
                    .plannedSteps(6).stepsPerEpoch(3).build();

            fit(model, sgd, bridge);

            assertThat(recorder.events).containsExactly("start 0/6 per epoch 3", "step 0 epoch 0", "step 1 epoch 0",
                    "step 2 epoch 0", "epoch 0 at 3", "step 3 epoch 1", "step 4 epoch 1", "step 5 epoch 1",
                    "cycle 0 ends at 5", "epoch 1 at 6", "end after 6 steps, 2 epochs");
            assertThat(recorder.start.policy()).isEqualTo(POLICY);
            for (int k = 0; k < 6; k++) {
                StepResult step = recorder.steps.get(k);
                assertThat(step.step()).isEqualTo(k);
                assertThat(step.learningRate()).isEqualTo(ONE_CYCLE.valueAt(k)).isEqualTo(applied.get(k)
                        .learningRate());
                assertThat(step.momentum()).isEqualTo(POLICY.momentum().orElseThrow().valueAt(k))
                        .isEqualTo(applied.get(k).momentum());
                assertThat(step.loss()).isPositive().isFinite();
            }
            assertThat(recorder.appliedAtStep).as("each step is reported once the optimizer applied it")
                    .containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
            EpochResult first = recorder.epochs.get(0);
            double meanLoss = recorder.steps.subList(0, 3).stream().mapToDouble(StepResult::loss).average()
                    .orElseThrow();
            assertThat(first.trainLoss()).isCloseTo(meanLoss, within(1e-12));
            assertThat(first.learningRate()).isEqualTo(ONE_CYCLE.valueAt(2));
            for (EpochResult epoch : recorder.epochs) {
                assertThat(epoch.validationLoss()).isPositive().isFinite();
                assertThat(epoch.validationAccuracy()).isBetween(0.0, 1.0);
            }
            TrainingSummary summary = recorder.summary;
            assertThat(summary.lastEpoch()).contains(recorder.epochs.get(1));
            assertThat(summary.finalEvaluation().orElseThrow().loss()).isEqualTo(recorder.epochs.get(1)
                    .validationLoss());
            assertThat(summary.finalEvaluation().orElseThrow().examples()).isEqualTo(48);

            assertThat(snapshots.saved()).hasSize(1);
            assertThat(monitor.records()).isNotEmpty().extracting(HessianFreeRecord::step)
                    .allMatch(step -> step < 6);
            assertThat(sgd.step()).isEqualTo(6);
        }
    }

    @Test
    void djlsOwnSgdWithAScheduleTrackerReportsThePolicysRates() throws Exception {
        Optimizer sgd = Optimizer.sgd().setLearningRateTracker(ScheduleTracker.of(ONE_CYCLE)).optMomentum(0.9f)
                .build();
        Recorder recorder = new Recorder(() -> -1);
        RunListenerBridge bridge = LrkitListeners.forward(Policy.of(ONE_CYCLE), 0.9, recorder);
        try (Model model = Fixtures.model("tracker", Fixtures.mlp())) {
            fit(model, sgd, bridge);
        }
        assertThat(recorder.steps).extracting(StepResult::step).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
        for (StepResult step : recorder.steps) {
            assertThat(step.learningRate()).isEqualTo(ONE_CYCLE.valueAt(step.step()));
            assertThat(step.momentum()).isEqualTo(0.9);
        }
        assertThat(bridge.nextStep()).isEqualTo(6);
    }

    @Test
    void bindOnStartLetsEasyTrainUseAnUnboundScheduledOptimizer() throws Exception {
        ScheduledSgd unbound = ScheduledSgd.builder(POLICY).build();
        try (Model model = Fixtures.model("unbound", Fixtures.mlp())) {
            assertThatThrownBy(() -> fit(model, unbound)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("is not bound to a model: call bind(model.getBlock())");
        }
        ScheduledSgd sgd = ScheduledSgd.builder(POLICY).build();
        try (Model model = Fixtures.model("bound", Fixtures.mlp())) {
            fit(model, sgd, LrkitListeners.bindOnStart(sgd));
        }
        assertThat(sgd.step()).isEqualTo(6);
        assertThat(sgd.lastApplied().orElseThrow().learningRate()).isEqualTo(ONE_CYCLE.valueAt(5));
    }

    @Test
    void failuresAreForwardedAndSettingsCheckedAtOnce() {
        Recorder recorder = new Recorder(() -> -1);
        RunListenerBridge bridge = LrkitListeners.forward(Policy.of(ONE_CYCLE), 0.0, recorder);
        bridge.failed(new IllegalStateException("boom"));
        assertThat(recorder.events).containsExactly("failure boom");
        assertThat(bridge.listeners()).containsExactly(recorder);

        ScheduledSgd sgd = ScheduledSgd.builder(POLICY).build();
        assertThatThrownBy(() -> RunListenerBridge.builder(sgd).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a RunListenerBridge needs at least one listener; add one with listener(monitor)");
        assertThatThrownBy(() -> RunListenerBridge.builder(sgd).momentum(0.9))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("reports the momentum it applied");
        assertThatThrownBy(() -> RunListenerBridge.builder(sgd).startStep(3))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("starts at the optimizer's step()");
        assertThatThrownBy(() -> RunListenerBridge.builder(POLICY).momentum(1.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("momentum must be in [0, 1), got 1.0");
        assertThatThrownBy(() -> RunListenerBridge.builder(POLICY).plannedSteps(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("plannedSteps must be > 0");
        assertThatThrownBy(() -> RunListenerBridge.builder(POLICY).listeners(recorder, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("listeners[1]");
    }

    @Test
    void aTrackerRunCanStartLater() throws Exception {
        Optimizer sgd = Optimizer.sgd().setLearningRateTracker(ScheduleTracker.of(ONE_CYCLE)).optBeginNumUpdate(2)
                .build();
        Recorder recorder = new Recorder(() -> -1);
        RunListenerBridge bridge = RunListenerBridge.builder(Policy.of(ONE_CYCLE)).startStep(2).listener(recorder)
                .build();
        try (Model model = Fixtures.model("later", Fixtures.mlp())) {
            fit(model, sgd, bridge);
        }
        assertThat(recorder.events.get(0)).isEqualTo("start 2/-1 per epoch -1");
        assertThat(recorder.steps).extracting(StepResult::step).containsExactly(2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(recorder.steps.get(0).learningRate()).isEqualTo(ONE_CYCLE.valueAt(2));
    }

    private static void fit(Model model, Optimizer optimizer, TrainingListener... listeners) throws Exception {
        DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                .optOptimizer(optimizer).optDevices(new Device[] {Device.cpu()}).addTrainingListeners(listeners);
        try (Trainer trainer = model.newTrainer(config)) {
            model.getNDManager().getEngine().setRandomSeed(42);
            trainer.initialize(Fixtures.mlpInput());
            EasyTrain.fit(trainer, 2, train, validation);
        }
    }

    /** Records every event as a line, and the optimizer's step count when a step is reported. */
    private static final class Recorder implements TrainingRunListener {

        private final java.util.function.LongSupplier optimizerStep;
        private final List<String> events = new ArrayList<>();
        private final List<StepResult> steps = new ArrayList<>();
        private final List<Long> appliedAtStep = new ArrayList<>();
        private final List<EpochResult> epochs = new ArrayList<>();
        private RunStart start;
        private TrainingSummary summary;

        Recorder(java.util.function.LongSupplier optimizerStep) {
            this.optimizerStep = optimizerStep;
        }

        @Override
        public void onStart(RunStart runStart) {
            start = runStart;
            events.add("start " + runStart.startStep() + "/" + runStart.plannedSteps() + " per epoch "
                    + runStart.stepsPerEpoch());
        }

        @Override
        public void onStep(long epoch, StepResult step) {
            steps.add(step);
            appliedAtStep.add(optimizerStep.getAsLong());
            events.add("step " + step.step() + " epoch " + epoch);
        }

        @Override
        public void onCycleEnd(CycleEnd cycleEnd) {
            events.add("cycle " + cycleEnd.cycle() + " ends at " + cycleEnd.step());
        }

        @Override
        public void onEpoch(EpochResult epoch) {
            epochs.add(epoch);
            events.add("epoch " + epoch.epoch() + " at " + epoch.step());
        }

        @Override
        public void onEnd(TrainingSummary end) {
            summary = end;
            events.add("end after " + end.steps() + " steps, " + end.epochsCompleted() + " epochs");
        }

        @Override
        public void onFailure(Throwable error) {
            events.add("failure " + error.getMessage());
        }
    }
}
