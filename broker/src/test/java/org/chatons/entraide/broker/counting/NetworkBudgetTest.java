package org.chatons.entraide.broker.counting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.chatons.entraide.broker.TestClock;
import org.junit.jupiter.api.Test;

class NetworkBudgetTest {

    final TestClock clock = new TestClock();
    final NetworkBudget budget = new NetworkBudget(3, Duration.ofMinutes(1), 1000, clock);

    @Test
    void aNetworkCountsItsBudgetThenNothingAndOthersAreUntouched() {
        int counted = 0;
        for (int i = 0; i < 10_000; i++) {
            counted += budget.admit(1L) ? 1 : 0;
        }

        assertThat(counted).isEqualTo(3);
        assertThat(budget.admit(2L)).isTrue();
    }

    @Test
    void theBudgetComesBackAWindowAfterTheNetworksFirstRedirect() {
        budget.admit(1L);
        budget.admit(1L);
        budget.admit(1L);
        clock.advance(Duration.ofSeconds(59));
        assertThat(budget.admit(1L)).isFalse();

        clock.advance(Duration.ofSeconds(2));

        assertThat(budget.admit(1L)).isTrue();
    }

    @Test
    void networksAreForgottenWithinTheWindowAndNeverMoreThanTheBound() {
        NetworkBudget small = new NetworkBudget(3, Duration.ofMinutes(1), 100, clock);
        for (long n = 0; n < 10_000; n++) {
            small.admit(n);
        }
        assertThat(small.networks()).isLessThanOrEqualTo(100);

        clock.advance(Duration.ofMinutes(2));

        assertThat(small.networks()).isZero();
    }
}
