package org.chatons.entraide.broker.catalogue;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;
import java.util.Map;

/**
 * One entry of the service catalogue, from {@code broker.services.<id>}: the built-in ones are in
 * {@code application.yml}, and a deployment adds its own the same way.
 *
 * @param id          the service id used in reports and URLs ({@code pad})
 * @param name        short name per language ({@code fr: Pad})
 * @param description one line on what it is for, per language
 * @param action      the button's words per language ({@code fr: Ouvrir un pad})
 * @param replaces    what it replaces on the big platforms ({@code Google Docs})
 * @param order       position on the picker
 */
@EachProperty("broker.services")
public record ServiceDefinition(@Parameter String id,
                                Map<String, String> name,
                                Map<String, String> description,
                                Map<String, String> action,
                                @Nullable String replaces,
                                @Nullable Integer order) {
}
