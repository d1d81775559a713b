package org.lrkit.djl.rangetest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.optimizer.Optimizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lrkit.djl.integration.ScheduleTracker;
import org.lrkit.djl.optim.ScheduledSgd;
import org.lrkit.djl.tensor.ModelWeights;
import org.lrkit.djl.testing.Fixtures;
import org.lrkit.djl.testing.SharedArrays;
import org.lrkit.rangetest.OptimizerFamily;
import org.lrkit.rangetest.Sweep;
import org.lrkit.schedule.Policy;
import org.lrkit.schedule.Schedule;

/** The one-call range test: a fresh, uninitialized model, its input shapes, no optimizer. */
class RangeTestForModelTest {

    private static final Sweep SWEEP = Sweep.exponential(1e-5, 100, 60);

    @RegisterExtension
    static final SharedArrays ARRAYS = new SharedArrays();
    private static final ArrayDataset blobs = Fixtures.blobs(ARRAYS.manager(), 480, 1, 32);

    @Test
    void aFreshModelIsInitializedSweptAndLeftAtItsInitialWeights() throws Exception {
        ModelWeights initial;
        RangeTestResult explicit;
        try (Model twin = Fixtures.initialized("twin", Fixtures.mlp(), Fixtures.mlpInput())) {
            initial = ModelWeights.capture(twin.getBlock());
            ScheduledSgd sgd = ScheduledSgd.builder(Policy.of(Schedule.constant(0.1))).momentum(0.9).build();
            explicit = RangeTest.builder(twin, sgd).data(BatchSource.shuffled(blobs, 32)).sweep(SWEEP).build().run();
        }
        try (Model model = Fixtures.model("fresh", Fixtures.mlp())) {
            assertThat(model.getBlock().isInitialized()).isFalse();
            model.getNDManager().getEngine().setRandomSeed(42); // as Fixtures.initialized does

            RangeTest test = RangeTest.forModel(model, Fixtures.mlpInput()).data(BatchSource.shuffled(blobs, 32))
                    .sweep(SWEEP).build();
            RangeTestResult result = test.run();

            assertThat(model.getBlock().isInitialized()).isTrue();
            assertThat(ModelWeights.capture(model.getBlock())).as("the weights the initialization gave")
                    .isEqualTo(initial);
            assertThat(result.restoredExactly()).isTrue();
            assertThat(test.optimizer().family()).isEqualTo(OptimizerFamily.SGD);
            assertThat(test.optimizer().describe()).contains("momentum=0.9", "weightDecay=0.0");
            assertThat(result.curve()).as("the default optimizer is SGD with momentum 0.9")
                    .isEqualTo(explicit.curve());
            assertThat(result.advice().consensus()).isBetween(1e-3, 10.0);
            assertThat(result.advice()).isEqualTo(explicit.advice());
        }
    }

    @Test
    void inputShapesOnTheClassicBuilderAndAdamWAndAWeightDecayGridWithoutAFactory() throws Exception {
        try (Model model = Fixtures.model("adamw", Fixtures.mlp())) {
            ScheduledSgd placeholder = ScheduledSgd.builder(Policy.of(Schedule.constant(0.1))).build();
            RangeTest test = RangeTest.builder(model, placeholder).inputShapes(Fixtures.mlpInput()).adamW(0.9, 0.01)
                    .data(BatchSource.shuffled(blobs, 32)).sweep(Sweep.exponential(1e-5, 1, 30))
                    .weightDecayGrid(0.0, 0.1).build();
            RangeTestResult result = test.run();
            assertThat(test.optimizer().family()).isEqualTo(OptimizerFamily.ADAPTIVE);
            assertThat(result.runs()).hasSize(2).extracting(RangeTestRun::weightDecay).containsExactly(0.0, 0.1);
            assertThat(result.restoredExactly()).isTrue();
            assertThat(placeholder.step()).as("the replaced optimizer is untouched").isZero();
        }
    }

    @Test
    void whatCannotRunIsRefusedWithTheFix() {
        try (Model model = Fixtures.model("refused", Fixtures.mlp())) {
            RangeTest noShapes = RangeTest.forModel(model).data(BatchSource.shuffled(blobs, 32)).build();
            assertThatThrownBy(noShapes::run).isInstanceOf(IllegalStateException.class)
                    .hasMessage("the model's block is not initialized; give its input shapes, batch axis included: "
                            + "RangeTest.forModel(model, new Shape(1, features)) or inputShapes(...) on the "
                            + "builder");

            Optimizer djlSgd = Optimizer.sgd().setLearningRateTracker(ScheduleTracker.of(Schedule.constant(0.1)))
                    .build();
            assertThatThrownBy(() -> RangeTest.builder(model, djlSgd)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("optimizer is DJL's Sgd, whose settings and state are private, so a range test cannot "
                            + "restart or restore it; use RangeTest.forModel(model, inputShapes).sgd(momentum, "
                            + "weightDecay) (or .adamW(beta1, weightDecay)), or pass a ScheduledSgd or "
                            + "ScheduledAdamW");
            Optimizer lrkitSgd = ScheduledSgd.builder(Policy.of(Schedule.constant(0.1))).build();
            assertThat(RangeTest.builder(model, lrkitSgd).inputShapes(Fixtures.mlpInput())
                    .data(BatchSource.shuffled(blobs, 32)).build().optimizer()).isSameAs(lrkitSgd);

            ScheduledSgd own = ScheduledSgd.builder(Policy.of(Schedule.constant(0.1))).build();
            assertThatThrownBy(() -> RangeTest.builder(model, own).data(BatchSource.shuffled(blobs, 32))
                    .weightDecayGrid(0.0, 0.1).build()).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("weightDecayGrid(values) rebuilds an optimizer the test chose");
            RangeTest.Builder builder = RangeTest.forModel(model, Fixtures.mlpInput());
            assertThatThrownBy(() -> builder.sgd(1.0, 0)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("momentum must be in [0, 1), got 1.0");
            assertThatThrownBy(() -> builder.adamW(0.9, -1)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("weightDecay must be >= 0, got -1.0");
            assertThatThrownBy(() -> builder.inputShapes()).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("inputShapes must name at least one shape");
            assertThat(model.getBlock().isInitialized()).as("nothing ran").isFalse();
        }
    }
}
