package org.chatons.entraide.broker.web.picker;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpResponse;
import org.chatons.entraide.broker.BrokerTestBase;
import org.chatons.entraide.broker.Fixtures;
import org.junit.jupiter.api.Test;

/** The pages say the broker's own pace as its settings give it, not as the defaults were once written. */
@MicronautTest
@Property(name = "broker.public-probe.interval", value = "30s")
@Property(name = "broker.counting.per-network-window", value = "90s")
class PaceWordsTest extends BrokerTestBase {

    HttpResponse<String> page(String path, String language) {
        return send(request(path).header("Accept", PickerPagesTest.BROWSER_ACCEPT)
                .header("Accept-Language", language).GET());
    }

    @Test
    void theAgentsPaceIsTheirReportsUsualInterval() {
        postReport(Fixtures.report("alpha", clock.instant(), 10, Fixtures.host("alpha", "pad-1", "pad", 10, 100)));
        postReport(Fixtures.report("beta", clock.instant(), 10, Fixtures.host("beta", "pad-2", "pad", 10, 100)));
        postReport(Fixtures.report("gamma", clock.instant(), 300, Fixtures.host("gamma", "pad-3", "pad", 10, 100)));

        assertThat(page("/services/pad", "fr").body())
                .contains("La sonde installée chez un membre nous dit, en général toutes les 10 secondes, si");
        assertThat(page("/services/pad", "en").body())
                .contains("The probe a member runs tells us, usually every 10 seconds, whether");
        // No agent measures the spreadsheets: the pages give them no pace.
        assertThat(page("/services/calc", "en").body()).contains("The probe a member runs tells us whether");
    }

    @Test
    void theProbeIntervalAndTheNetworksMemoryAreTheSettings() {
        String fr = page("/services/pad", "fr").body();
        String en = page("/services/pad", "en").body();

        assertThat(fr).contains("nous les vérifions nous-mêmes toutes les 30 secondes.")
                .contains("oublié au bout de 90 secondes.").doesNotContain("une fois par minute");
        assertThat(en).contains("we check ourselves every 30 seconds.")
                .contains("forgotten after 90 seconds.").doesNotContain("once a minute");
    }
}
