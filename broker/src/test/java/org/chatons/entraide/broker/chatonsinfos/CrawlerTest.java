package org.chatons.entraide.broker.chatonsinfos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.chatons.entraide.broker.TestClock;
import org.chatons.entraide.broker.publicprobe.OutsideHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The crawl's rules and bounds, against a real HTTP server: what is followed, what is not, what one bad file costs. */
class CrawlerTest {

    private final Site site = new Site();
    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    /** Long enough for any answer of a local site on a busy machine; only the one that never comes times out. */
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final OutsideHttp http = new OutsideHttp(TIMEOUT, 4096, "Entraide test (+https://example.org/)");

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        site.close();
        pool.shutdownNow();
        http.close();
    }

    static ChatonsInfosConfig config(String federation, int maxFiles, int maxSubs) {
        return new ChatonsInfosConfig(federation, Duration.ofHours(1), 50, maxFiles, maxSubs, 4096,
                TIMEOUT, Duration.ofSeconds(60), 4, Duration.ofDays(1));
    }

    Crawler crawler(String federation, int maxFiles, int maxSubs) {
        return new Crawler(config(federation, maxFiles, maxSubs), http, pool, new TestClock());
    }

    String url(String path) {
        return site.origin() + path;
    }

    @Test
    void relativeSubsAreResolvedAgainstTheirFileAndEachAddressIsReadOnce() throws Exception {
        site.put("/fed/federation.properties", Site.Page.text("file.class = federation\nfederation.name = Test\n"
                + "subs.a = ../a/org.properties\nsubs.b = " + url("/b/org.properties") + "\n"));
        site.put("/a/org.properties", Site.Page.text("subs.pad = pad.properties\nsubs.again = ./pad.properties\n"
                + "subs.loop = ../fed/federation.properties\n"));
        site.put("/a/pad.properties", Site.Page.text("service.name = Pad\n"));
        site.put("/b/org.properties", Site.Page.text("subs.pad = /a/pad.properties\n"));
        Crawl crawl = crawler(url("/fed/federation.properties"), 100, 10).crawl();
        assertThat(crawl.organizations()).extracting(Crawl.Organization::id).containsExactly("a", "b");
        assertThat(crawl.organizations().get(0).services()).extracting(s -> s.file().uri().getPath())
                .containsExactly("/a/pad.properties", "/a/pad.properties", "/fed/federation.properties");
        assertThat(crawl.organizations().get(0).services().get(0).file().properties().get("service.name"))
                .contains("Pad");
        assertThat(site.requestsTo("/a/pad.properties")).isEqualTo(1);
        assertThat(site.requestsTo("/fed/federation.properties")).isEqualTo(1);
        assertThat(crawl.requests()).isEqualTo(4);
    }

    @Test
    void plainHttpElsewhereThanTheLoopbackAndOtherSchemesAreNotFollowed() throws Exception {
        site.put("/fed.properties", Site.Page.text("subs.a = http://example.org/org.properties\n"
                + "subs.b = ftp://example.org/org.properties\nsubs.c = file:///etc/passwd\n"
                + "subs.d = https://user:pw@example.org/x.properties\n"));
        Crawl crawl = crawler(url("/fed.properties"), 100, 10).crawl();
        assertThat(crawl.organizations()).extracting(o -> o.file().problem()).containsExactly(
                "'http://example.org/org.properties' must use https (http only on localhost, 127.0.0.0/8 or [::1])",
                "'ftp://example.org/org.properties' must use https (http only on localhost, 127.0.0.0/8 or [::1])",
                "a file path is followed only from a federation file given as a path",
                "'https://***@example.org/x.properties' must not contain a user name or password");
        assertThat(crawl.requests()).isEqualTo(1);
    }

    @Test
    void subsFilesAndBytesAreBounded() throws Exception {
        StringBuilder fed = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            fed.append("subs.o").append(i).append(" = /o").append(i).append(".properties\n");
            site.put("/o" + i + ".properties", Site.Page.text("organization.name = O" + i + "\n"));
        }
        site.put("/fed.properties", Site.Page.text(fed.toString()));
        site.put("/o1.properties", Site.Page.text("organization.name = " + "x".repeat(5000) + "\n"));
        Crawl crawl = crawler(url("/fed.properties"), 5, 20).crawl();
        assertThat(crawl.organizations()).hasSize(20);
        assertThat(crawl.organizations().get(1).file().problem()).contains("larger than 4 KiB");
        assertThat(crawl.organizations().stream().filter(o -> o.file().readable())).hasSize(4);
        assertThat(crawl.organizations().get(19).file().problem()).contains("max-files");
        assertThat(crawl.requests()).isLessThanOrEqualTo(6);
    }

    @Test
    void oneBadFileCostsThatFileOnlyAndItsLastGoodCopyStandsIn() throws Exception {
        site.put("/fed.properties", Site.Page.text("subs.a = /a.properties\nsubs.b = /b.properties\n"));
        site.put("/a.properties", Site.Page.text("organization.name = A\n"));
        site.put("/b.properties", Site.Page.text("organization.name = B\n"));
        Crawler crawler = crawler(url("/fed.properties"), 100, 10);
        crawler.crawl();
        site.put("/a.properties", Site.Page.status(503));
        site.put("/b.properties", Site.Page.text("organization.name = B2\n").after(Duration.ofSeconds(30)));
        Crawl crawl = crawler.crawl();
        Crawl.File a = crawl.organizations().get(0).file();
        assertThat(a.fromLastGoodCopy()).isTrue();
        assertThat(a.problem()).isEqualTo("answers 503");
        assertThat(a.properties().get("organization.name")).contains("A");
        Crawl.File b = crawl.organizations().get(1).file();
        assertThat(b.problem()).contains("no answer within");
        assertThat(b.properties().get("organization.name")).contains("B");
    }

    @Test
    void redirectsAreFollowedUnderTheSameRules() throws Exception {
        site.put("/fed.properties", Site.Page.text("subs.a = /moved.properties\nsubs.b = /away.properties\n"
                + "subs.c = /nowhere.properties\nsubs.d = /loop.properties\n"));
        site.put("/moved.properties", Site.Page.redirect("/new/org.properties"));
        site.put("/new/org.properties", Site.Page.text("organization.name = Moved\n"));
        site.put("/away.properties", Site.Page.redirect("http://example.org/org.properties"));
        site.put("/nowhere.properties", new Site.Page(301, "text/html", new byte[0], Duration.ZERO));
        site.put("/loop.properties", Site.Page.redirect("/loop.properties"));
        Crawl crawl = crawler(url("/fed.properties"), 100, 10).crawl();
        assertThat(crawl.organizations().get(0).file().properties().get("organization.name")).contains("Moved");
        assertThat(crawl.organizations().get(1).file().problem())
                .isEqualTo("redirected to http://example.org/org.properties: 'http://example.org/org.properties' must use"
                        + " https (http only on localhost, 127.0.0.0/8 or [::1])");
        assertThat(crawl.organizations().get(2).file().problem()).isEqualTo("answers 301");
        assertThat(crawl.organizations().get(3).file().problem()).isEqualTo("answers 302");
        assertThat(site.requestsTo("/loop.properties")).isEqualTo(4);
    }

    @Test
    void aFederationFileThatCannotBeUsedIsSaidSo() {
        site.put("/org.properties", Site.Page.text("file.class = Organization\n"));
        assertThatThrownBy(() -> crawler(url("/missing.properties"), 100, 10).crawl())
                .isInstanceOf(Crawler.FederationUnreadable.class).hasMessageContaining("answers 404");
        assertThatThrownBy(() -> crawler(url("/org.properties"), 100, 10).crawl())
                .hasMessageContaining("file.class is 'Organization' (expected: Federation)");
        assertThatThrownBy(() -> crawler("http://example.org/fed.properties", 100, 10).crawl())
                .hasMessageContaining("must use https");
        assertThatThrownBy(() -> crawler(dir.resolve("none.properties").toString(), 100, 10).crawl())
                .hasMessageContaining("no such file");
    }

    @Test
    void aFederationGivenAsAFilePathMayListFilesAndUrls() throws Exception {
        Files.writeString(dir.resolve("fed.properties"), "subs.local = orgs/a.properties\nsubs.web = "
                + url("/b.properties") + "\n", StandardCharsets.UTF_8);
        Files.createDirectories(dir.resolve("orgs"));
        Files.writeString(dir.resolve("orgs/a.properties"), "organization.name = Local\n");
        site.put("/b.properties", Site.Page.text("organization.name = Web\n"));
        Crawl crawl = crawler(dir.resolve("fed.properties").toString(), 100, 10).crawl();
        assertThat(crawl.federation()).isEqualTo(dir.resolve("fed.properties").toAbsolutePath().toUri());
        assertThat(crawl.organizations()).extracting(o -> o.file().properties().get("organization.name").orElseThrow())
                .containsExactly("Local", "Web");
    }

    @Test
    void everyRequestNamesEntraide() throws Exception {
        site.put("/fed.properties", Site.Page.text("subs.a = /a.properties\n"));
        crawler(url("/fed.properties"), 100, 10).crawl();
        assertThat(site.requests()).hasSize(2).allSatisfy(r -> assertThat(r.userAgent()).contains("Entraide"));
        assertThat(URI.create(url("/x")).getHost()).isEqualTo("127.0.0.1");
    }
}
