package org.chatons.entraide.broker.reports;

import io.micronaut.serde.annotation.Serdeable;

/** One thing wrong with a report: the field, as a path into the body, and why. */
@Serdeable
public record FieldError(String field, String reason) {

    @Override
    public String toString() {
        return field + ": " + reason;
    }
}
