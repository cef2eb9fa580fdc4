package org.chatons.entraide.broker.counting;

import java.util.List;
import java.util.Locale;

/**
 * Robots that say what they are in their {@code User-Agent}: the fediverse's servers fetching a link's preview, chat
 * apps' previews, search engines, scripts' HTTP libraries. Names, not patterns: a generic "bot" would also match
 * phones such as the Cubot's, and a person must never be taken for a robot. A robot that passes for a browser is
 * not found here; the reports' weight and the per-network budget still hold it (README, "What counts").
 */
final class Robots {

    /** Lower case, each a product name as these robots write it (their own documentation or source). */
    static final List<String> NAMES = List.of(
            // Fediverse servers fetching a link card: Mastodon, Pleroma, Akkoma, Misskey and its forks, Friendica,
            // GoToSocial, Lemmy, PeerTube; http.rb is the library Mastodon fetches with.
            "mastodon/", "http.rb/", "pleroma", "akkoma", "misskey", "friendica", "gotosocial", "lemmy",
            "peertube/",
            // Chat and social previews.
            "facebookexternalhit", "facebookcatalog", "twitterbot", "slackbot", "discordbot", "telegrambot",
            "whatsapp/", "linkedinbot", "skypeuripreview", "embedly", "iframely", "mattermost", "synapse (bot;",
            // Search engines and archivers (robots.txt keeps the polite ones out; not all are).
            "googlebot", "bingbot", "applebot", "duckduckbot", "yandexbot", "baiduspider", "qwantify", "ia_archiver",
            // Command-line tools and libraries.
            "curl/", "wget/", "python-requests/", "python-urllib/", "aiohttp/", "go-http-client/", "okhttp/",
            "libwww-perl/");

    private Robots() {
    }

    /** Whether a {@code User-Agent} names one of the robots above; none (no header) is not a robot's. */
    static boolean isRobot(String userAgent) {
        if (userAgent == null || userAgent.isEmpty()) {
            return false;
        }
        String agent = userAgent.toLowerCase(Locale.ROOT);
        for (String name : NAMES) {
            if (agent.contains(name)) {
                return true;
            }
        }
        return false;
    }
}
