package org.lrkit.djl.rangetest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link ReportJson}: the layout and number formatting of {@code curve.json}, as lrkit's own writer had them. */
class ReportJsonTest {

    private static Object sample() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("text", "tab\there \"quoted\" back\\slash\nline");
        root.put("whole", 10000000.0);
        root.put("small", 1e-7);
        root.put("big", 1e20);
        root.put("negative", -2.5);
        root.put("nan", Double.NaN);
        root.put("infinite", Double.POSITIVE_INFINITY);
        root.put("float", 0.5f);
        root.put("int", 42);
        root.put("long", 1234567890123L);
        root.put("flag", true);
        root.put("none", null);
        root.put("enum", java.time.DayOfWeek.MONDAY);
        root.put("doubles", new double[] {1e-7, 0.1, 3.0, Double.NaN});
        root.put("ints", new int[] {1, 2, 3});
        root.put("longs", new long[] {4L, 5L});
        root.put("emptyDoubles", new double[0]);
        root.put("strings", List.of("a", "b"));
        root.put("emptyList", List.of());
        root.put("emptyMap", Map.of());
        root.put("listOfArrays", List.of(new double[] {1.0}, new double[] {2.0, 2.5}));
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("method", "steepest");
        inner.put("lr", 0.01);
        root.put("objects", List.of(inner, inner));
        root.put("mixed", List.of(inner, List.of(1.0, 2.0), "x"));
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("deeper", Map.of("k", List.of(1.0)));
        nested.put("other", java.nio.file.Path.of("runs/a"));
        root.put("nested", nested);
        return root;
    }

    @Test
    void writesTheReportLayout() {
        assertThat(ReportJson.of(sample())).isEqualTo("""
                {
                  "text": "tab\\there \\"quoted\\" back\\\\slash\\nline",
                  "whole": 10000000.0,
                  "small": 1.0E-7,
                  "big": 1.0E20,
                  "negative": -2.5,
                  "nan": null,
                  "infinite": null,
                  "float": 0.5,
                  "int": 42,
                  "long": 1234567890123,
                  "flag": true,
                  "none": null,
                  "enum": "MONDAY",
                  "doubles": [1.0E-7, 0.1, 3.0, null],
                  "ints": [1, 2, 3],
                  "longs": [4, 5],
                  "emptyDoubles": [],
                  "strings": ["a", "b"],
                  "emptyList": [],
                  "emptyMap": {},
                  "listOfArrays": [[1.0], [2.0, 2.5]],
                  "objects": [
                    {
                      "method": "steepest",
                      "lr": 0.01
                    },
                    {
                      "method": "steepest",
                      "lr": 0.01
                    }
                  ],
                  "mixed": [
                    {
                      "method": "steepest",
                      "lr": 0.01
                    },
                    [1.0, 2.0],
                    "x"
                  ],
                  "nested": {
                    "deeper": {
                      "k": [1.0]
                    },
                    "other": "runs/a"
                  }
                }""");
    }

    @Test
    void writesScalarsAtTheTop() {
        assertThat(ReportJson.of(null)).isEqualTo("null");
        assertThat(ReportJson.of(2.0)).isEqualTo("2.0");
        assertThat(ReportJson.of(Double.NaN)).isEqualTo("null");
        assertThat(ReportJson.of(new double[] {0.25})).isEqualTo("[0.25]");
        assertThat(ReportJson.of(List.of())).isEqualTo("[]");
    }
}
