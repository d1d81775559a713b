package org.lrkit.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Interpolation through knots at real-valued steps. */
class PiecewiseTest {

    private static final double TOLERANCE = 1e-15;

    @Test
    void fractionalKnots() {
        Piecewise lr = new Piecewise(Interpolation.LINEAR, new double[] {0, 2.5, 5}, new double[] {0, 1, 0},
                PastEnd.HOLD);
        assertThat(lr.valueAt(0)).isEqualTo(0.0);
        assertThat(lr.valueAt(1)).isCloseTo(0.4, within(TOLERANCE));
        assertThat(lr.valueAt(2)).isCloseTo(0.8, within(TOLERANCE));
        assertThat(lr.valueAt(3)).isCloseTo(0.8, within(TOLERANCE));
        assertThat(lr.valueAt(4)).isCloseTo(0.4, within(TOLERANCE));
        assertThat(lr.valueAt(5)).isEqualTo(0.0);
        assertThat(lr.valueAt(6)).isEqualTo(0.0);
    }

    @Test
    void aKnotBelongsToTheSegmentEndingThere() {
        Piecewise lr = new Piecewise(Interpolation.LINEAR, new double[] {0, 2, 4}, new double[] {0, 1, 5},
                PastEnd.HOLD);
        assertThat(lr.valueAt(2)).isEqualTo(1.0);
        assertThat(lr.positionAt(2)).isEqualTo(new CyclePosition(0, "segment0", 1.0));
        assertThat(lr.positionAt(3)).isEqualTo(new CyclePosition(0, "segment1", 0.5));
        assertThat(lr.positionAt(0)).isEqualTo(new CyclePosition(0, "segment0", 0.0));
        assertThat(lr.positionAt(5)).isEqualTo(new CyclePosition(1, "hold", 0.0));
        assertThat(lr.valueAt(3)).isEqualTo(3.0);
        assertThat(lr.valueAt(4)).isEqualTo(5.0);
    }

    @Test
    void cosineSegments() {
        Piecewise lr = new Piecewise(Interpolation.COSINE, new double[] {0, 2, 9}, new double[] {0.04, 1.0, 4e-6},
                PastEnd.HOLD);
        assertThat(lr.valueAt(0)).isEqualTo(0.04);
        assertThat(lr.valueAt(1)).isCloseTo(0.52, within(TOLERANCE));
        assertThat(lr.valueAt(2)).isEqualTo(1.0);
        assertThat(lr.valueAt(9)).isEqualTo(4e-6);
        assertThat(lr.valueAt(10)).isEqualTo(4e-6);
    }

    @Test
    void pastEndRules() {
        double[] knots = {0, 2, 4};
        double[] values = {0, 1, 0};
        Piecewise extrapolate = new Piecewise(Interpolation.LINEAR, knots, values, PastEnd.EXTRAPOLATE);
        assertThat(extrapolate.valueAt(6)).isEqualTo(-1.0);
        assertThat(extrapolate.valueAt(10)).isEqualTo(-3.0);
        Piecewise error = new Piecewise(Interpolation.LINEAR, new double[] {0, 2, 4.5}, values, PastEnd.ERROR);
        assertThat(error.valueAt(4)).isCloseTo(0.2, within(TOLERANCE));
        assertThatThrownBy(() -> error.valueAt(5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("step 5 is past the end of piecewise(shape=linear, knots=[0.0, 2.0, 4.5]")
                .hasMessageContaining("4.5");
    }

    @Test
    void cycleEndsAtTheLastWholeStepOfThePlan() {
        Piecewise lr = new Piecewise(Interpolation.LINEAR, new double[] {0, 2, 4.5}, new double[] {0, 1, 0},
                PastEnd.HOLD);
        assertThat(lr.cycles()).containsSame(lr);
        assertThat(lr.nextCycleEnd(0)).hasValue(4);
        assertThat(lr.nextCycleEnd(4)).hasValue(4);
        assertThat(lr.nextCycleEnd(5)).isEmpty();
        assertThat(lr.cycleEnds(100)).containsExactly(4);
    }

    @Test
    void copiesItsArraysAndComparesByContent() {
        double[] knots = {0, 1};
        double[] values = {1, 2};
        Piecewise lr = new Piecewise(Interpolation.LINEAR, knots, values, PastEnd.HOLD);
        knots[1] = 50;
        values[1] = 50;
        assertThat(lr.valueAt(1)).isEqualTo(2.0);
        lr.knots()[1] = 7;
        lr.values()[0] = 7;
        assertThat(lr.knots()).containsExactly(0, 1);
        assertThat(lr.values()).containsExactly(1, 2);
        Piecewise same = new Piecewise(Interpolation.LINEAR, new double[] {0, 1}, new double[] {1, 2}, PastEnd.HOLD);
        assertThat(lr).isEqualTo(same).hasSameHashCodeAs(same)
                .isNotEqualTo(new Piecewise(Interpolation.COSINE, new double[] {0, 1}, new double[] {1, 2},
                        PastEnd.HOLD))
                .isNotEqualTo(new Piecewise(Interpolation.LINEAR, new double[] {0, 1}, new double[] {1, 2},
                        PastEnd.ERROR))
                .isNotEqualTo(new Piecewise(Interpolation.LINEAR, new double[] {0, 2}, new double[] {1, 2},
                        PastEnd.HOLD));
        assertThat(lr.toSpec()).isEqualTo("piecewise(shape=linear, knots=[0.0, 1.0], values=[1.0, 2.0], pastEnd=hold)");
    }
}
