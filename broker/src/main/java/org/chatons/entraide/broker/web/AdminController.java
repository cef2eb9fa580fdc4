package org.chatons.entraide.broker.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Put;
import java.io.IOException;
import org.chatons.entraide.broker.config.BrokerConfig;
import org.chatons.entraide.broker.config.Sha256;
import org.chatons.entraide.broker.registry.DrainsFile;
import org.chatons.entraide.broker.registry.HostKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Coordinators' actions, behind the admin token: draining a host stops new users going there. */
@Controller("/api/v1/admin")
public class AdminController {

    private static final Logger LOG = LoggerFactory.getLogger(AdminController.class);

    private final DrainsFile drains;
    private final BrokerConfig config;

    public AdminController(DrainsFile drains, BrokerConfig config) {
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

    private HttpResponse<?> setDrained(String member, String id, String authorization, boolean drained) {
        String expected = config.adminTokenSha256();
        if (expected == null || expected.isBlank()) {
            return Problem.of(HttpStatus.FORBIDDEN, "/problems/admin-disabled", "Admin API disabled",
                    "set broker.admin-token-sha256 (BROKER_ADMIN_TOKEN_SHA256) to enable it").response();
        }
        if (!Sha256.matches(Bearer.token(authorization), expected)) {
            return Problem.of(HttpStatus.UNAUTHORIZED, "/problems/unauthorized", "Missing or wrong admin token",
                    "send 'Authorization: Bearer <admin token>'").response()
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        HostKey key = new HostKey(member, id);
        boolean known;
        try {
            known = drains.drain(key, drained);
        } catch (IOException e) {
            LOG.error("Could not save the drains file, {} left as it was: {}", key, e.toString());
            return Problem.of(HttpStatus.INTERNAL_SERVER_ERROR, "/problems/drains-not-saved", "Drain not saved",
                    "the broker could not write its drains file (broker.drains-file), so nothing changed: "
                            + e.getMessage()).response();
        }
        if (!known) {
            return Problem.of(HttpStatus.NOT_FOUND, "/problems/unknown-host", "Unknown host",
                    "no host '" + id + "' reported by member '" + member + "'").response();
        }
        LOG.info("{} {} by a coordinator", drained ? "Drained" : "Undrained", key);
        return HttpResponse.ok(new ApiViews.DrainView(member, id, drained));
    }
}
