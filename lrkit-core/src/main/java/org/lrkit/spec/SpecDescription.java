package org.lrkit.spec;

import java.util.List;

/**
 * One entry of the spec catalog: a schedule or policy name with its arguments.
 *
 * @param name the name written in a spec, e.g. {@code oneCyclePolicy} or {@code torch.OneCycleLR}
 * @param summary one sentence on what it builds
 * @param parameters its arguments in the order they are documented
 */
public record SpecDescription(String name, String summary, List<ParameterDescription> parameters) {

    /**
     * Creates a catalog entry; the parameter list is copied.
     *
     * @param name the name written in a spec
     * @param summary one sentence on what it builds
     * @param parameters its arguments in the order they are documented, not null
     */
    public SpecDescription {
        parameters = List.copyOf(parameters);
    }
}
