package org.chatons.entraide.broker.web.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.chatons.entraide.broker.config.BrokerConfig;
import org.chatons.entraide.broker.config.Sha256;
import org.chatons.entraide.broker.drains.DrainList;
import org.chatons.entraide.broker.drains.DrainState;
import org.chatons.entraide.broker.drains.Drains;
import org.chatons.entraide.broker.http.Bearer;
import org.chatons.entraide.broker.registry.HostKey;
import org.chatons.entraide.broker.web.Problem;
import org.chatons.entraide.broker.web.api.ApiViews;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Coordinators' actions, behind the admin token: draining a host stops new users going there, on every broker of
 * the deployment. Anonymous clients get 401 (403 when the admin API is off) and change nothing; the same token
 * lets brokers exchange their drain decisions ({@code POST /drains}), so whoever holds it may drain any host, as
 * a coordinator may.
 */
@Controller("/api/v1/admin")
public class AdminController {

    private static final Logger LOG = LoggerFactory.getLogger(AdminController.class);

    private final Drains drains;
    private final BrokerConfig config;

    public AdminController(Drains drains, BrokerConfig config) {
        this.drains = drains;
        this.config = config;
    }

    @Put("/hosts/{member}/{id}/drain")
    public HttpResponse<?> drain(String member, String id, @Header(HttpHeaders.AUTHORIZATION) @Nullable String auth) {
        return setDrained(member, id, auth, true);
    }

    @Delete("/hosts/{member}/{id}/drain")
    public HttpResponse<?> undrain(String member, String id, @Header(HttpHeaders.AUTHORIZATION) @Nullable String auth) {
        return setDrained(member, id, auth, false);
    }

    /** Every drain decision this broker holds, undrains included, with when it was made. */
    @Get("/drains")
    public HttpResponse<?> drains(@Header(HttpHeaders.AUTHORIZATION) @Nullable String auth) {
        return refusal(auth).orElseGet(() -> HttpResponse.ok(new DrainList(drains.states())));
    }

    /** Another broker's decisions: takes the newer ones and answers with all of this broker's (see PeerSync). */
    @Post("/drains")
    public HttpResponse<?> exchange(@Body @Nullable DrainList theirs,
                                    @Header(HttpHeaders.AUTHORIZATION) @Nullable String auth) {
        Optional<HttpResponse<?>> refused = refusal(auth);
        if (refused.isPresent()) {
            return refused.get();
        }
        List<DrainState> decisions = theirs == null ? List.of() : theirs.drains();
        List<String> problems = decisions.stream().map(d -> d == null ? "null decision" : d.problem())
                .filter(Objects::nonNull).toList();
        if (!problems.isEmpty()) {
            return Problem.of(HttpStatus.BAD_REQUEST, "/problems/invalid-drains", "Invalid drain decisions",
                    String.join("; ", problems)).response();
        }
        try {
            return HttpResponse.ok(new DrainList(drains.merge(decisions)));
        } catch (IOException e) {
            LOG.error("Could not save the drains file, another broker's decisions left for later: {}", e.toString());
            return notSaved(e);
        }
    }

    private HttpResponse<?> setDrained(String member, String id, String authorization, boolean drained) {
        Optional<HttpResponse<?>> refused = refusal(authorization);
        if (refused.isPresent()) {
            return refused.get();
        }
        HostKey key = new HostKey(member, id);
        Optional<DrainState> decision;
        try {
            decision = drains.decide(key, drained);
        } catch (IOException e) {
            LOG.error("Could not save the drains file, {} left as it was: {}", key, e.toString());
            return notSaved(e);
        }
        if (decision.isEmpty()) {
            return Problem.of(HttpStatus.NOT_FOUND, "/problems/unknown-host", "Unknown host",
                    "no host '" + id + "' reported by member '" + member + "'").response();
        }
        LOG.info("{} {} by a coordinator", drained ? "Drained" : "Undrained", key);
        return HttpResponse.ok(new ApiViews.DrainView(member, id, drained));
    }

    /** The answer to a request without the admin token, or empty when it has it. */
    private Optional<HttpResponse<?>> refusal(String authorization) {
        String expected = config.adminTokenHash();
        if (expected.isBlank()) {
            return Optional.of(Problem.of(HttpStatus.FORBIDDEN, "/problems/admin-disabled", "Admin API disabled",
                    "set broker.admin-token-sha256 (BROKER_ADMIN_TOKEN_SHA256) to enable it").response());
        }
        if (!Sha256.matches(Bearer.token(authorization), expected)) {
            return Optional.of(Problem.of(HttpStatus.UNAUTHORIZED, "/problems/unauthorized",
                    "Missing or wrong admin token", "send 'Authorization: Bearer <admin token>'").response()
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer"));
        }
        return Optional.empty();
    }

    private static HttpResponse<?> notSaved(IOException e) {
        return Problem.of(HttpStatus.INTERNAL_SERVER_ERROR, "/problems/drains-not-saved", "Drain not saved",
                "the broker could not write its drains file (broker.drains-file), so nothing changed: "
                        + e.getMessage()).response();
    }
}
