package org.chatons.entraide.broker.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chatons.entraide.broker.Fixtures.host;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.chatons.entraide.broker.BrokerTestBase;
import org.chatons.entraide.broker.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code POST /api/v1/reports}: every refusal, its status and words, and that it changes nothing. */
@MicronautTest
class ReportApiTest extends BrokerTestBase {

    /** A valid report from alpha, with one host whose fields a test may spoil. */
    String body(String hostFields) {
        return """
                {"member":"alpha","sentAt":"%s","intervalSeconds":30,"hosts":[{%s}]}
                """.formatted(now(), hostFields);
    }

    static final String GOOD_HOST = """
            "id":"pad-1","service":"pad","software":"etherpad","url":"https://pad1.alpha.example.org/",\
            "status":"UP","acceptsNewUsers":true,"activeUsers":42,"capacityUsers":200,"load":0.21""";

    HttpResponse<String> postAlpha(String body) {
        return post("/api/v1/reports", "token-alpha", "application/json", body);
    }

    @BeforeEach
    void alphaHasOneHost() {
        assertThat(report("alpha", host("alpha", "pad-0", "pad", 10, 100)).statusCode()).isEqualTo(202);
        clock.advance(Duration.ofSeconds(1));
    }

    /** The federation as the hosts API shows it: a rejected report must leave it as it was. */
    String padHosts() {
        return get("/api/v1/services/pad/hosts").body();
    }

    void assertProblem(HttpResponse<String> response, int status, String field, String reasonPart) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        Map<String, Object> problem = parse(response);
        assertThat(problem.get("status")).isEqualTo(status);
        assertThat(problem.get("detail").toString()).contains(field).contains(reasonPart);
        @SuppressWarnings("unchecked")
        List<Map<String, String>> errors = (List<Map<String, String>>) problem.get("errors");
        assertThat(errors).anySatisfy(e -> {
            assertThat(e.get("field")).isEqualTo(field);
            assertThat(e.get("reason")).contains(reasonPart);
        });
    }

    @Test
    void aValidReportIsAcceptedAndReplacesTheMembersHosts() {
        HttpResponse<String> response = postAlpha(body(GOOD_HOST));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).isEqualTo("{\"accepted\":1}");
        assertThat(padHosts()).contains("\"id\":\"pad-1\"").doesNotContain("\"id\":\"pad-0\"");
    }

    @Test
    void everyInvalidFieldIsNamedAndNothingChanges() {
        String before = padHosts();

        assertProblem(postAlpha(body(GOOD_HOST.replace("\"activeUsers\":42", "\"activeUsers\":-1"))), 400,
                "hosts[0].activeUsers", "must be 0 or more (null when unknown), got -1");
        assertProblem(postAlpha(body(GOOD_HOST.replace("\"capacityUsers\":200", "\"capacityUsers\":0"))), 400,
                "hosts[0].capacityUsers", "must be 1 or more");
        assertProblem(postAlpha(body(GOOD_HOST.replace("\"service\":\"pad\"", "\"service\":\"wiki\""))), 400,
                "hosts[0].service", "unknown service 'wiki' (expected one of [pad, calc, visio");
        assertProblem(postAlpha(body(GOOD_HOST.replace("\"software\":\"etherpad\"", "\"software\":\"Ether Pad\""))),
                400, "hosts[0].software", "got 'Ether Pad'");
        assertProblem(postAlpha(body(GOOD_HOST + ",\"measuredAt\":\"" + now().minusSeconds(61) + "\"")), 400,
                "hosts[0].measuredAt", "must be at most 2 intervals (60 s) before sentAt");
        assertProblem(postAlpha(body(GOOD_HOST + ",\"detail\":\"" + "x".repeat(201) + "\"")), 400,
                "hosts[0].detail", "at most 200 characters");
        assertProblem(postAlpha(body(GOOD_HOST.replace("\"load\":0.21", "\"load\":-0.5"))), 400,
                "hosts[0].load", "between 0 and 100");
        assertProblem(postAlpha(body(GOOD_HOST.replace(",\"acceptsNewUsers\":true", ""))), 400,
                "hosts[0].acceptsNewUsers", "required");
        assertProblem(postAlpha(body(GOOD_HOST.replace("https://pad1", "http://pad1"))), 400,
                "hosts[0].url", "must use https");
        assertProblem(postAlpha(body(GOOD_HOST + "}, {" + GOOD_HOST)), 400, "hosts[1].id", "appears twice");
        assertProblem(postAlpha(body(GOOD_HOST).replace("\"intervalSeconds\":30", "\"intervalSeconds\":0")), 400,
                "intervalSeconds", "must be from 5 to 600 seconds (10 minutes), got 0");
        assertProblem(postAlpha(body(GOOD_HOST).replace("\"intervalSeconds\":30", "\"intervalSeconds\":601")), 400,
                "intervalSeconds", "must be from 5 to 600 seconds (10 minutes), got 601");

        assertThat(padHosts()).isEqualTo(before);
    }

    @Test
    void aUrlWithAUserNameIsRefusedWithoutShowingIt() {
        HttpResponse<String> response = postAlpha(body(GOOD_HOST.replace("https://pad1", "https://alice:s3cret@pad1")));

        assertProblem(response, 400, "hosts[0].url",
                "'https://***@pad1.alpha.example.org/' must not contain a user name or password");
        assertThat(response.body()).doesNotContain("s3cret", "alice");
    }

    @Test
    void whenEachHostWasMeasuredIsTakenWithinTwoIntervalsBeforeSentAt() {
        String at = "\"measuredAt\":\"%s\"";
        String before = padHosts();

        assertProblem(postAlpha(body(GOOD_HOST + "," + at.formatted(now().plusMillis(1)))), 400,
                "hosts[0].measuredAt", "must not be after sentAt");
        assertProblem(postAlpha(body(GOOD_HOST + "," + at.formatted(now().minusSeconds(61)))), 400,
                "hosts[0].measuredAt", "must be at most 2 intervals (60 s) before sentAt");
        assertProblem(postAlpha(body(GOOD_HOST + ",\"detail\":\"" + "x".repeat(201) + "\"")), 400,
                "hosts[0].detail", "at most 200 characters");
        assertProblem(postAlpha(body(GOOD_HOST + ",\"measuredAt\":\"just now\"")), 400,
                "hosts[0].measuredAt", "expected an ISO-8601 instant");
        assertThat(padHosts()).isEqualTo(before);

        assertThat(postAlpha(body(GOOD_HOST + "," + at.formatted(now().minusSeconds(60)))).statusCode()).isEqualTo(202);
    }

    @Test
    void allTheErrorsOfAReportAreListedAtOnce() {
        HttpResponse<String> response = postAlpha(body(GOOD_HOST.replace("\"activeUsers\":42", "\"activeUsers\":-1")
                .replace("\"status\":\"UP\",", "")));

        assertProblem(response, 400, "hosts[0].activeUsers", "0 or more");
        assertProblem(response, 400, "hosts[0].status", "required");
    }

    @Test
    void anUnknownUserCountIsNullOrLeftOut() {
        String nullUsers = GOOD_HOST.replace("\"activeUsers\":42", "\"activeUsers\":null");
        String noUsers = GOOD_HOST.replace("\"activeUsers\":42,", "");

        assertThat(postAlpha(body(nullUsers)).statusCode()).isEqualTo(202);
        clock.advance(Duration.ofSeconds(1));
        assertThat(postAlpha(body(noUsers)).statusCode()).isEqualTo(202);
        assertThat(padHosts()).contains("\"activeUsers\":null");
    }

    @Test
    void aUserCountMayBeUnknownButNeverNegativeNorAFraction() {
        String before = padHosts();

        assertProblem(postAlpha(body(GOOD_HOST.replace("\"activeUsers\":42", "\"activeUsers\":-1"))), 400,
                "hosts[0].activeUsers", "0 or more");
        assertProblem(postAlpha(body(GOOD_HOST.replace("\"activeUsers\":42", "\"activeUsers\":1.5"))), 400,
                "hosts[0].activeUsers", "expected a whole number, got 1.5");
        assertProblem(postAlpha(body(GOOD_HOST.replace("\"activeUsers\":42", "\"activeUsers\":\"unknown\""))),
                400, "hosts[0].activeUsers", "expected a whole number, got \"unknown\"");

        assertThat(padHosts()).isEqualTo(before);
    }

    @Test
    void notANumberIsRefused() {
        assertThat(postAlpha(body(GOOD_HOST.replace("\"load\":0.21", "\"load\":NaN"))).statusCode()).isEqualTo(400);
        assertProblem(postAlpha(body(GOOD_HOST.replace("\"load\":0.21", "\"load\":\"NaN\""))), 400,
                "hosts[0].load", "expected a number, got a string");
    }

    @Test
    void malformedBodiesAreRefusedWithTheFieldWhenThereIsOne() {
        assertProblem(postAlpha("{\"member\":\"alpha\", \"hosts\": ["), 400, "body", "");
        assertProblem(postAlpha(""), 400, "body", "empty");
        assertProblem(postAlpha(body(GOOD_HOST.replace("\"activeUsers\":42", "\"activeUsers\":\"many\""))), 400,
                "hosts[0].activeUsers", "expected a whole number, got \"many\"");
        assertProblem(postAlpha(body(GOOD_HOST.replace("\"activeUsers\":42", "\"activeUsers\":4.5"))), 400,
                "hosts[0].activeUsers", "expected a whole number, got 4.5");
        assertProblem(postAlpha(body(GOOD_HOST.replace("\"UP\"", "\"SIDEWAYS\""))), 400,
                "hosts[0].status", "expected one of [UP, DEGRADED, DOWN], got \"SIDEWAYS\"");
        assertProblem(postAlpha(body(GOOD_HOST).replace(now().toString(), "yesterday")), 400,
                "sentAt", "expected an ISO-8601 instant");
        assertProblem(postAlpha("[1, 2]"), 400, "body", "expected a JSON object");
    }

    @Test
    void aReportFromTheFutureIsRefused() {
        String fromTheFuture = body(GOOD_HOST).replace(now().toString(), now().plusSeconds(301).toString());
        assertProblem(postAlpha(fromTheFuture), 400, "sentAt", "ahead of the broker's clock");

        String slightlyAhead = body(GOOD_HOST).replace(now().toString(), now().plusSeconds(299).toString());
        assertThat(postAlpha(slightlyAhead).statusCode()).isEqualTo(202);
    }

    @Test
    void aMissingOrUnknownTokenIs401() {
        HttpResponse<String> missing = post("/api/v1/reports", null, "application/json", body(GOOD_HOST));
        assertProblem(missing, 401, "Authorization", "missing");
        assertThat(missing.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertProblem(post("/api/v1/reports", "token-nobody", "application/json", body(GOOD_HOST)), 401,
                "Authorization", "unknown token");
    }

    @Test
    void anotherMembersReportOrAForeignUrlIs403() {
        String before = padHosts();

        assertProblem(post("/api/v1/reports", "token-beta", "application/json", body(GOOD_HOST)), 403,
                "member", "'alpha' is not the member this token belongs to");
        assertProblem(postAlpha(body(GOOD_HOST.replace("pad1.alpha.example.org", "pad.beta.example.org"))), 403,
                "hosts[0].url", "is not under the member's domains");
        assertProblem(postAlpha(body(GOOD_HOST.replace("pad1.alpha.example.org", "alpha.example.org.evil.net"))),
                403, "hosts[0].url", "is not under the member's domains");

        assertThat(padHosts()).isEqualTo(before);
    }

    @Test
    void aReportNotNewerThanTheLastAcceptedIs409() {
        String report = body(GOOD_HOST);
        assertThat(postAlpha(report).statusCode()).isEqualTo(202);
        String after = padHosts();

        assertProblem(postAlpha(report), 409, "sentAt", "not newer than the last report");
        assertProblem(postAlpha(report.replace(now().toString(), now().minusSeconds(5).toString())
                .replace("\"activeUsers\":42", "\"activeUsers\":0")), 409, "sentAt", "not newer");

        assertThat(padHosts()).isEqualTo(after);
    }

    @Test
    void anAgentWhoseClockRanAheadIsLetInAsSoonAsItIsSetRightAndReplaysStayRefused() {
        String ahead = body(GOOD_HOST).replace(now().toString(), now().plusSeconds(240).toString());
        assertThat(postAlpha(ahead).statusCode()).isEqualTo(202);
        clock.advance(Duration.ofSeconds(30));

        // Its clock set right, the agent's next report is "older" by four minutes and newer in fact.
        String corrected = body(GOOD_HOST.replace("\"activeUsers\":42", "\"activeUsers\":43"));
        assertThat(post("/api/v1/reports?dry-run=true", "token-alpha", "application/json", corrected).statusCode())
                .isEqualTo(202);
        assertThat(postAlpha(corrected).statusCode()).isEqualTo(202);
        assertThat(padHosts()).contains("\"activeUsers\":43");

        clock.advance(Duration.ofSeconds(5));
        assertProblem(postAlpha(ahead), 409, "sentAt", "not newer");
        assertProblem(postAlpha(corrected), 409, "sentAt", "not newer");
        clock.advance(Duration.ofMinutes(5));
        assertProblem(postAlpha(ahead), 409, "sentAt", "not newer");
        assertThat(padHosts()).contains("\"activeUsers\":43");
    }

    @Test
    void aBodyOverTheLimitIs413() {
        String padding = "x".repeat(70 * 1024);
        String big = body(GOOD_HOST + ",\"padding\":\"" + padding + "\"");

        HttpResponse<String> response = postAlpha(big);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("at most 65536 bytes");
    }

    @Test
    void aBodyThatIsNotJsonIs415() {
        assertProblem(post("/api/v1/reports", "token-alpha", "text/plain", body(GOOD_HOST)), 415,
                "Content-Type", "expected: application/json");
        assertProblem(post("/api/v1/reports", "token-alpha", null, body(GOOD_HOST)), 415, "Content-Type", "");
        assertThat(post("/api/v1/reports", "token-alpha", "application/json; charset=utf-8", body(GOOD_HOST))
                .statusCode()).isEqualTo(202);
    }

    @Test
    void aDryRunChecksEverythingAndChangesNothing() {
        String before = padHosts();

        HttpResponse<String> ok = post("/api/v1/reports?dry-run=true", "token-alpha", "application/json", body(GOOD_HOST));
        assertThat(ok.statusCode()).isEqualTo(202);
        // protocol.ReportReceipt: its fields in their order, the dry run said only when there was one.
        assertThat(ok.body()).isEqualTo("{\"accepted\":1,\"dryRun\":true}");
        assertThat(post("/api/v1/reports?dry-run=true", "token-nobody", "application/json", body(GOOD_HOST))
                .statusCode()).isEqualTo(401);
        assertThat(post("/api/v1/reports?dry-run=true", "token-alpha", "application/json",
                body(GOOD_HOST.replace("\"activeUsers\":42", "\"activeUsers\":-3"))).statusCode()).isEqualTo(400);

        assertThat(padHosts()).isEqualTo(before);
        // The same report, for real, is still new: the dry run did not record its sentAt.
        HttpResponse<String> real = postAlpha(body(GOOD_HOST));
        assertThat(real.statusCode()).isEqualTo(202);
        assertThat(real.body()).isEqualTo("{\"accepted\":1}");
    }

    @Test
    void unknownFieldsAreIgnoredSoNewerAgentsCanTalkToOlderBrokers() {
        HttpResponse<String> answer = postAlpha(body(GOOD_HOST + ",\"cpu\":0.5"));

        assertThat(answer.statusCode()).isEqualTo(202);
        assertThat(parse(answer)).containsEntry("accepted", 1);
        // The host is taken with the fields the broker knows; the one it does not know is kept nowhere.
        assertThat(padHosts()).contains("\"id\":\"pad-1\"", "\"activeUsers\":42").doesNotContain("cpu");
    }
}
