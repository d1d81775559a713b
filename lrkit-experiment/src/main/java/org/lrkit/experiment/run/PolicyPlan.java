package org.lrkit.experiment.run;

import java.util.LinkedHashMap;
import java.util.Map;
import org.lrkit.experiment.report.Json;
import org.lrkit.schedule.Policy;
import org.lrkit.spec.Specs;

/**
 * One policy of a run directory, resolved: its label, the text as given, the spec it became (every
 * {@code auto} replaced) and the length it trains for.
 *
 * @param label the short name (tables, plots, the folder {@code runs/<label>/})
 * @param given what was typed ({@code auto}, {@code @file.txt}, a spec)
 * @param spec the resolved spec text, which {@code Specs.parsePolicy} reads
 * @param epochs the length in epochs, or 0 when it was given in steps
 * @param steps the planned optimizer steps
 * @param role what the policy is there for, for people ({@code "one-cycle from the range test"}), or empty
 */
public record PolicyPlan(String label, String given, String spec, long epochs, long steps, String role) {

    /** Checks the values. */
    public PolicyPlan {
        if (steps <= 0) {
            throw new IllegalArgumentException("a policy must train for at least one step, got " + steps);
        }
        role = role == null ? "" : role;
    }

    /** The policy. */
    public Policy policy() {
        return Specs.parsePolicy(spec);
    }

    /** As an element of the {@code policies} array of {@code config.json}. */
    public Map<String, Object> toJson() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("label", label);
        map.put("given", given);
        map.put("spec", spec);
        map.put("epochs", epochs);
        map.put("steps", steps);
        if (!role.isEmpty()) {
            map.put("role", role);
        }
        return map;
    }

    /** Reads an element of the {@code policies} array of {@code config.json}. */
    public static PolicyPlan fromJson(Map<String, Object> map) {
        return new PolicyPlan(Json.text(map, "label", "policy"), Json.text(map, "given", ""),
                Json.text(map, "spec", ""), Json.whole(map, "epochs", 0), Json.whole(map, "steps", 0),
                Json.text(map, "role", ""));
    }
}
