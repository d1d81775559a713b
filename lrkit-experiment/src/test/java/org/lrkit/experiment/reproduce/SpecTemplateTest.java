package org.lrkit.experiment.reproduce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SpecTemplateTest {

    @Test
    void epochsBecomeStepsOfTheData() {
        SpecTemplate template = new SpecTemplate("multiStepDecay(initial=0.05, milestones=[{4.5 epochs}, {9 epochs},"
                + " {12 epochs}], factor=0.2)");
        assertThat(template.usesEpochs()).isTrue();
        assertThat(template.resolve(78)).isEqualTo("multiStepDecay(initial=0.05, milestones=[351, 702, 936],"
                + " factor=0.2)");
        assertThat(new SpecTemplate("sgdr(peak=0.05, firstPeriod={1 epoch})").resolve(390))
                .isEqualTo("sgdr(peak=0.05, firstPeriod=390)");
    }

    @Test
    void aSpecWithoutPlaceholdersStaysAsItIs() {
        SpecTemplate template = new SpecTemplate("constant(value=0.1)");
        assertThat(template.usesEpochs()).isFalse();
        assertThat(template.resolve(7)).isEqualTo("constant(value=0.1)");
    }

    @Test
    void refusesWhatIsNotANumberOfEpochs() {
        assertThatThrownBy(() -> new SpecTemplate("sgdr(peak=0.05, firstPeriod={1 epok})"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a placeholder must read {<number> epochs}, got {1 epok} in 'sgdr(peak=0.05,"
                        + " firstPeriod={1 epok})'");
        assertThatThrownBy(() -> new SpecTemplate("constant(value={0 epochs})"))
                .hasMessageStartingWith("a placeholder must be > 0 epochs, got {0 epochs}");
        assertThatThrownBy(() -> new SpecTemplate("constant(value={0.01 epochs})").resolve(10))
                .hasMessageStartingWith("{0.01 epochs} comes to 0 steps at 10 steps per epoch");
    }
}
