package org.chatons.entraide.broker.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chatons.entraide.broker.selection.ScriptedDraws.drawing;

import org.junit.jupiter.api.Test;

/** The slow path: every admitted host, and draws by capacity without replacement. */
class ScanTest {

    @Test
    void aDrawLandsInTheHostWhoseCapacityRangeHoldsItAndIsNotDrawnAgain() {
        FakePool pool = new FakePool(new double[] {0.1, 0.2, 0.3}, new double[] {0.1, 0.2, 0.3},
                new int[] {100, 200, 300});
        int[] hosts = Scan.admitted(pool);

        // 100 is the first draw of host 1's range (host 0 has 0 to 99).
        assertThat(Scan.takeByCapacity(pool, hosts, 0, drawing(100))).isEqualTo(1);
        assertThat(hosts[0]).isEqualTo(1);
        // Among the rest (hosts 0 and 2, 400 in all), 99 is host 0's last.
        assertThat(Scan.takeByCapacity(pool, hosts, 1, drawing(99))).isEqualTo(0);
        assertThat(Scan.takeByCapacity(pool, hosts, 2, drawing(299))).isEqualTo(2);
    }

    @Test
    void onlyAdmittedHostsAreFound() {
        FakePool pool = FakePool.loads(0.1, 0.99, 1.0, 0.5);
        pool.closed[0] = true;

        assertThat(Scan.admitted(pool)).containsExactly(1, 3);
    }
}
