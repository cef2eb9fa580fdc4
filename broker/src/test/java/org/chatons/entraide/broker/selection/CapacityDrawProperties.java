package org.chatons.entraide.broker.selection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** {@link Tier#holding}: every draw lands on the host whose range holds it, whatever the capacities. */
class CapacityDrawProperties {

    @Property
    void aDrawLandsOnTheHostWhoseRangeHoldsIt(@ForAll @Size(min = 1, max = 300) List<@IntRange(min = 1,
            max = 100_000) Integer> capacities, @ForAll @IntRange(min = 0, max = 999) int permille) {
        long[] cumulative = new long[capacities.size()];
        long sum = 0;
        for (int i = 0; i < cumulative.length; i++) {
            sum += capacities.get(i);
            cumulative[i] = sum;
        }
        long draw = sum * permille / 1000;

        int host = Tier.holding(cumulative, draw);

        long start = host == 0 ? 0 : cumulative[host - 1];
        assertThat(draw).isBetween(start, cumulative[host] - 1);
    }

    @Property
    void theEndsOfEveryRangeLandOnTheirHost(@ForAll @Size(min = 1, max = 40) List<@IntRange(min = 1, max = 9)
            Integer> capacities) {
        long[] cumulative = new long[capacities.size()];
        long sum = 0;
        for (int i = 0; i < cumulative.length; i++) {
            sum += capacities.get(i);
            cumulative[i] = sum;
        }
        for (int i = 0; i < cumulative.length; i++) {
            long first = i == 0 ? 0 : cumulative[i - 1];
            assertThat(Tier.holding(cumulative, first)).isEqualTo(i);
            assertThat(Tier.holding(cumulative, cumulative[i] - 1)).isEqualTo(i);
        }
    }
}
