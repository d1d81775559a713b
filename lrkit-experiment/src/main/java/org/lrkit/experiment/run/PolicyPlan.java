package org.lrkit.experiment.run;

import java.util.LinkedHashMap;
import java.util.Map;
import org.lrkit.experiment.report.Json;
import org.lrkit.schedule.Policy;
import org.lrkit.spec.Spec;
import org.lrkit.spec.Specs;

/**
 * One policy of a run directory, resolved: its label, the text as given, the spec it became (every
 * {@code auto} replaced, typed; text only in {@code config.json}) and the length it trains for.
 *
 * @param label the short name (tables, plots, the folder {@code runs/<label>/})
 * @param given what was typed ({@code auto}, {@code @file.txt}, a spec)
 * @param spec the resolved spec, no {@code auto} left in it
 * @param epochs the length in epochs, or 0 when it was given in steps
 * @param steps the planned optimizer steps
 * @param role what the policy is there for, for people ({@code "one-cycle from the range test"}), or empty
 */
public record PolicyPlan(String label, String given, Spec spec, long epochs, long steps, String role) {

    /**
     * Checks the values; the label names a folder inside the run directory.
     *
     * @param label the short name, checked by {@link PolicyRequest#checkLabel}
     * @param given what was typed
     * @param spec the resolved spec
     * @param epochs the length in epochs, or 0 when it was given in steps
     * @param steps the planned optimizer steps, {@code >= 1}
     * @param role what the policy is there for, or empty; {@code null} reads as empty
     * @throws IllegalArgumentException if the label breaks the rule of {@link PolicyRequest#checkLabel} or {@code
     *     steps < 1}
     */
    public PolicyPlan {
        PolicyRequest.checkLabel("policy label", label);
        if (steps <= 0) {
            throw new IllegalArgumentException("a policy must train for at least one step, got " + steps);
        }
        role = role == null ? "" : role;
    }

    /**
     * The policy.
     *
     * @return the policy the spec builds
     */
    public Policy policy() {
        return Specs.build(spec);
    }

    /**
     * As an element of the {@code policies} array of {@code config.json}.
     *
     * @return the plan as a JSON object
     */
    public Map<String, Object> toJson() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("label", label);
        map.put("given", given);
        map.put("spec", spec.toCompactString());
        map.put("epochs", epochs);
        map.put("steps", steps);
        if (!role.isEmpty()) {
            map.put("role", role);
        }
        return map;
    }

    /**
     * Reads an element of the {@code policies} array of {@code config.json}.
     *
     * @param map an element of the {@code policies} array
     * @return the plan
     * @throws IllegalArgumentException if its label could leave the run directory or its spec is not one
     */
    public static PolicyPlan fromJson(Map<String, Object> map) {
        String label = Json.text(map, "label", "policy");
        PolicyRequest.checkLabel("policy label", label);
        Spec spec;
        try {
            spec = Spec.parse(Json.text(map, "spec", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the spec of policy '" + label + "' cannot be read: "
                    + e.getMessage(), e);
        }
        return new PolicyPlan(label, Json.text(map, "given", ""), spec, Json.whole(map, "epochs", 0),
                Json.whole(map, "steps", 0), Json.text(map, "role", ""));
    }
}
