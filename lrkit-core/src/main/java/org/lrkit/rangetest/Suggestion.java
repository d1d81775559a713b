package org.lrkit.rangetest;

/**
 * One learning rate suggested from a range-test curve.
 *
 * @param method the heuristic: {@code steepest}, {@code minimum/10}, {@code valley} or {@code slide}
 * @param learningRate the suggested learning rate
 * @param index the curve step the suggestion was read at
 */
public record Suggestion(String method, double learningRate, int index) {
}
