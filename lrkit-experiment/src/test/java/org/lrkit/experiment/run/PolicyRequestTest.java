package org.lrkit.experiment.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lrkit.rangetest.OptimizerFamily;
import org.lrkit.rangetest.PeakRule;
import org.lrkit.rangetest.RangeTestAdvice;
import org.lrkit.rangetest.Suggestion;
import org.lrkit.spec.AutoValues;

class PolicyRequestTest {

    @TempDir
    Path dir;

    private static final RangeTestAdvice ADVICE = new RangeTestAdvice(List.of(), 0.00456, 0.001, 0.05, 0.002, 0.03,
            new PeakRule(OptimizerFamily.ADAPTIVE, new Suggestion("minimum", 0.0123456, 80), 1.0, 0.1), List.of());

    @Test
    void autoIsAOneCyclePolicyFromTheRangeTest() {
        PolicyRequest auto = PolicyRequest.parse("auto");
        assertThat(auto.label()).isEqualTo("one-cycle");
        assertThat(auto.spec().toString()).isEqualTo(PolicyRequest.AUTO_SPEC);
        assertThat(auto.needsRangeTest()).isTrue();
        assertThat(auto.resolve(460, ADVICE.autoValues(460))).hasToString("oneCyclePolicy(peak=0.0123, totalSteps=460)");
    }

    @Test
    void stepAutosNeedNoRangeTest() {
        PolicyRequest request = PolicyRequest.parse("fast=torch.OneCycleLR(max_lr=0.1, total_steps=auto)");
        assertThat(request.label()).isEqualTo("fast");
        assertThat(request.needsRangeTest()).isFalse();
        assertThat(request.resolve(100, AutoValues.NONE)).hasToString("torch.OneCycleLR(max_lr=0.1, total_steps=100)");
        PolicyRequest nested = PolicyRequest.parse(
                "warmup(steps=10, then=cosine(from=auto, to=0, steps=auto))");
        assertThat(nested.label()).isEqualTo("warmup");
        assertThat(nested.needsRangeTest()).isTrue();
        assertThat(nested.resolve(90, (name, key) -> OptionalDouble.of(0.05)))
                .hasToString("warmup(steps=10, then=cosine(from=0.05, to=0, steps=90))");
    }

    @Test
    void readsSpecFilesWithComments() throws Exception {
        Path file = dir.resolve("policy.txt");
        Files.writeString(file, "# SGDR for the paper's setting\nsgdr(peak=0.05,\n     firstPeriod=20)\n");
        PolicyRequest request = PolicyRequest.parse("warm=@" + file);
        assertThat(request.label()).isEqualTo("warm");
        assertThat(request.given()).isEqualTo("warm=@" + file);
        assertThat(request.resolve(50, AutoValues.NONE)).hasToString("sgdr(peak=0.05, firstPeriod=20)");
        assertThat(PolicyRequest.parse("@" + file).label()).isEqualTo("sgdr");
    }

    @Test
    void aHugeSpecIsNotEchoedWhole() {
        String huge = "sgdr(peak=0.05, firstPeriod=[" + "20, ".repeat(300_000) + "20 x])";

        assertThatThrownBy(() -> PolicyRequest.parse(huge)).hasMessageStartingWith("--policy '...")
                .hasMessageContaining("at position " + (huge.length() - 3)).hasMessageNotContaining("\n")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(400));
    }

    @Test
    void labelsAreMadeUnique() {
        List<PolicyRequest> unique = PolicyRequest.uniqueLabels(List.of(PolicyRequest.parse("constant(value=0.1)"),
                PolicyRequest.parse("constant(value=0.2)"), PolicyRequest.parse("Constant=constant(value=0.3)")));
        assertThat(unique).extracting(PolicyRequest::label).containsExactly("constant", "constant-2", "Constant-3");
    }

    @Test
    void errorsAreOneLine() {
        assertThatThrownBy(() -> PolicyRequest.parse("oneCyclePolicy(peak=0.1, totalSteps=)"))
                .hasMessage("--policy 'oneCyclePolicy(peak=0.1, totalSteps=)': missing value for argument "
                        + "'totalSteps' at position 36");
        assertThatThrownBy(() -> PolicyRequest.parse("@" + dir.resolve("missing.txt")))
                .hasMessage("--policy @" + dir.resolve("missing.txt") + ": no such file");
        assertThatThrownBy(() -> PolicyRequest.parse("  "))
                .hasMessageStartingWith("--policy '  ' is empty");
        assertThatThrownBy(() -> PolicyRequest.parse("constant(value=auto)").resolve(10, AutoValues.NONE))
                .hasMessageStartingWith("--policy constant: constant(value=auto) has no value")
                .hasMessageNotContaining("\n");
        PolicyRequest invalid = PolicyRequest.parse("oneCyclePolicy(peak=-1, totalSteps=auto)");
        assertThatThrownBy(() -> invalid.policy(invalid.resolve(10, AutoValues.NONE)))
                .hasMessageStartingWith("--policy oneCyclePolicy: oneCyclePolicy: ").hasMessageNotContaining("\n");
    }

    @Test
    void aHugeNameIsNotEchoedWhole() {
        String name = "x".repeat(1_000_000);
        assertThatThrownBy(() -> PolicyRequest.parse(name + "(a=1)"))
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(600).contains("characters"));
        PolicyRequest labelled = PolicyRequest.parse("huge=" + name + "(a=1)");
        assertThatThrownBy(() -> labelled.policy(labelled.resolve(10, AutoValues.NONE)))
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(600).contains("characters"));
    }
}
