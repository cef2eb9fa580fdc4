package org.chatons.entraide.broker.reports;

import io.micronaut.http.MediaType;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.chatons.entraide.broker.members.Member;
import org.chatons.entraide.broker.members.Members;
import org.chatons.entraide.broker.registry.HostRegistry;
import org.chatons.entraide.broker.registry.ReplayedReportException;
import org.chatons.entraide.protocol.Report;

/**
 * Takes a report from the wire to the registry: token, form, content, ownership, freshness, in that order.
 * Every check happens before the registry is touched, so a rejected report changes nothing.
 */
@Singleton
public final class ReportIntake {

    private final Members members;
    private final ReportValidator validator;
    private final HostRegistry registry;
    private final JsonMapper json;
    private final Clock clock;
    private final ReportListener metrics;

    public ReportIntake(Members members, ReportValidator validator, HostRegistry registry, JsonMapper json,
                        Clock clock, ReportListener metrics) {
        this.members = members;
        this.validator = validator;
        this.registry = registry;
        this.json = json;
        this.clock = clock;
        this.metrics = metrics;
    }

    /**
     * @param bearerToken the token from the Authorization header, or null
     * @param contentType the request's content type, or null
     * @param body        the raw body (never larger than the server's request size limit)
     * @param dryRun      check everything, change nothing
     * @return how many hosts the report carried
     * @throws Rejection  for any problem, after counting it
     */
    public int receive(String bearerToken, MediaType contentType, byte[] body, boolean dryRun) {
        String memberLabel = null;
        try {
            Member member = members.current().byToken(bearerToken).orElseThrow(() -> new Rejection(Outcome.UNAUTHORIZED,
                    "Authorization", bearerToken == null ? "missing: send 'Authorization: Bearer <member token>'"
                    : "unknown token"));
            memberLabel = member.id();
            if (contentType == null || !MediaType.APPLICATION_JSON_TYPE.matches(contentType)) {
                throw new Rejection(Outcome.UNSUPPORTED_MEDIA_TYPE, "Content-Type",
                        "'" + contentType + "' (expected: application/json)");
            }
            if (body.length > Report.MAX_BYTES) {
                throw tooLarge(body.length);
            }
            Report report = parse(body);
            Instant now = clock.instant();
            validator.validate(report, member, now);
            if (dryRun) {
                registry.checkNewer(member, report.sentAt(), now);
            } else {
                registry.accept(member, report, now);
            }
            metrics.report(memberLabel, dryRun ? Outcome.DRY_RUN : Outcome.ACCEPTED);
            return report.hosts().size();
        } catch (ReplayedReportException e) {
            count(memberLabel, Outcome.REPLAY);
            throw new Rejection(Outcome.REPLAY, "sentAt", e.getMessage());
        } catch (Rejection e) {
            count(memberLabel, e.outcome());
            throw e;
        }
    }

    /** Per member once the token names one; before that, in the unauthenticated series. */
    private void count(String member, Outcome outcome) {
        if (member == null) {
            metrics.unauthenticatedReport(outcome);
        } else {
            metrics.report(member, outcome);
        }
    }

    /** Counts and words the refusal of a body the server would not even read, being over its size limit. */
    public Rejection refuseOversized(long length) {
        metrics.unauthenticatedReport(Outcome.TOO_LARGE);
        return tooLarge(length);
    }

    private static Rejection tooLarge(long length) {
        return new Rejection(Outcome.TOO_LARGE, "body", "at most " + Report.MAX_BYTES + " bytes"
                + (length > 0 ? ", got " + length : ""));
    }

    private Report parse(byte[] body) {
        if (body.length == 0) {
            throw new Rejection(Outcome.MALFORMED, "body", "empty: expected a JSON report");
        }
        JsonNode tree;
        try {
            tree = json.readValue(body, JsonNode.class);
        } catch (IOException | RuntimeException e) {
            String message = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            throw new Rejection(Outcome.MALFORMED, "body", "not valid JSON: "
                    + (message.length() > 200 ? message.substring(0, 200) : message));
        }
        if (tree == null) {
            throw new Rejection(Outcome.MALFORMED, "body", "expected a JSON object");
        }
        List<FieldError> wrongTypes = ReportShape.check(tree);
        if (!wrongTypes.isEmpty()) {
            throw new Rejection(Outcome.MALFORMED, wrongTypes);
        }
        try {
            return json.readValueFromTree(tree, Report.class);
        } catch (IOException | RuntimeException e) {
            // The shape check covers every field, so this is a gap in it: still the client's report at fault.
            throw new Rejection(Outcome.MALFORMED, "body", String.valueOf(e.getMessage()));
        }
    }
}
