package org.chatons.entraide.agent.adapters;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.chatons.entraide.probes.Answer;
import org.chatons.entraide.probes.Measurement;
import org.chatons.entraide.probes.NextcloudAnswers;

/**
 * Nextcloud: {@code GET /status.php} (no auth) says whether it serves; the serverinfo app, with the
 * {@code NC-Token} header, gives {@code activeUsers.last5minutes}. A refused token (401) is throttled by Nextcloud
 * as brute force, so after one the adapter leaves serverinfo alone for a while, doubling the pause each time.
 */
public final class NextcloudAdapter extends NamedAdapter {

    static final String SERVERINFO = "ocs/v2.php/apps/serverinfo/api/v1/info?format=json";
    static final Duration FIRST_PAUSE = Duration.ofMinutes(5);
    static final Duration LONGEST_PAUSE = Duration.ofHours(1);

    /** Per host: until when serverinfo is not asked, and the pause that led there. */
    private final ConcurrentMap<String, Pause> paused = new ConcurrentHashMap<>();

    private record Pause(Instant until, Duration length) {
    }

    public NextcloudAdapter() {
        super("nextcloud");
    }

    @Override
    public Measurement probe(Target target, Http http) throws IOException, InterruptedException {
        Measurement measurement = NextcloudAnswers.status(http.get(target.base(), "status.php", Http.JSON));
        return Adapter.unlessDown(measurement, found -> serverInfo(found, target, http));
    }

    private Measurement serverInfo(Measurement measurement, Target target, Http http)
            throws IOException, InterruptedException {
        if (target.secret() == null) {
            return measurement.noting("no NC-Token configured: users unknown");
        }
        Instant now = target.clock().instant();
        Pause pause = paused.get(target.hostId());
        if (pause != null && now.isBefore(pause.until())) {
            return measurement.noting("serverinfo refused the NC-Token; not asked again before " + pause.until());
        }
        Answer info = http.get(target.base(), SERVERINFO, Map.of(
                "NC-Token", target.secret().reveal(), "OCS-APIRequest", "true", "Accept", "application/json"));
        if (info.status() == 401 || info.status() == 403) {
            Duration next = pause == null ? FIRST_PAUSE : min(pause.length().multipliedBy(2), LONGEST_PAUSE);
            paused.put(target.hostId(), new Pause(now.plus(next), next));
            return measurement.noting("serverinfo refused the NC-Token (" + info.status() + "); next try in "
                    + next.toMinutes() + " min");
        }
        paused.remove(target.hostId());
        return NextcloudAnswers.withServerInfo(measurement, info);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
