package org.lrkit.vision.model;

import ai.djl.ndarray.types.Shape;
import java.util.Objects;

/**
 * What the {@link Models} registry knows about a network.
 *
 * @param name the registry name
 * @param description the architecture in one line
 * @param reference the publication it follows
 * @param typicalInput the input shape {@code (C, H, W)} of the dataset it was published with
 * @param publishedParameters the parameter count as published (with 10 classes on the typical input), as text
 */
public record ModelInfo(String name, String description, String reference, Shape typicalInput,
        String publishedParameters) {

    /**
     * Checks the components; see the record description.
     *
     * @param name the registry name, not null
     * @param description the architecture in one line, not null
     * @param reference the publication it follows, not null
     * @param typicalInput the input shape {@code (C, H, W)} of the dataset it was published with, not null
     * @param publishedParameters the parameter count as published, as text ({@code "-"} when none), not null
     * @throws NullPointerException if a component is null
     */
    public ModelInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(typicalInput, "typicalInput");
        Objects.requireNonNull(publishedParameters, "publishedParameters");
    }
}
