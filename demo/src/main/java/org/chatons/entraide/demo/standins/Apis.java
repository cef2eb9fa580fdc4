package org.chatons.entraide.demo.standins;

import java.time.Clock;

/** The stand-ins' APIs, by software name. */
public final class Apis {

    private Apis() {
    }

    /**
     * The API of a software.
     *
     * @param software the probe agent's name for it
     * @param origin   the stand-in's origin (NodeInfo names it in its links)
     * @param secret   the credential the API checks (Nextcloud's NC-Token), or null
     * @param clock    the time source
     */
    public static Api forSoftware(String software, String origin, String secret, Clock clock) {
        return switch (software) {
            case "etherpad" -> new EtherpadApi();
            case "jitsi" -> new JitsiApi();
            case "nextcloud" -> new NextcloudApi(secret);
            case "peertube" -> new PeertubeApi();
            case "mastodon" -> new MastodonApi();
            case "mobilizon" -> new MobilizonApi();
            case "nodeinfo" -> new NodeinfoApi(origin);
            case "lufi", "lstu" -> new FullStatsApi(software, clock);
            case "http" -> new PlainWebApi();
            case "hedgedoc" -> new HedgedocApi();
            default -> throw new IllegalArgumentException("no stand-in for software " + software);
        };
    }
}
