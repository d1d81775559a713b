package org.lrkit.experiment.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void writesAndReadsBackEveryKind() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("text", "a \"quoted\" line\nand a tab\t\u0001");
        map.put("whole", 42L);
        map.put("real", 5.0E-4);
        map.put("notANumber", Double.NaN);
        map.put("yes", true);
        map.put("nothing", null);
        map.put("numbers", new double[] {1.5, Double.POSITIVE_INFINITY});
        map.put("seeds", new long[] {0, 1});
        map.put("list", List.of(Map.of("a", 1), Map.of()));
        map.put("empty", List.of());

        String text = Json.write(map);
        Map<String, Object> back = Json.parseObject(text);

        assertThat(text).contains("\"whole\": 42,", "\"notANumber\": null,", "\"numbers\": [1.5, null]",
                "\"seeds\": [0, 1]").endsWith("}\n");
        assertThat(back.get("text")).isEqualTo(map.get("text"));
        assertThat(back.get("whole")).isEqualTo(42.0);
        assertThat(back.get("real")).isEqualTo(5.0E-4);
        assertThat(back.get("notANumber")).isNull();
        assertThat(back.get("yes")).isEqualTo(true);
        assertThat(back).containsKey("nothing");
        assertThat(Json.array(back, "list")).hasSize(2);
        assertThat(Json.whole(back, "whole", -1)).isEqualTo(42);
        assertThat(Json.text(back, "whole", "")).isEqualTo("42");
        assertThat(Json.text(back, "missing", "fallback")).isEqualTo("fallback");
        assertThat(Json.number(back, "missing")).isNaN();
        assertThat(Json.object(back, "missing")).isEmpty();
    }

    @Test
    void readsUnicodeEscapesAndNestedValues() {
        Object value = Json.parse(" {\"a\": [1, -2.5e3, {\"b\": \"\\u00e9\\/\"}], \"c\": false} ");
        assertThat(value).isEqualTo(Map.of("a", List.of(1.0, -2500.0, Map.of("b", "\u00e9/")), "c", false));
    }

    @Test
    void errorsNameTheLineAndColumn() {
        assertThatThrownBy(() -> Json.parse("{\n  \"a\": 1,\n  \"b\" 2\n}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid JSON at line 3, column 7: expected ':'");
        assertThatThrownBy(() -> Json.parse("[1, 2")).hasMessageContaining("unexpected end of text");
        assertThatThrownBy(() -> Json.parse("{} x")).hasMessageContaining("unexpected text after the value");
        assertThatThrownBy(() -> Json.parseObject("[1]")).hasMessage("expected a JSON object, got an array");
    }

    @Test
    void writesObjectsAnEntryALineAndPlainArraysOnOneLine() {
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("seed", 0);
        run.put("curve", new double[] {0.5, 1.0E-4, Double.NaN});
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", "a<b> & c=d \u00e9");
        map.put("runs", List.of(run));
        map.put("empty", Map.of());
        map.put("tags", List.of("x", "y"));

        assertThat(Json.write(map)).isEqualTo("""
                {
                  "name": "a<b> & c=d \u00e9",
                  "runs": [
                    {
                      "seed": 0,
                      "curve": [0.5, 1.0E-4, null]
                    }
                  ],
                  "empty": {},
                  "tags": ["x", "y"]
                }
                """);
        assertThat(Json.write(List.of())).isEqualTo("[]\n");
        assertThat(Json.write(2.0)).isEqualTo("2\n");
    }

    @Test
    void rejectsWhatStrictJsonForbidsInOneLine() {
        for (String text : List.of("{'a': 1}", "[NaN]", "// note\n{}", "[1,]", "[01]", "", "{\"a\": 1} {}")) {
            assertThatThrownBy(() -> Json.parse(text)).as(text)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("invalid JSON at line ")
                    .hasMessageNotContaining("\n");
        }
        assertThatThrownBy(() -> Json.parse("[1 2]"))
                .hasMessage("invalid JSON at line 1, column 4: expected ',' or ']'");
    }
}
