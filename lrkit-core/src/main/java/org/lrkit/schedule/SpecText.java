package org.lrkit.schedule;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Builds the canonical text form {@code name(key=value, ...)} of a built-in schedule. */
final class SpecText {

    private final StringBuilder text;
    private boolean first = true;

    private SpecText(String name) {
        text = new StringBuilder(name).append('(');
    }

    static SpecText of(String name) {
        return new SpecText(name);
    }

    private SpecText key(String key) {
        text.append(first ? "" : ", ").append(key).append('=');
        first = false;
        return this;
    }

    SpecText add(String key, double value) {
        key(key).text.append(Double.toString(value));
        return this;
    }

    SpecText add(String key, long value) {
        key(key).text.append(value);
        return this;
    }

    SpecText add(String key, boolean value) {
        key(key).text.append(value);
        return this;
    }

    /** A bare word such as {@code cosine}. */
    SpecText word(String key, String word) {
        key(key).text.append(word);
        return this;
    }

    SpecText add(String key, Schedule schedule) {
        key(key).text.append(schedule.toSpec());
        return this;
    }

    SpecText add(String key, double[] values) {
        key(key).text.append(Arrays.stream(values).mapToObj(Double::toString)
                .collect(Collectors.joining(", ", "[", "]")));
        return this;
    }

    SpecText add(String key, long[] values) {
        key(key).text.append(Arrays.stream(values).mapToObj(Long::toString)
                .collect(Collectors.joining(", ", "[", "]")));
        return this;
    }

    @Override
    public String toString() {
        return text + ")";
    }
}
