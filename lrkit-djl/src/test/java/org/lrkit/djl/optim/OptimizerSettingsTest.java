package org.lrkit.djl.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.nn.Parameter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lrkit.schedule.Policy;
import org.lrkit.schedule.Schedule;

/** Builders and parameter groups check every argument at once, with messages that name it. */
class OptimizerSettingsTest {

    private static final Policy POLICY = Policy.of(Schedule.constant(0.1));

    @Test
    void sgdBuilderRejectsBadArguments() {
        assertThatThrownBy(() -> ScheduledSgd.builder(POLICY).momentum(1.0)).hasMessage("momentum must be in [0, 1), got 1.0");
        assertThatThrownBy(() -> ScheduledSgd.builder(POLICY).momentum(Double.NaN))
                .hasMessage("momentum must be a finite number, got NaN");
        assertThatThrownBy(() -> ScheduledSgd.builder(POLICY).weightDecay(-1)).hasMessage("weightDecay must be >= 0, got -1.0");
        assertThatThrownBy(() -> ScheduledSgd.builder(null)).hasMessage("policy must not be null");
        assertThatThrownBy(() -> ScheduledSgd.builder(POLICY).nesterov(true).build())
                .hasMessageContaining("nesterov needs momentum");
        assertThat(ScheduledSgd.builder(POLICY.withMomentum(Schedule.constant(0.9))).nesterov(true).build().nesterov())
                .isTrue();
    }

    @Test
    void adamBuilderRejectsBadArguments() {
        assertThatThrownBy(() -> ScheduledAdamW.adamW(POLICY).beta2(1.0)).hasMessage("beta2 must be in [0, 1), got 1.0");
        assertThatThrownBy(() -> ScheduledAdamW.adamW(POLICY).beta1(-0.1)).hasMessage("beta1 must be in [0, 1), got -0.1");
        assertThatThrownBy(() -> ScheduledAdamW.adamW(POLICY).epsilon(0)).hasMessage("epsilon must be > 0, got 0.0");
        ScheduledAdamW adamW = ScheduledAdamW.adamW(POLICY).build();
        assertThat(adamW.weightDecay()).isEqualTo(0.01);
        assertThat(adamW.weightDecayMode()).isEqualTo(WeightDecayMode.DECOUPLED);
        ScheduledAdamW adam = ScheduledAdamW.adam(POLICY).build();
        assertThat(adam.weightDecay()).isZero();
        assertThat(adam.weightDecayMode()).isEqualTo(WeightDecayMode.L2);
        assertThat(adam.describe()).contains("beta1=0.9").contains("beta2=0.999");
    }

    @Test
    void longestMatchingPrefixWins() {
        ParameterGroups groups = ParameterGroups.uniform().withLearningRateMultiplier("01", 0.1)
                .withLearningRateMultiplier("01Conv2d_bias", 0.5);
        assertThat(groups.settingsFor("01Conv2d_weight", Parameter.Type.WEIGHT).learningRateMultiplier()).isEqualTo(0.1);
        assertThat(groups.settingsFor("01Conv2d_bias", Parameter.Type.BIAS).learningRateMultiplier()).isEqualTo(0.5);
        assertThat(groups.settingsFor("02Linear_weight", Parameter.Type.WEIGHT).learningRateMultiplier()).isEqualTo(1.0);
    }

    @Test
    void biasAndNormalisationParametersCanBeExemptFromWeightDecay() {
        ParameterGroups exempt = ParameterGroups.uniform().exemptingBiasAndNormFromWeightDecay();
        assertThat(exempt.settingsFor("w", Parameter.Type.WEIGHT).weightDecay()).isTrue();
        assertThat(exempt.settingsFor("b", Parameter.Type.BIAS).weightDecay()).isFalse();
        assertThat(exempt.settingsFor("g", Parameter.Type.GAMMA).weightDecay()).isFalse();
        assertThat(exempt.settingsFor("b", Parameter.Type.BETA).weightDecay()).isFalse();
        assertThat(ParameterGroups.uniform().settingsFor("b", Parameter.Type.BIAS).weightDecay()).isTrue();
    }

    @Test
    void geometricMultipliersSpreadFromFirstToLast() {
        ParameterGroups groups = ParameterGroups.uniform().withGeometricMultipliers(List.of("01", "02", "03"), 0.01, 1.0);
        assertThat(groups.learningRateMultipliers().get("01")).isEqualTo(0.01);
        assertThat(groups.learningRateMultipliers().get("02")).isCloseTo(0.1, org.assertj.core.api.Assertions.within(1e-15));
        assertThat(groups.learningRateMultipliers().get("03")).isEqualTo(1.0);
    }

    @Test
    void groupsRejectBadArgumentsAndUnmatchedPrefixes() {
        assertThatThrownBy(() -> ParameterGroups.uniform().withLearningRateMultiplier("", 1))
                .hasMessageContaining("prefix must not be empty");
        assertThatThrownBy(() -> ParameterGroups.uniform().withLearningRateMultiplier("01", -1))
                .hasMessage("multiplier must be >= 0, got -1.0");
        assertThatThrownBy(() -> ParameterGroups.uniform().withLearningRateMultiplier("01", 1)
                .withLearningRateMultiplier("01", 2)).hasMessageContaining("already has multiplier 1.0");
        assertThatThrownBy(() -> ParameterGroups.uniform().withGeometricMultipliers(List.of("01"), 0.1, 1))
                .hasMessageContaining("at least 2 groups");
        ParameterGroups typo = ParameterGroups.uniform().withLearningRateMultiplier("01Conv", 0.1);
        org.assertj.core.api.Assertions.assertThatCode(
                () -> typo.checkPrefixesMatch(List.of("01Conv2d_weight", "02Linear_weight")))
                .doesNotThrowAnyException();
        ParameterGroups wrong = ParameterGroups.uniform().withLearningRateMultiplier("03", 0.1);
        assertThatThrownBy(() -> wrong.checkPrefixesMatch(List.of("01Conv2d_weight", "02Linear_weight")))
                .hasMessageContaining("[03] match no parameter").hasMessageContaining("01Conv2d_weight");
    }
}
