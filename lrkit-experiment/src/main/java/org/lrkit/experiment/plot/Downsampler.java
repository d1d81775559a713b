package org.lrkit.experiment.plot;

import java.util.Arrays;

/**
 * Reduces a long run of points, added in order of non-decreasing x, to at most four points per bucket of
 * x: each bucket's first, smallest, largest and last point (the "M4" reduction). Drawn as a line at one
 * bucket per pixel column, the result looks the same as the full data: no spike is lost.
 *
 * <p>It keeps O(buckets) memory whatever the number of points, so a million-step schedule can be plotted
 * without storing it. Points with a non-finite x or y are skipped.
 */
public final class Downsampler {

    private final double xMin;
    private final double xMax;
    private final int buckets;
    private final long[] counts;
    private final double[] firstX;
    private final double[] firstY;
    private final double[] lastX;
    private final double[] lastY;
    private final double[] minX;
    private final double[] minY;
    private final double[] maxX;
    private final double[] maxY;
    private double previousX = Double.NEGATIVE_INFINITY;

    /**
     * A downsampler for x values in {@code [xMin, xMax]} split into {@code buckets} equal buckets; points
     * outside the range fall into the first or last bucket.
     *
     * @param xMin the smallest x expected, finite
     * @param xMax the largest x expected, finite and {@code >= xMin}
     * @param buckets the number of buckets (pixel columns, say), {@code >= 1}
     * @throws IllegalArgumentException if the range is not finite, {@code xMax < xMin} or {@code buckets < 1}
     */
    public Downsampler(double xMin, double xMax, int buckets) {
        if (!Double.isFinite(xMin) || !Double.isFinite(xMax) || xMax < xMin) {
            throw new IllegalArgumentException("the x range must be finite with xMin <= xMax, got [" + xMin + ", "
                    + xMax + "]");
        }
        if (buckets < 1) {
            throw new IllegalArgumentException("buckets must be >= 1, got " + buckets);
        }
        this.xMin = xMin;
        this.xMax = xMax;
        this.buckets = buckets;
        this.counts = new long[buckets];
        this.firstX = new double[buckets];
        this.firstY = new double[buckets];
        this.lastX = new double[buckets];
        this.lastY = new double[buckets];
        this.minX = new double[buckets];
        this.minY = new double[buckets];
        this.maxX = new double[buckets];
        this.maxY = new double[buckets];
    }

    /**
     * Adds the next point.
     *
     * @param x the x coordinate, not smaller than the previous point's; a point with a non-finite coordinate is
     *     ignored
     * @param y the y coordinate
     * @throws IllegalArgumentException if {@code x} is smaller than the previous point's
     */
    public void add(double x, double y) {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            return;
        }
        if (x < previousX) {
            throw new IllegalArgumentException("points must be added in order of non-decreasing x, got " + x
                    + " after " + previousX);
        }
        previousX = x;
        int b = bucketOf(x);
        if (counts[b] == 0) {
            firstX[b] = x;
            firstY[b] = y;
            minX[b] = x;
            minY[b] = y;
            maxX[b] = x;
            maxY[b] = y;
        } else {
            if (y < minY[b]) {
                minX[b] = x;
                minY[b] = y;
            }
            if (y > maxY[b]) {
                maxX[b] = x;
                maxY[b] = y;
            }
        }
        lastX[b] = x;
        lastY[b] = y;
        counts[b]++;
    }

    private int bucketOf(double x) {
        if (xMax == xMin) {
            return 0;
        }
        double f = (x - xMin) / (xMax - xMin) * buckets;
        if (!(f > 0)) {
            return 0;
        }
        return f >= buckets ? buckets - 1 : (int) f;
    }

    /**
     * The kept points as a series, in order of x.
     *
     * @param label the legend text of the series
     * @return a series of at most four points per bucket, without a colour of its own
     */
    public Series toSeries(String label) {
        double[] xs = new double[4 * buckets];
        double[] ys = new double[4 * buckets];
        int n = 0;
        double[] candidateX = new double[4];
        double[] candidateY = new double[4];
        for (int b = 0; b < buckets; b++) {
            if (counts[b] == 0) {
                continue;
            }
            candidateX[0] = firstX[b];
            candidateY[0] = firstY[b];
            // The smallest and largest lie between the first and the last; keep their own order.
            boolean minFirst = minX[b] <= maxX[b];
            candidateX[1] = minFirst ? minX[b] : maxX[b];
            candidateY[1] = minFirst ? minY[b] : maxY[b];
            candidateX[2] = minFirst ? maxX[b] : minX[b];
            candidateY[2] = minFirst ? maxY[b] : minY[b];
            candidateX[3] = lastX[b];
            candidateY[3] = lastY[b];
            for (int i = 0; i < 4; i++) {
                if (n > 0 && xs[n - 1] == candidateX[i] && ys[n - 1] == candidateY[i]) {
                    continue;
                }
                xs[n] = candidateX[i];
                ys[n] = candidateY[i];
                n++;
            }
        }
        return Series.of(label, Arrays.copyOf(xs, n), Arrays.copyOf(ys, n));
    }
}
