package org.chatons.entraide.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The rules both ends of the wire apply, and their words. */
class WireRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://pad.example.org/", "HTTPS://pad.example.org/p/x?lang=fr", "http://localhost:9001/",
            "http://127.0.0.1/", "http://127.255.0.9:8080/", "http://[::1]:9001/", "https://[2001:db8::1]/"})
    void hostUrlsThatAreFine(String url) {
        assertThat(WireRules.hostUrlProblem(url)).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "http://pad.example.org/|'http://pad.example.org/' must use https (http only on localhost, 127.0.0.0/8 or [::1])",
        "http://localhost.example.org/|'http://localhost.example.org/' must use https (http only on localhost, 127.0.0.0/8 or [::1])",
        "http://127.0.0.1.nip.io/|'http://127.0.0.1.nip.io/' must use https (http only on localhost, 127.0.0.0/8 or [::1])",
        "http://127.0.0.256/|'http://127.0.0.256/' must be an absolute URL with a host, such as https://pad.example.org/",
        "http://10.0.0.1/|'http://10.0.0.1/' must use https (http only on localhost, 127.0.0.0/8 or [::1])",
        "ftp://pad.example.org/|'ftp://pad.example.org/' must use https (http only on localhost, 127.0.0.0/8 or [::1])",
        "pad.example.org|'pad.example.org' must be an absolute URL with a host, such as https://pad.example.org/",
        "https:///path|'https:///path' must be an absolute URL with a host, such as https://pad.example.org/",
        "https://alice:s3cret@pad.example.org/|'https://***@pad.example.org/' must not contain a user name or password",
        "https://alice@localhost/|'https://***@localhost/' must not contain a user name or password",
        "https://pad example.org/|'https://pad example.org/' is not a valid URL: Illegal character in authority",
    })
    void hostUrlsThatAreRefusedAndWhy(String url, String problem) {
        assertThat(WireRules.hostUrlProblem(url)).isEqualTo(problem);
    }

    @Test
    void aUrlIsRequiredAndBounded() {
        assertThat(WireRules.hostUrlProblem(null)).isEqualTo("required");
        String longest = "https://pad.example.org/" + "x".repeat(WireRules.MAX_URL - 24);
        assertThat(WireRules.hostUrlProblem(longest)).isNull();
        assertThat(WireRules.hostUrlProblem(longest + "x")).isEqualTo("at most 2048 characters, got 2049");
    }

    @Test
    void missingFieldsSayWhatIsExpected() {
        assertThat(WireRules.requiredProblem(null)).isEqualTo("required");
        assertThat(WireRules.requiredProblem("pad")).isNull();
        assertThat(WireRules.sentAtProblem(null)).isEqualTo("required (an ISO-8601 instant such as 2026-11-23T18:00:00Z)");
        assertThat(WireRules.sentAtProblem(Instant.EPOCH)).isNull();
        assertThat(WireRules.statusProblem(null)).isEqualTo("required (UP, DEGRADED or DOWN)");
        assertThat(WireRules.statusProblem(HostStatus.DOWN)).isNull();
        assertThat(WireRules.acceptsNewUsersProblem(null)).isEqualTo("required (true or false)");
        assertThat(WireRules.acceptsNewUsersProblem(false)).isNull();
        assertThat(WireRules.hostEntryProblem(null)).isEqualTo("must be an object");
        assertThat(WireRules.repeatedHostIdProblem("pad-1")).isEqualTo("'pad-1' appears twice in the report");
    }

    @Test
    void aUserNameIsNeverShownEvenInAUrlThatDoesNotParse() {
        assertThat(WireRules.hostUrlProblem("https://bob:pa ss@pad.example.org/")).startsWith("'https://***@pad.example.org/'")
                .doesNotContain("bob", "pa ss");
        assertThat(WireRules.withoutUserInfo("https://bob:x@broker.example.org/api?x=1")).isEqualTo("https://***@broker.example.org/api?x=1");
        assertThat(WireRules.withoutUserInfo("https://broker.example.org/a@b")).isEqualTo("https://broker.example.org/a@b");
        assertThat(WireRules.userInfoProblem(URI.create("https://broker.example.org/"))).isNull();
    }

    @Test
    void idsAndSoftwareNames() {
        assertThat(WireRules.idProblem("pad-1")).isNull();
        assertThat(WireRules.idProblem("x".repeat(64))).isNull();
        assertThat(WireRules.idProblem("x".repeat(65))).startsWith("must be 1 to 64 of a-z, 0-9 and -, got 'xxx");
        assertThat(WireRules.idProblem("Pad_1")).isEqualTo("must be 1 to 64 of a-z, 0-9 and -, got 'Pad_1'");
        assertThat(WireRules.idProblem("")).isEqualTo("must be 1 to 64 of a-z, 0-9 and -, got ''");
        assertThat(WireRules.idProblem(null)).isEqualTo("required");
        assertThat(WireRules.isId("pad-1")).isTrue();
        assertThat(WireRules.isId(null)).isFalse();

        assertThat(WireRules.softwareProblem("etherpad")).isNull();
        assertThat(WireRules.softwareProblem("nextcloud.hub_8-x")).isNull();
        assertThat(WireRules.softwareProblem("-x")).isEqualTo(
                "must be lower-case letters, digits, '.', '_' or '-' (at most 64), got '-x'");
        assertThat(WireRules.softwareProblem("Etherpad")).isNotNull();
        assertThat(WireRules.softwareProblem(null)).isEqualTo("required");
    }

    @Test
    void aValueShownInAMessageIsCutPastAHundredCharacters() {
        String hundred = "X".repeat(100);

        assertThat(WireRules.idProblem(hundred)).endsWith("got '" + hundred + "'");
        assertThat(WireRules.idProblem(hundred + "Y")).endsWith("got '" + hundred + "...'");
    }

    @Test
    void theIntervalRangeBothEndsAgreeOn() {
        assertThat(WireRules.intervalProblem(5)).isNull();
        assertThat(WireRules.intervalProblem(600)).isNull();
        assertThat(WireRules.intervalProblem(4)).isEqualTo("must be from 5 to 600 seconds (10 minutes), got 4");
        assertThat(WireRules.intervalProblem(601)).isEqualTo("must be from 5 to 600 seconds (10 minutes), got 601");
        assertThat(WireRules.intervalProblem(null)).isEqualTo("required");
    }

    @Test
    void figuresAndTheirBounds() {
        assertThat(WireRules.activeUsersProblem(null)).isNull();
        assertThat(WireRules.activeUsersProblem(0)).isNull();
        assertThat(WireRules.activeUsersProblem(-1)).isEqualTo("must be 0 or more (null when unknown), got -1");
        assertThat(WireRules.capacityUsersProblem(1)).isNull();
        assertThat(WireRules.capacityUsersProblem(0)).isEqualTo("must be 1 or more, got 0");
        assertThat(WireRules.capacityUsersProblem(null)).isEqualTo("required");
        assertThat(WireRules.loadProblem(null)).isNull();
        assertThat(WireRules.loadProblem(0.0)).isNull();
        assertThat(WireRules.loadProblem(100.0)).isNull();
        assertThat(WireRules.loadProblem(100.5)).isEqualTo("must be a number between 0 and 100 (1.0 = full), got 100.5");
        assertThat(WireRules.loadProblem(Double.NaN)).isNotNull();
        assertThat(WireRules.loadProblem(-0.1)).isNotNull();
        assertThat(WireRules.detailProblem(null)).isNull();
        assertThat(WireRules.detailProblem("x".repeat(200))).isNull();
        assertThat(WireRules.detailProblem("x".repeat(201))).isEqualTo("at most 200 characters, got 201");
        assertThat(WireRules.hostCountProblem(1)).isNull();
        assertThat(WireRules.hostCountProblem(1000)).isNull();
        assertThat(WireRules.hostCountProblem(0)).isEqualTo("required: a list of at least one host");
        assertThat(WireRules.hostCountProblem(1001)).isEqualTo("at most 1000 hosts per report, got 1001");
    }

    @Test
    void aHostIsMeasuredNotAfterItsReportAndNotMoreThanTwoIntervalsBefore() {
        Instant sentAt = Instant.parse("2026-11-23T18:00:00Z");

        assertThat(WireRules.measuredAtProblem(null, sentAt, 30)).as("optional").isNull();
        assertThat(WireRules.measuredAtProblem(sentAt, sentAt, 30)).isNull();
        assertThat(WireRules.measuredAtProblem(sentAt.minusSeconds(60), sentAt, 30)).isNull();
        assertThat(WireRules.measuredAtProblem(sentAt.plusMillis(1), sentAt, 30))
                .isEqualTo("must not be after sentAt (2026-11-23T18:00:00Z), got 2026-11-23T18:00:00.001Z");
        assertThat(WireRules.measuredAtProblem(sentAt.minusSeconds(61), sentAt, 30))
                .isEqualTo("must be at most 2 intervals (60 s) before sentAt (2026-11-23T18:00:00Z), got 2026-11-23T17:58:59Z");
        assertThat(WireRules.measuredAtProblem(sentAt.minusSeconds(3600), sentAt, 0))
                .as("an interval that is itself wrong is reported on its own").isNull();
        assertThat(WireRules.measuredAtProblem(sentAt.plusSeconds(1), null, 30)).isNull();
    }

    @Test
    void aHostIsUpSinceAMeasurementAlreadyMadeAndOnlyWhileUpAndOpen() {
        Instant sentAt = Instant.parse("2026-11-23T18:00:00Z");
        Instant measuredAt = sentAt.minusSeconds(10);

        assertThat(WireRules.upSinceProblem(null, HostStatus.DOWN, false, measuredAt, sentAt)).as("optional").isNull();
        assertThat(WireRules.upSinceProblem(measuredAt, HostStatus.UP, true, measuredAt, sentAt)).isNull();
        assertThat(WireRules.upSinceProblem(Instant.EPOCH, HostStatus.DEGRADED, true, measuredAt, sentAt))
                .as("no lower bound: long up is warm").isNull();
        assertThat(WireRules.upSinceProblem(measuredAt.plusMillis(1), HostStatus.UP, true, measuredAt, sentAt))
                .isEqualTo("must not be after measuredAt (2026-11-23T17:59:50Z), got 2026-11-23T17:59:50.001Z");
        assertThat(WireRules.upSinceProblem(sentAt.plusSeconds(1), HostStatus.UP, true, null, sentAt))
                .isEqualTo("must not be after sentAt (2026-11-23T18:00:00Z), got 2026-11-23T18:00:01Z");
        assertThat(WireRules.upSinceProblem(measuredAt, HostStatus.DOWN, true, measuredAt, sentAt))
                .startsWith("must be left out of a host that is DOWN or takes no new users");
        assertThat(WireRules.upSinceProblem(measuredAt, HostStatus.UP, false, measuredAt, sentAt))
                .startsWith("must be left out of a host that is DOWN or takes no new users");
    }
}
