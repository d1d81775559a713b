package org.lrkit.spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One case of a golden fixture file written by {@code tools/golden}: a spec and the values the original
 * library produced for steps {@code 0 .. n-1}.
 */
record GoldenCase(String spec, double[] lr, double[] momentum) {

    /** Reads every case of a fixture file under {@code src/test/resources/golden}. */
    static List<GoldenCase> read(String fileName) {
        Path path = Path.of("src/test/resources/golden", fileName);
        List<String> lines;
        try {
            lines = Files.readAllLines(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read golden fixture " + path.toAbsolutePath(), e);
        }
        List<GoldenCase> cases = new ArrayList<>();
        String spec = null;
        double[] lr = null;
        for (String line : lines) {
            if (line.startsWith("spec ")) {
                if (spec != null) {
                    cases.add(new GoldenCase(spec, lr, null));
                }
                spec = line.substring(5);
                lr = null;
            } else if (line.startsWith("lr ")) {
                lr = numbers(line);
            } else if (line.startsWith("momentum ")) {
                cases.add(new GoldenCase(spec, lr, numbers(line)));
                spec = null;
            }
        }
        if (spec != null) {
            cases.add(new GoldenCase(spec, lr, null));
        }
        return cases;
    }

    private static double[] numbers(String line) {
        return Arrays.stream(line.substring(line.indexOf(' ') + 1).trim().split(" "))
                .mapToDouble(Double::parseDouble).toArray();
    }

    /** The largest magnitude in a series: the scale that relative tolerances refer to. */
    static double scale(double[] values) {
        return Arrays.stream(values).map(Math::abs).max().orElse(1.0);
    }

    @Override
    public String toString() {
        return spec;
    }
}
