package org.lrkit.djl.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.lrkit.schedule.Policy;
import org.lrkit.schedule.Schedule;

/** The progress bar's text, its estimate of the time left, and its silence when disabled. */
class ConsoleProgressBarTest {

    @Test
    void rendersBarPercentageLossLearningRateAndEta() {
        assertThat(ConsoleProgressBar.render(370, 1000, 9, 0.61237, 0.08412, 252))
                .isEqualTo("[###########-------------------]  37% step 370/1000 epoch 9 loss 0.6124 lr 0.08412 ETA 0:04:12");
        assertThat(ConsoleProgressBar.render(0, 10, 0, 2.0, 0.1, -1)).endsWith("ETA --:--");
        assertThat(ConsoleProgressBar.duration(3 * 3600 + 61)).isEqualTo("3:01:01");
    }

    @Test
    void estimatesTimeLeftFromThisSessionsPace() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AtomicLong now = new AtomicLong();
        ConsoleProgressBar bar = new ConsoleProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8),
                true, now::get);
        bar.onStart(new RunStart(100, 200, 10, Policy.of(Schedule.constant(0.1))));
        now.set(10_000_000_000L); // 10 s for 10 steps: 1 s per step, 90 left
        bar.onStep(10, new StepResult(109, 0.5, 0.1, 0.9));
        bar.onEnd(null);
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text).startsWith("\r[").contains("step 110/200").contains("ETA 0:01:30").endsWith(System.lineSeparator());
    }

    @Test
    void staysQuietWhenDisabled() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleProgressBar bar = new ConsoleProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8),
                false, System::nanoTime);
        bar.onStart(new RunStart(0, 10, 10, Policy.of(Schedule.constant(0.1))));
        bar.onStep(0, new StepResult(0, 0.5, 0.1, 0.9));
        bar.onEpoch(new EpochResult(0, 10, 0.5, 0.4, 0.9, 0.1, 1));
        bar.onEnd(null);
        assertThat(bytes.size()).isZero();
    }
}
