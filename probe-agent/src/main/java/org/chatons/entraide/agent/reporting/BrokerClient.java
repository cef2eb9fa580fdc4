package org.chatons.entraide.agent.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.chatons.entraide.agent.config.Secret;
import org.chatons.entraide.agent.http.BoundedExchange;
import org.chatons.entraide.probes.JsonTree;
import org.chatons.entraide.protocol.Report;
import org.chatons.entraide.protocol.ReportReceipt;
import org.chatons.entraide.protocol.WireRules;

/**
 * Sends reports to one broker: {@code POST /api/v1/reports} with the member's bearer token. A dry run
 * ({@code ?dry-run=true}) is validated completely by the broker and changes nothing there.
 * The token goes in the header and nowhere else: not in results, messages or logs.
 */
public final class BrokerClient {

    /** A broker's answer is a small JSON document; anything longer is not read further. */
    private static final int MAX_ANSWER_BYTES = 8 * 1024;

    private final HttpClient client;
    private final URI broker;
    private final Secret token;
    private final Duration timeout;

    /**
     * @param client  the shared HTTP client
     * @param broker  the broker's base URL
     * @param token   the member's token
     * @param timeout how long to wait for the broker's answer
     */
    public BrokerClient(HttpClient client, URI broker, Secret token, Duration timeout) {
        this.client = client;
        this.broker = broker;
        this.token = token;
        this.timeout = timeout;
    }

    /** The broker's base URL, as configured, a user name or password hidden: the label of its metrics and logs. */
    public String name() {
        return name(broker);
    }

    /** How a broker is named in metrics and logs: never with a user name or password, should one be configured. */
    public static String name(URI broker) {
        return WireRules.withoutUserInfo(broker.toString());
    }

    /** Serialises a report as the broker reads it. */
    public static String toJson(Report report) {
        return ReportJson.write(report);
    }

    /**
     * Pushes one report. Network failures are answers too (status 0), so the caller decides what to retry.
     *
     * @param dryRun true to have it validated only
     */
    public PushResult push(Report report, boolean dryRun) throws InterruptedException {
        byte[] body = toJson(report).getBytes(StandardCharsets.UTF_8);
        if (body.length > Report.MAX_BYTES) {
            return new PushResult(413, "the report is " + body.length + " bytes, more than the brokers' "
                    + Report.MAX_BYTES + "; fewer hosts per agent");
        }
        String path = Report.PATH + (dryRun ? "?dry-run=true" : "");
        HttpRequest request = HttpRequest.newBuilder(base().resolve(path.substring(1)))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, application/problem+json")
                .header("Authorization", "Bearer " + token.reveal())
                .header("User-Agent", "entraide-probe-agent")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            // Only the start of the answer is read, within the timeout: a broker's answer is small, a proxy's error
            // page may not be, and a broker that dribbles its answer must not hold this broker's channel.
            BoundedExchange.Result response = BoundedExchange.send(client, request, MAX_ANSWER_BYTES, timeout, timeout);
            return new PushResult(response.status(), describe(new String(response.body(), StandardCharsets.UTF_8)));
        } catch (HttpTimeoutException e) {
            return new PushResult(0, e.getMessage());
        } catch (ConnectException e) {
            return new PushResult(0, "connection refused");
        } catch (IOException e) {
            return new PushResult(0, "network error: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }

    private URI base() {
        String s = broker.toString();
        return URI.create(s.endsWith("/") ? s : s + "/");
    }

    /** The broker's own words: its problem's detail, else the start of the body. */
    static String describe(String body) {
        try {
            JsonNode node = JsonTree.read(body);
            if (node != null && node.hasNonNull("detail")) {
                return node.path("title").asText("") + ": " + node.path("detail").asText();
            }
            if (node != null && node.has(ReportReceipt.ACCEPTED)) {
                return "accepted " + node.path(ReportReceipt.ACCEPTED).asText() + " hosts";
            }
        } catch (IOException e) {
            // not JSON: fall through to the raw text
        }
        String flat = body.strip().replaceAll("\\s+", " ");
        return flat.length() > 120 ? flat.substring(0, 120) + "..." : flat;
    }
}
