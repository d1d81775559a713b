package org.lrkit.bench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code --name value} options of a benchmark's {@code main}, checked against the names it knows.
 *
 * <pre>{@code
 * Options options = Options.parse(args, "--model", "--steps");
 * int steps = options.positive("--steps", 20);
 * }</pre>
 */
final class Options {

    private final Map<String, String> values;

    private Options(Map<String, String> values) {
        this.values = values;
    }

    /**
     * Reads {@code args} as pairs of an option and its value.
     *
     * @throws IllegalArgumentException on an option not in {@code known}, a repeated one or a missing value
     */
    static Options parse(String[] args, String... known) {
        Set<String> names = Set.of(known);
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            String name = args[i];
            if (!names.contains(name)) {
                throw new IllegalArgumentException("unknown option '" + name + "'; options: " + String.join(" ",
                        List.of(known)));
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            if (values.put(name, args[i + 1]) != null) {
                throw new IllegalArgumentException(name + " is given twice");
            }
        }
        return new Options(values);
    }

    /** The option's text, or {@code fallback} when absent. */
    String text(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    /**
     * The option's text.
     *
     * @throws IllegalArgumentException if it is absent
     */
    String required(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }

    /** The option as a path, required. */
    Path path(String name) {
        return Path.of(required(name));
    }

    /**
     * The option as an integer {@code >= minimum}, or {@code fallback} when absent.
     *
     * @throws IllegalArgumentException if it is not such an integer
     */
    int atLeast(String name, int minimum, int fallback) {
        String text = values.get(name);
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= minimum) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be an integer >= " + minimum + ", got '" + text + "'");
    }

    /** The option as an integer {@code > 0}, or {@code fallback} when absent. */
    int positive(String name, int fallback) {
        return atLeast(name, 1, fallback);
    }

    /** The option as a comma-separated list of integers {@code > 0}, or {@code fallback} when absent. */
    List<Integer> positiveList(String name, List<Integer> fallback) {
        String text = values.get(name);
        if (text == null) {
            return fallback;
        }
        return java.util.Arrays.stream(text.split(","))
                .map(item -> Options.parse(new String[] {name, item}, name).positive(name, 0))
                .toList();
    }
}
