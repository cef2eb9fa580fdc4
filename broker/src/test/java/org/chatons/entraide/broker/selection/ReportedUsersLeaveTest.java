package org.chatons.entraide.broker.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.chatons.entraide.broker.Fixtures.host;
import static org.chatons.entraide.broker.Fixtures.member;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.SplittableRandom;
import org.chatons.entraide.broker.Fixtures;
import org.chatons.entraide.broker.TestClock;
import org.chatons.entraide.broker.eligibility.Eligibility;
import org.chatons.entraide.broker.eligibility.EligibilityRules;
import org.chatons.entraide.broker.eligibility.FederationStatus;
import org.chatons.entraide.broker.members.Member;
import org.chatons.entraide.broker.registry.HostRegistry;
import org.chatons.entraide.broker.registry.TrackedHost;
import org.chatons.entraide.protocol.HostReport;
import org.junit.jupiter.api.Test;

/**
 * A report as old as the stays: the users it counts who came through this broker leave as the learned stay says,
 * so a host reported full has room again before its next report; users who came directly are replaced by others
 * who do, so a host full of them stays full.
 */
class ReportedUsersLeaveTest {

    final TestClock clock = new TestClock();
    final HostRegistry registry = new HostRegistry(Fixtures.counting());
    final EligibilityRules rules = new EligibilityRules(Duration.ofMinutes(5), 0.85, ZoneId.of("Europe/Paris"));
    final Dispatcher dispatcher = new Dispatcher(registry, rules, new FederationStatus(registry, rules, clock),
            new PowerOfChoices(2, true), clock, new SplittableRandom(1), PickListener.NONE);
    final Member alpha = member("alpha");
    final Member beta = member("beta");
    final Member gamma = member("gamma");

    void reportNow(Member member, HostReport host) {
        registry.accept(member, Fixtures.report(member.id(), clock.instant(), host), clock.instant());
    }

    TrackedHost tracked(String member) {
        return registry.hosts("pad").stream().filter(t -> t.host().key().member().equals(member)).findFirst()
                .orElseThrow();
    }

    @Test
    void aHostReportedFullOfUsersThisBrokerSentHasRoomAgainOnceTheyHaveLikelyLeft() {
        reportNow(alpha, host("alpha", "a", "pad", 0, 100));
        reportNow(beta, host("beta", "b", "pad", 0, 100));
        // 40 users sent to each, who all arrive: the next reports teach the service a stay (Little's law).
        for (int k = 0; k < 80; k++) {
            clock.advance(Duration.ofMillis(250));
            dispatcher.pick("pad");
        }
        clock.advance(Duration.ofSeconds(10));
        reportNow(alpha, host("alpha", "a", "pad", 40, 100));
        clock.advance(Duration.ofSeconds(1));
        reportNow(beta, host("beta", "b", "pad", 40, 100));
        double stay = registry.weightOf("pad").sentStaySeconds();
        assertThat(stay).isFinite();
        // Then each gets 45 more, and reports 85: full, at full-at. Gamma, full of users who came directly.
        for (int k = 0; k < 90; k++) {
            dispatcher.pick("pad");
        }
        clock.advance(Duration.ofSeconds(10));
        reportNow(alpha, host("alpha", "a", "pad", 85, 100));
        reportNow(beta, host("beta", "b", "pad", 85, 100));
        reportNow(gamma, host("gamma", "c", "pad", 85, 100));
        assertThat(dispatcher.pick("pad")).isEqualTo(new Pick.NoHost("pad", Map.of(Eligibility.FULL, 3)));

        // A stay later, with no new report, a share 1 - 1/e of the users this broker sent there have likely left.
        clock.advance(Duration.ofMillis(Math.round(stay * 1000)));

        Pick pick = dispatcher.pick("pad");
        assertThat(pick).isInstanceOf(Pick.Sent.class);
        assertThat(((Pick.Sent) pick).host().key().member()).isIn("alpha", "beta");
        assertThat(tracked("gamma").estimatedLoad(clock.instant())).isCloseTo(0.85, within(1e-9));
        String other = ((Pick.Sent) pick).host().key().member().equals("alpha") ? "beta" : "alpha";
        // Room again, but at most the report's users have left, and of them a share 1 - 1/e.
        assertThat(tracked(other).estimatedLoad(clock.instant())).isStrictlyBetween(0.85 * Math.exp(-1), 0.85);
    }
}
