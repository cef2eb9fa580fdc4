package org.chatons.entraide.broker.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;
import org.chatons.entraide.broker.reports.FieldError;

/**
 * An error answer in the RFC 9457 shape ({@code application/problem+json}), naming each field at fault.
 *
 * @param type          a stable identifier of the kind of problem
 * @param title         a short summary of the kind of problem
 * @param status        the HTTP status
 * @param detail        what is wrong with this request, in one line
 * @param errors        the fields at fault and why, when the request carried data
 * @param hostsByReason for "no host available": how many hosts there are per reason
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors,
                      Map<String, Integer> hostsByReason) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(HttpStatus status, String type, String title, String detail) {
        return new Problem(type, title, status.getCode(), detail, List.of(), Map.of());
    }

    public MutableHttpResponse<Problem> response() {
        return HttpResponse.<Problem>status(HttpStatus.valueOf(status)).contentType(MEDIA_TYPE).body(this);
    }
}
