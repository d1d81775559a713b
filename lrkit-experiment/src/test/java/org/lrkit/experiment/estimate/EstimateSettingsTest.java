package org.lrkit.experiment.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** How long an estimate run trains, and where its estimates fall. */
class EstimateSettingsTest {

    @Test
    void anEstimateSpansThreeStepsSoTheSpacingIsTheFirstMultipleOfEveryFromThree() {
        assertThat(new EstimateSettings(300, 1, 50).estimateSpacing()).isEqualTo(3);
        assertThat(new EstimateSettings(300, 2, 50).estimateSpacing()).isEqualTo(4);
        assertThat(new EstimateSettings(300, 3, 50).estimateSpacing()).isEqualTo(3);
        assertThat(new EstimateSettings(300, 10, 50).estimateSpacing()).isEqualTo(10);
    }

    @Test
    void countsTheWindowsThatEndWithinTheRun() {
        // every 1: windows end at steps 2, 5, ..., 299
        assertThat(new EstimateSettings(300, 1, 50).estimateCount()).isEqualTo(100);
        // every 5: windows start after steps 4, 9, 14, 19, 24 and end two steps later (lrkit estimate's test)
        assertThat(new EstimateSettings(30, 5, 10).estimateCount()).isEqualTo(5);
        assertThat(new EstimateSettings(36, 1, 12).estimateCount()).isEqualTo(12);
        assertThat(new EstimateSettings(6, 5, 0).estimateCount()).isZero();
        assertThat(new EstimateSettings(7, 5, 0).estimateCount()).isEqualTo(1);
    }

    @Test
    void namesTheOptionTheRuleAndTheValue() {
        assertThatThrownBy(() -> new EstimateSettings(2, 1, 0))
                .hasMessage("--steps must be in [3, 10000000], got 2");
        assertThatThrownBy(() -> new EstimateSettings(10, 0, 0)).hasMessage("--every must be > 0, got 0");
        assertThatThrownBy(() -> new EstimateSettings(10, 1, -1))
                .hasMessage("--curvature-every must be >= 0 (0 turns the probe off), got -1");
    }
}
