package org.chatons.entraide.broker.web.picker;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.http.server.exceptions.response.HateoasErrorResponseProcessor;
import jakarta.inject.Singleton;
import java.util.stream.Collectors;
import org.chatons.entraide.broker.http.Languages;
import org.chatons.entraide.broker.web.Problem;

/**
 * The errors Micronaut answers itself (a path no route answers, a method a route does not take) as the broker's
 * own answers, and nothing of the path in them: a page in the person's language for a browser, a problem for a
 * program. Micronaut's answer echoed the path and its query (a JSON link to "self", the URI in a message), and a
 * path may hold what a person typed: a group link's name with a slash too many, say ({@code /go/visio/Our/Meeting}).
 * The broker's own answers (an unknown service, a bad room name) are its controllers', and do not pass here.
 */
@Singleton
@Replaces(HateoasErrorResponseProcessor.class)
final class FrameworkErrors implements ErrorResponseProcessor<Object> {

    private final PickerPages pages;
    private final Languages languages;

    FrameworkErrors(PickerPages pages, Languages languages) {
        this.pages = pages;
        this.languages = languages;
    }

    @Override
    @SuppressWarnings("unchecked")
    public MutableHttpResponse<Object> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        HttpRequest<?> request = context.getRequest();
        HttpStatus status = response.status();
        if (status == HttpStatus.NOT_FOUND && PickerPages.wantsHtml(request)) {
            return (MutableHttpResponse<Object>) pages.notFound(request, languages.resolveOrDefault(request),
                    "missing.title");
        }
        String path = request.getPath();
        Problem problem = status == HttpStatus.NOT_FOUND
                ? Problem.of(status, "/problems/not-found", "Not found",
                        "nothing answers this path: the API starts at /api/v1/services")
                : Problem.of(status, "about:blank", status.getReason(), context.getErrors().stream()
                        .map(Error::getMessage)
                        .filter(m -> !m.contains(path) && !m.contains("URI ["))
                        .collect(Collectors.joining("; ")));
        return ((MutableHttpResponse<Object>) response).contentType(Problem.MEDIA_TYPE).body(problem);
    }
}
