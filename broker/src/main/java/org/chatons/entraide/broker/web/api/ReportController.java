package org.chatons.entraide.broker.web.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import java.util.Map;
import org.chatons.entraide.broker.http.Bearer;
import org.chatons.entraide.broker.reports.Outcome;
import org.chatons.entraide.broker.reports.Rejection;
import org.chatons.entraide.broker.reports.ReportIntake;
import org.chatons.entraide.broker.web.Problem;
import org.chatons.entraide.protocol.Report;
import org.chatons.entraide.protocol.ReportReceipt;

/** {@code POST /api/v1/reports}: where probe agents report their member's hosts. */
@Controller
public class ReportController {

    private final ReportIntake intake;

    public ReportController(ReportIntake intake) {
        this.intake = intake;
    }

    /** Takes any content type and a raw body, so that every refusal is ours to word and count. */
    @Post(uri = Report.PATH, consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> receive(HttpRequest<?> request, @Body @Nullable byte[] body,
                                   @QueryValue(value = "dry-run", defaultValue = "false") boolean dryRun) {
        String token = Bearer.token(request.getHeaders().get(HttpHeaders.AUTHORIZATION));
        try {
            int accepted = intake.receive(token, request.getContentType().orElse(null),
                    body == null ? new byte[0] : body, dryRun);
            return HttpResponse.status(HttpStatus.ACCEPTED).body(ReportReceipt.of(accepted, dryRun));
        } catch (Rejection rejection) {
            return problem(rejection);
        }
    }

    /** Bodies over the server's limit are refused before they reach {@link #receive}: same answer, same count. */
    @Error(exception = ContentLengthExceededException.class, global = true)
    public HttpResponse<?> tooLarge(HttpRequest<?> request, ContentLengthExceededException e) {
        return problem(intake.refuseOversized(request.getContentLength()));
    }

    static HttpResponse<?> problem(Rejection rejection) {
        Outcome outcome = rejection.outcome();
        var response = new Problem(outcome.problemType(), outcome.title(), outcome.status(), rejection.getMessage(),
                rejection.errors(), Map.of()).response();
        if (outcome == Outcome.UNAUTHORIZED) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return response;
    }
}
