package org.chatons.entraide.broker.chatonsinfos;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * A sample federation ({@code src/test/resources/chatonsinfos/minettes/}: ChatonsInfos files shaped like real
 * members' ones), served over real HTTP by a {@link Site}: every {@code https://<name>.example.org}
 * in the files becomes {@code http://127.0.0.1:<port>/<name>.example.org}, so the files, their subs lines and the
 * services' websites all point to the site, and the domain rule still sees each organization's own names under one
 * host. The services answer like their software (Etherpad /stats, Nextcloud status.php, NodeInfo, a plain page).
 */
public final class SampleFederation {

    private static final Pattern EXAMPLE = Pattern.compile("https://([a-z0-9.-]+\\.example\\.(?:org|net))");

    private SampleFederation() {
    }

    /** Serves the sample on the site; returns the federation file's URL. */
    public static URI serve(Site site) {
        String index = resource("urls.tsv");
        for (String line : index.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\t");
            URI url = URI.create(parts[0].strip());
            String body = rewrite(resource(parts[1].strip()), site);
            site.put("/" + url.getHost() + url.getPath(), Site.Page.text(body));
        }
        answerAsTheSoftware(site);
        return URI.create(site.origin() + "/minettes.example.org/.well-known/chatonsinfos/federation.properties");
    }

    static String rewrite(String text, Site site) {
        return EXAMPLE.matcher(text).replaceAll(m -> site.origin() + "/" + m.group(1));
    }

    /** The sample's public services, answering as their software does. */
    static void answerAsTheSoftware(Site site) {
        site.put("/pad.chatonvert.example.org/stats", Site.Page.json("{\"totalUsers\":12,\"activePads\":4,"
                + "\"memoryUsage\":187342848,\"memoryUsageHeap\":92341232}"));
        site.put("/visio.chatonvert.example.org/", Site.Page.text("<html>Jitsi Meet</html>"));
        site.put("/pad.ronron.example.org/stats", Site.Page.json("{\"totalUsers\":30,\"activePads\":9}"));
        site.put("/sondage.ronron.example.org/", Site.Page.text("<html>Framadate</html>"));
        site.put("/l.ronron.example.org/", Site.Page.text("<html>Lstu</html>"));
        site.put("/paste.ronron.example.org/", Site.Page.status(500));
        site.put("/toot.fabrique.example.net/.well-known/nodeinfo", Site.Page.json("{\"links\":[{\"rel\":"
                + "\"http://nodeinfo.diaspora.software/ns/schema/2.0\",\"href\":"
                + "\"https://toot.fabrique.example.net/nodeinfo/2.0\"}]}"));
        site.put("/nodeinfo/2.0", Site.Page.json("{\"version\":\"2.0\",\"software\":{\"name\":\"mastodon\","
                + "\"version\":\"4.3.2\"},\"protocols\":[\"activitypub\"],\"openRegistrations\":true,"
                + "\"usage\":{\"users\":{\"total\":446,\"activeMonth\":120}},\"metadata\":{}}"));
    }

    static String resource(String name) {
        try (InputStream in = SampleFederation.class.getResourceAsStream("/chatonsinfos/minettes/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource chatonsinfos/minettes/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
