package org.lrkit.spec;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lrkit.schedule.Policy;
import org.lrkit.schedule.Schedule;

/**
 * The arguments of one spec, read with their declared types and defaults. Unknown and missing arguments
 * are rejected when it is created; each typed read rejects a value of the wrong kind, naming the argument.
 */
final class Arguments {

    private final Spec spec;
    private final SpecDescription description;

    Arguments(Spec spec, SpecDescription description) {
        this.spec = spec;
        this.description = description;
        List<String> known = description.parameters().stream().map(ParameterDescription::name).toList();
        for (String key : spec.keys()) {
            if (!known.contains(key)) {
                throw new IllegalArgumentException(description.name() + " has no argument '" + key + "'"
                        + Suggestions.didYouMean(key, known) + "; its arguments are: " + String.join(", ", known));
            }
        }
        for (ParameterDescription parameter : description.parameters()) {
            if (parameter.required() && !isSet(parameter.name())) {
                throw new IllegalArgumentException(description.name() + " needs the argument "
                        + parameter.name() + " (" + parameter.description() + ")");
            }
        }
    }

    /** Whether the spec gives {@code key} a value other than {@code none}. */
    boolean isSet(String key) {
        return spec.get(key).filter(value -> !(value instanceof SpecValue.None)).isPresent();
    }

    /** The value of {@code key}: the spec's, else the declared default. */
    private SpecValue value(String key) {
        Optional<SpecValue> given = spec.get(key).filter(value -> !(value instanceof SpecValue.None));
        if (given.isPresent()) {
            return given.get();
        }
        ParameterDescription parameter = description.parameters().stream()
                .filter(p -> p.name().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalStateException(description.name() + " reads undeclared " + key));
        return Spec.parse("default(value=" + parameter.defaultText() + ")").get("value").orElseThrow();
    }

    private IllegalArgumentException wrongKind(String key, String expected, SpecValue value) {
        return new IllegalArgumentException(key + " must be " + expected + ", got " + value.kind() + " " + value);
    }

    private static double number(SpecValue value, String key, Arguments arguments) {
        if (value instanceof SpecValue.Real real) {
            return real.value();
        }
        if (value instanceof SpecValue.Int integer) {
            return integer.value();
        }
        throw arguments.wrongKind(key, "a number", value);
    }

    private static long integer(SpecValue value, String key, Arguments arguments) {
        if (value instanceof SpecValue.Int integer) {
            return integer.value();
        }
        if (value instanceof SpecValue.Real real && real.value() == Math.rint(real.value())
                && Math.abs(real.value()) < 0x1p62) {
            return (long) real.value();
        }
        throw arguments.wrongKind(key, "a whole number", value);
    }

    /** A number (integer literals accepted). */
    double real(String key) {
        return number(value(key), key, this);
    }

    /** A whole number (a real literal with no fractional part accepted). */
    long integer(String key) {
        return integer(value(key), key, this);
    }

    boolean flag(String key) {
        SpecValue value = value(key);
        if (value instanceof SpecValue.Bool bool) {
            return bool.value();
        }
        throw wrongKind(key, "true or false", value);
    }

    /** One of the words in {@code choices} (quoted strings accepted). */
    <E> E choice(String key, Map<String, E> choices) {
        SpecValue value = value(key);
        String word = value instanceof SpecValue.Word w ? w.value()
                : value instanceof SpecValue.Text t ? t.value() : null;
        if (word == null || !choices.containsKey(word)) {
            throw new IllegalArgumentException(key + " must be one of " + String.join(", ", choices.keySet())
                    + ", got " + value);
        }
        return choices.get(word);
    }

    /** A list of numbers; a single number counts as a list of one. */
    double[] reals(String key) {
        SpecValue value = value(key);
        if (value instanceof SpecValue.ListValue list) {
            return list.values().stream().mapToDouble(element -> number(element, key, this)).toArray();
        }
        return new double[] {number(value, key, this)};
    }

    /** A list of whole numbers; a single one counts as a list of one. */
    long[] integers(String key) {
        SpecValue value = value(key);
        if (value instanceof SpecValue.ListValue list) {
            return list.values().stream().mapToLong(element -> integer(element, key, this)).toArray();
        }
        return new long[] {integer(value, key, this)};
    }

    /** A nested spec that builds a policy. */
    Policy policy(String key) {
        SpecValue value = value(key);
        if (value instanceof SpecValue.Nested nested) {
            return Specs.build(nested.spec());
        }
        throw wrongKind(key, "a schedule spec such as cosine(from=0.1, to=0.0, steps=100)", value);
    }

    /** A nested spec that builds a schedule (a policy that schedules anything besides the rate is refused). */
    Schedule schedule(String key) {
        Policy policy = policy(key);
        if (policy.momentum().isPresent() || policy.beta1().isPresent()) {
            throw new IllegalArgumentException(key + " takes a schedule, but " + value(key)
                    + " also schedules momentum or beta1, which would be lost here; put it at the top level "
                    + "or inside policy(lr=..., momentum=...)");
        }
        return policy.learningRate();
    }
}
