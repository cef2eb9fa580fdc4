package org.chatons.entraide.broker.web.redirect;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Head;
import io.micronaut.http.annotation.Produces;
import org.chatons.entraide.broker.counting.Visit;
import org.chatons.entraide.broker.metrics.BrokerMetrics;
import org.chatons.entraide.broker.selection.Dispatcher;
import org.chatons.entraide.broker.selection.Pick;
import org.chatons.entraide.broker.web.Answers;
import org.chatons.entraide.broker.web.Locality;
import org.chatons.entraide.broker.web.Problem;
import org.chatons.entraide.broker.web.picker.PickerPages;

/**
 * {@code GET /go/{service}}: sends a new user to a host. Reads nothing of the request but the service, whether it is
 * a visit at all ({@link Visits}: the method, the prefetch headers, the client's network for its budget, used and
 * dropped), where the person would rather go ({@code ?near=}, {@code ?lang=}, Accept-Language: {@link Locality})
 * and, to answer a refusal in the person's language, Accept: no cookie, no user agent, nothing kept.
 *
 * <p>Most of these requests are answered before they reach this controller, by the same code, in Netty's pipeline
 * ({@link GoFastPath}); here come the others, and the refusals it chose.
 *
 * <p>What an anonymous client can change for others: the count of users sent to a host, which decides who is FULL.
 * One client counts at most its network's budget ({@code broker.counting.per-network}); many clients count only
 * as much as the hosts' reports confirm that redirects become users ({@code counting.RedirectWeight}); a
 * {@code HEAD}, a prefetch or a crawler that reads robots.txt counts nothing. Where a client says it is changes
 * only which hosts are tried first for its own redirect, within the same counts.
 */
@Controller
public class GoController {

    static final String PATH = "/go/{service}";

    private final Redirects redirects;
    private final Dispatcher dispatcher;
    private final Locality locality;

    public GoController(Redirects redirects, Dispatcher dispatcher, Locality locality) {
        this.redirects = redirects;
        this.dispatcher = dispatcher;
        this.locality = locality;
    }

    /**
     * 302, never 301: browsers cache a 301 and would skip the broker next time. {@code HEAD} answers the same
     * headers without counting anyone; a prefetch is refused (503, not stored), so the browser asks again when the
     * person really follows the link, and that visit counts.
     */
    @Get(PATH)
    @Head(PATH)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE, MediaType.TEXT_HTML})
    public HttpResponse<?> go(String service, HttpRequest<?> request) {
        Pick.NoHost found = NoHostFound.of(request);
        if (found != null) {
            // Chosen, counted and timed below the router (GoFastPath): only the refusal is left to answer.
            return redirects.noHost(request, found, PickerPages.wantsHtml(request));
        }
        long start = System.nanoTime();
        BrokerMetrics metrics = redirects.metrics();
        if (!redirects.catalogue().contains(service)) {
            metrics.go(null, BrokerMetrics.GoOutcome.UNKNOWN_SERVICE, System.nanoTime() - start);
            return redirects.unknownService(service, request, PickerPages.wantsHtml(request));
        }
        Visit visit = redirects.visits().ofNavigation(request);
        if (visit == Visit.PREFETCH) {
            metrics.notAVisit(service, visit);
            return Answers.prefetchRefused();
        }
        Pick pick = dispatcher.pick(service, visit, locality.of(request));
        if (pick instanceof Pick.Sent sent) {
            metrics.go(service, BrokerMetrics.GoOutcome.REDIRECT, System.nanoTime() - start);
            return redirects.redirect(sent.host().report().url());
        }
        metrics.go(service, BrokerMetrics.GoOutcome.NO_HOST, System.nanoTime() - start);
        return redirects.noHost(request, (Pick.NoHost) pick, PickerPages.wantsHtml(request));
    }
}
