package org.chatons.entraide.broker.web.picker;

import org.chatons.entraide.broker.LoopbackClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.chatons.entraide.broker.Fixtures.host;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.chatons.entraide.broker.BrokerTestBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The burst, over real HTTP: 40 people within one report interval (no report comes between them), their
 * country's member a tenth full like the rest of the federation. A chosen country ({@code ?near=}) takes them while
 * it can; a browser's region keeps them while its room is not much below the federation's (pads of 400:
 * the country's member may run ten points fuller than the rest at a tenth full, so 40 fit); a full member sends
 * every one of them elsewhere, and no one is turned away.
 */
@MicronautTest
class ChosenCountryTest extends BrokerTestBase {

    LoopbackClient client;

    @BeforeEach
    void client() {
        client = new LoopbackClient(URI.create(server.getURL().toString()));
    }

    /** Five pads of 400 in France, Belgium and Canada, each with the users given (Belgium's and Canada's apart). */
    void federation(int belgium, int canada) {
        report("alpha", host("alpha", "pad-1", "pad", 40, 400), host("alpha", "pad-2", "pad", 40, 400));
        report("gamma", host("gamma", "pad-5", "pad", 40, 400));
        report("beta", host("beta", "pad-3", "pad", belgium, 400));
        report("epsilon", host("epsilon", "pad-4", "pad", canada, 400));
    }

    /** The members 40 people were sent to, each from a network of their own (none over its budget). */
    List<String> forty(String path, String acceptLanguage) {
        List<String> members = new ArrayList<>();
        for (int k = 0; k < 40; k++) {
            String source = "127.60." + k + ".1";
            LoopbackClient.Answer answer = acceptLanguage == null ? client.redirect(source, path)
                    : client.redirect(source, path, "Accept-Language: " + acceptLanguage);
            assertThat(answer.status()).as("no one turned away").isEqualTo(302);
            members.add(answer.location().replaceAll("https://pad-\\d\\.(\\w+)\\.example\\.org/", "$1"));
        }
        return members;
    }

    @Test
    void fortyWhoChoseBelgiumGoToBelgiumAndFortyWhoseBrowserSaysCanadaToCanada() {
        federation(40, 40);

        assertThat(forty("/go/pad?near=BE", null)).filteredOn("beta"::equals).hasSizeGreaterThanOrEqualTo(36);
        assertThat(forty("/go/pad", "fr-CA,fr;q=0.9")).filteredOn("epsilon"::equals).hasSizeGreaterThanOrEqualTo(36);
    }

    @Test
    void whenTheirMemberIsFullEveryOneIsSentElsewhereAndThePickApiSaysSo() {
        // 340 of 400: full at 85 %.
        federation(340, 340);

        assertThat(forty("/go/pad?near=BE", null)).doesNotContain("beta");
        assertThat(forty("/go/pad", "fr-CA,fr;q=0.9")).doesNotContain("epsilon");
        Map<String, Object> pick = parse(get("/api/v1/services/pad/pick?near=BE"));
        assertThat(pick.get("member")).isNotEqualTo("beta");
        Map<String, Object> near = new java.util.HashMap<>(Map.of("country", "BE", "chosen", true, "elsewhere", true));
        near.put("language", null);
        assertThat(pick.get("near")).isEqualTo(near);
    }

    @Test
    void theServicePageSaysWhenTheChosenCountryCannotTakeThemNowAndNotWhileItCan() {
        federation(340, 40);
        String away = "No member in Belgium can take you right now: you will be sent to a member elsewhere.";

        assertThat(page("/services/pad?lang=en&near=BE")).contains(away);
        assertThat(page("/services/pad?lang=fr&near=BE")).contains(
                "Aucun membre en Belgique ne peut vous accueillir pour l’instant\u202f: vous serez envoyé·e chez un"
                        + " membre ailleurs.");
        // Canada has room; a country read from the browser is a preference, not a choice: nothing to say.
        assertThat(page("/services/pad?lang=en&near=CA")).doesNotContain("can take you right now");
        assertThat(page("/services/pad?lang=en")).doesNotContain("can take you right now");
    }

    /** A page as a browser asks for it: the body, entities decoded as the person reads them. */
    String page(String path) {
        java.net.http.HttpResponse<String> answer = send(request(path).header("Accept", PickerPagesTest.BROWSER_ACCEPT)
                .header("Accept-Language", "fr-BE").GET());
        assertThat(answer.statusCode()).isEqualTo(200);
        return PageWordsTest.words(answer.body()).replace("\n", " ").replaceAll(" +", " ");
    }
}

