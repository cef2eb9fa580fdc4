package org.chatons.entraide.broker.web.picker;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chatons.entraide.broker.Fixtures;
import org.chatons.entraide.broker.config.Sha256;
import org.chatons.entraide.broker.i18n.CountryNames;
import org.chatons.entraide.broker.i18n.MessagesFactory;
import org.chatons.entraide.broker.members.Member;
import org.chatons.entraide.broker.registry.HostRegistry;
import org.chatons.entraide.protocol.Report;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The words of every page, as read, in both languages and for every country: one member in each ISO 3166-1
 * country, and each page asked with that country chosen. The rules: "in" the country as the table says it, no
 * empty "()", "42%" in English and "42 %" with a narrow no-break space in French, French narrow no-break spaces
 * before ? ! : ; and inside « », no text left unformatted, no jargon.
 */
class PageWordsTest {

    static final char NNBSP = '\u202f';
    static final String DECLARED = "Sans Pays";
    static final Pattern TAG = Pattern.compile("<[^>]*>");
    static final Pattern FRENCH_SPACING = Pattern.compile("[ \u00a0][?!:;»%]|«[ \u00a0]|[^\u202f][?!:;»%]|«[^\u202f]");
    static final Pattern PERCENT = Pattern.compile("\\d+\\s?%");

    @TempDir
    static Path dir;
    static EmbeddedServer server;
    static final CountryNames NAMES = new MessagesFactory().countryNames();
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    static String id(String code) {
        return "m-" + code.toLowerCase(Locale.ROOT);
    }

    @BeforeAll
    static void aMemberInEveryCountry() throws Exception {
        StringBuilder members = new StringBuilder("members:\n");
        for (String code : NAMES.codes()) {
            members.append("""
                      - id: %s
                        name: Member %s
                        token-sha256: %s
                        domains: [%s.example.org]
                        confirmed-until: 2099-12-31
                        country: %s
                        languages: [fr]
                    """.formatted(id(code), code, Sha256.hex("token-" + id(code)), id(code), code));
        }
        Path file = Files.writeString(dir.resolve("members.yml"), members);
        server = ApplicationContext.run(EmbeddedServer.class, Map.of("micronaut.server.port", -1,
                "broker.members-file", file.toString()));
        JsonMapper json = server.getApplicationContext().getBean(JsonMapper.class);
        Instant now = server.getApplicationContext().getBean(Clock.class).instant();
        for (String code : NAMES.codes()) {
            // Every member offers a pad with room; the video calls are all full, for the page saying no one can;
            // the polls too, but the member without a country has room for one: a chosen country's page says so.
            Report report = Fixtures.report(id(code), now, Fixtures.host(id(code), "pad-1", "pad", 42, 100),
                    Fixtures.host(id(code), "visio-1", "visio", 99, 100),
                    Fixtures.host(id(code), "poll-1", "poll", 99, 100));
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(server.getURI().resolve(Report.PATH))
                    .header("Authorization", "Bearer token-" + id(code)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(new String(json.writeValueAsBytes(report)))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        }
        // A member known only from its ChatonsInfos files may give no country: listed without one.
        Member declared = new Member("declared", DECLARED, "", List.of("declared.example.org"),
                LocalDate.parse("2099-12-31"), null, List.of());
        server.getApplicationContext().getBean(HostRegistry.class).acceptDeclared(declared,
                List.of(Fixtures.host("declared", "pad-d", "pad", 10, 100),
                        Fixtures.host("declared", "poll-d", "poll", 10, 100)), now, 60);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String page(String path, int status) throws IOException, InterruptedException {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(server.getURI() + path))
                .header("Accept", PickerPagesTest.BROWSER_ACCEPT).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(path).isEqualTo(status);
        return answer.body();
    }

    /** What a person reads: the text between the tags, entities decoded, and the title and labels. */
    static String words(String html) {
        return TAG.matcher(html).replaceAll("\n").replace("&#39;", "'").replace("&quot;", "\"")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    @Test
    void everyPageInBothLanguagesForEveryCountryFollowsTheRules() throws Exception {
        List<String> problems = new ArrayList<>();
        int pages = 0;
        for (String lang : List.of("fr", "en")) {
            Locale locale = Locale.forLanguageTag(lang);
            pages += check(problems, lang, "/?lang=" + lang, page("/?lang=" + lang, 200), null);
            pages += check(problems, lang, "/services/nope", page("/services/nope?lang=" + lang, 404), null);
            for (String code : NAMES.codes()) {
                String near = "?lang=" + lang + "&near=" + code;
                String in = NAMES.in(code, locale);
                pages += check(problems, lang, "/" + near, page("/" + near, 200), null);
                String pad = page("/services/pad" + near, 200);
                pages += check(problems, lang, "/services/pad" + near, pad, in);
                if (!words(pad).contains("\n" + DECLARED + "\n")) {
                    problems.add("/services/pad" + near + ": the member without a country is not listed");
                }
                pages += check(problems, lang, "/go/visio" + near, page("/go/visio" + near, 503), in);
                String poll = page("/services/poll" + near, 200);
                pages += check(problems, lang, "/services/poll" + near, poll, in);
                if (!poll.contains("class=\"near-away\"")) {
                    problems.add("/services/poll" + near + ": does not say they will be sent elsewhere");
                }
            }
        }
        assertThat(pages).isEqualTo(2 * (2 + 4 * NAMES.codes().size()));
        assertThat(problems).isEmpty();
    }

    private static int check(List<String> problems, String lang, String path, String html, String in) {
        String text = words(html);
        if (in != null && !text.contains(in)) {
            problems.add(path + ": does not say \"" + in + "\"");
        }
        if (text.contains("()") || text.contains("(null)") || text.contains("(\n")) {
            problems.add(path + ": an empty ()");
        }
        if (text.contains("??") || text.contains("{") || text.contains("}")) {
            problems.add(path + ": a text left unformatted");
        }
        Matcher percent = PERCENT.matcher(text);
        while (percent.find()) {
            String p = percent.group();
            boolean right = lang.equals("en") ? p.matches("\\d+%") : p.matches("\\d+" + NNBSP + "%");
            if (!right) {
                problems.add(path + ": \"" + p + "\"");
            }
        }
        if (lang.equals("fr")) {
            Matcher spacing = FRENCH_SPACING.matcher(text.replace("\n", ""));
            TreeSet<String> found = new TreeSet<>();
            while (spacing.find()) {
                found.add(spacing.group());
            }
            found.forEach(f -> problems.add(path + ": French spacing \"" + f + "\""));
            for (String jargon : List.of("empreinte chiffrée", "courtier", "broker")) {
                if (text.contains(jargon)) {
                    problems.add(path + ": \"" + jargon + "\"");
                }
            }
        } else {
            for (String jargon : List.of("broker", "hash", "keyed")) {
                if (text.toLowerCase(Locale.ROOT).contains(jargon)) {
                    problems.add(path + ": \"" + jargon + "\"");
                }
            }
        }
        return 1;
    }
}
