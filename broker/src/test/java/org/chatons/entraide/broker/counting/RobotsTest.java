package org.chatons.entraide.broker.counting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RobotsTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "http.rb/5.1.1 (Mastodon/4.2.10; +https://mastodon.social/)",
        "Pleroma 2.6.2; https://pleroma.example <admin@pleroma.example>",
        "Akkoma 3.13.2; https://akkoma.example <admin@akkoma.example>",
        "Misskey/2024.5.0 (https://misskey.io)",
        "Friendica 'Yellow Archangel' 2024.03-1576; https://friendica.example",
        "gotosocial (+https://gts.example) gotosocial/0.16.0",
        "Lemmy/0.19.5; +https://lemmy.example",
        "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
        "Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)",
        "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
        "TelegramBot (like TwitterBot)",
        "WhatsApp/2.23.20.0 A",
        "Synapse (bot; +https://github.com/matrix-org/synapse)",
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "curl/7.88.1",
        "Wget/1.21.3",
        "python-requests/2.31.0",
        "Go-http-client/1.1"})
    void robotsThatSayWhatTheyAreAreFound(String userAgent) {
        assertThat(Robots.isRobot(userAgent)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 "
                + "Safari/537.36",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
                + "Version/17.5 Mobile/15E148 Safari/604.1",
        // A phone whose model has "bot" in its name: a person, not a robot.
        "Mozilla/5.0 (Linux; Android 10; CUBOT X30) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 "
                + "Mobile Safari/537.36",
        "Mozilla/5.0 (Windows NT 10.0; rv:128.0) Gecko/20100101 Firefox/128.0",
        // Java's own client, as a partner's server or these tests use it: not named here.
        "Java-http-client/17.0.15"})
    void peopleBrowsersAreNot(String userAgent) {
        assertThat(Robots.isRobot(userAgent)).isFalse();
    }
}
