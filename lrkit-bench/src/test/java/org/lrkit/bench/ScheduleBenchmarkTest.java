package org.lrkit.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Param;

/**
 * Runs every benchmark once per parameter, without JMH, so that a benchmark that no longer builds its
 * state or throws fails the build. Times nothing.
 */
class ScheduleBenchmarkTest {

    private static List<String> paramValues() throws NoSuchFieldException {
        return Arrays.asList(
                ScheduleBenchmark.Schedules.class.getField("schedule").getAnnotation(Param.class).value());
    }

    @Test
    void everyScheduleIsAParameterAndEveryParameterASchedule() throws Exception {
        assertThat(paramValues()).containsExactlyElementsOf(new ScheduleBenchmark.Schedules().all().keySet());
    }

    @Test
    void bothValueAtBenchmarksRunForEveryParameter() throws Exception {
        ScheduleBenchmark benchmark = new ScheduleBenchmark();
        for (String name : paramValues()) {
            ScheduleBenchmark.Schedules state = new ScheduleBenchmark.Schedules();
            state.schedule = name;
            state.setup();
            for (int i = 0; i < 1_000; i++) {
                assertThat(benchmark.valueAt(state)).as("%s, call %d", name, i).isFinite().isNotNegative();
                assertThat(benchmark.valueAtSequential(state)).as("%s, sequential call %d", name, i)
                        .isFinite().isNotNegative();
            }
        }
    }

    @Test
    void sequentialStepsCountUpFromZeroAndWrapAtTheEndOfTheRun() {
        ScheduleBenchmark.Schedules state = new ScheduleBenchmark.Schedules();
        state.schedule = "torch.OneCycleLR";
        state.setup();
        for (long expected = 0; expected < ScheduleBenchmark.TORCH_RUN; expected++) {
            assertThat(state.nextSequentialStep()).isEqualTo(expected);
        }
        assertThat(state.nextSequentialStep()).isZero();
    }

    @Test
    void stepsStayInsideTheRun() {
        ScheduleBenchmark.Steps steps = new ScheduleBenchmark.Steps();
        ScheduleBenchmark benchmark = new ScheduleBenchmark();
        for (int i = 0; i < 10_000; i++) {
            assertThat(benchmark.stepOnly(steps)).isBetween(0L, ScheduleBenchmark.RUN - 1);
        }
    }

    @Test
    void strideIsOddAndCoprimeWithTheRun() {
        for (long horizon : new long[] {ScheduleBenchmark.RUN, ScheduleBenchmark.TORCH_RUN}) {
            long stride = ScheduleBenchmark.strideFor(horizon);
            assertThat(stride % 2).isEqualTo(1);
            assertThat(stride).isBetween(horizon / 2, horizon - 1);
            assertThat(java.math.BigInteger.valueOf(stride).gcd(java.math.BigInteger.valueOf(horizon)))
                    .isEqualTo(java.math.BigInteger.ONE);
        }
    }
}
