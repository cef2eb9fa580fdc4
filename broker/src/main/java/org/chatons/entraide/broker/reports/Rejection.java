package org.chatons.entraide.broker.reports;

import java.util.List;
import java.util.stream.Collectors;

/** A report refused, with the outcome (and so the HTTP status) and every field at fault. Nothing was changed. */
public final class Rejection extends RuntimeException {

    private final Outcome outcome;
    private final transient List<FieldError> errors;

    public Rejection(Outcome outcome, List<FieldError> errors) {
        super(errors.stream().map(FieldError::toString).collect(Collectors.joining("; ")));
        this.outcome = outcome;
        this.errors = List.copyOf(errors);
    }

    public Rejection(Outcome outcome, String field, String reason) {
        this(outcome, List.of(new FieldError(field, reason)));
    }

    public Outcome outcome() {
        return outcome;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
