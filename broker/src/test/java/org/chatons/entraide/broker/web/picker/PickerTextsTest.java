package org.chatons.entraide.broker.web.picker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chatons.entraide.broker.Fixtures.closed;
import static org.chatons.entraide.broker.Fixtures.host;
import static org.chatons.entraide.broker.Fixtures.withStatus;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpResponse;
import org.chatons.entraide.broker.BrokerTestBase;
import org.chatons.entraide.protocol.HostStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The picker's words on its pages: names with apostrophes, quotes, braces, tags and entities shown as written and
 * escaped once; counts in the grammar of each language; the "near me" choice, said and carried by the links.
 * Delta's name is {@code L'Atelier "{0}" <b>&amp; Cie</b>}.
 */
@MicronautTest
class PickerTextsTest extends BrokerTestBase {

    static final String DELTA_HTML = "L&#39;Atelier &quot;{0}&quot; &lt;b&gt;&amp;amp; Cie&lt;/b&gt;";

    @BeforeEach
    void federation() {
        report("alpha", host("alpha", "pad-1", "pad", 10, 100), host("alpha", "shortener-1", "shortener", 95, 100),
                host("alpha", "images-1", "images", 10, 100));
        report("beta", host("beta", "pad-2", "pad", 10, 100), closed(host("beta", "shortener-2", "shortener", 0, 100)),
                withStatus(host("beta", "images-2", "images", 0, 100), HostStatus.DOWN));
        report("delta", host("delta", "shortener-3", "shortener", 99, 100), host("delta", "images-3", "images", 20, 100),
                withStatus(host("delta", "pad-3", "pad", 0, 100), HostStatus.DOWN));
    }

    String page(String path, String acceptLanguage) {
        var request = request(path).header("Accept", PickerPagesTest.BROWSER_ACCEPT);
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        return send(request.GET()).body();
    }

    @Test
    void namesAndCatalogueTextsKeepTheirApostrophesAndAreEscapedOnce() {
        String home = page("/?lang=fr", null);
        String images = page("/services/images?lang=fr", null);

        assertThat(home).contains(">Raccourcisseur d&#39;adresses</h2>").contains(">Partage d&#39;images</h2>")
                .contains(">Voir qui le propose</a>").doesNotContain("dadresses", "dimages");
        assertThat(images).contains("<title>Partage d&#39;images · Entraide</title>")
                .contains(">Aller chez " + DELTA_HTML + "</a>").contains("<span>" + DELTA_HTML + "</span>")
                .doesNotContain("<b>", "LAtelier");
        assertThat(page("/services/images?lang=en", null)).contains("<title>Image sharing · Entraide</title>")
                .contains(">Go to " + DELTA_HTML + "</a>");
    }

    @Test
    void countsAreGrammarInBothLanguages() {
        String fr = page("/?lang=fr", null);
        String en = page("/?lang=en", null);

        // pad: 2 members can take a user; images: 2 (one is down); shortener: none.
        assertThat(fr).contains(">2 membres peuvent vous accueillir maintenant<")
                .contains(">Aucun membre ne peut vous accueillir en ce moment<").doesNotContain("(s)");
        assertThat(en).contains(">2 members can take you now<").contains(">No member can take you right now<");
        report("alpha", host("alpha", "pad-1", "pad", 90, 100));
        assertThat(page("/?lang=fr", null)).contains(">1 membre peut vous accueillir maintenant<");
        assertThat(page("/?lang=en", null)).contains(">1 member can take you now<");
    }

    @Test
    void theNoHostPageTitlesAndCountsTheOthersInTheirGrammar() {
        HttpResponse<String> fr = send(request("/go/shortener?lang=fr").header("Accept", PickerPagesTest.BROWSER_ACCEPT).GET());
        String en = page("/go/shortener?lang=en", null);

        assertThat(fr.statusCode()).isEqualTo(503);
        String title = "Raccourcisseur d&#39;adresses\u202f: aucun membre disponible pour le moment";
        assertThat(fr.body()).contains("<title>" + title + " · Entraide</title>").contains("<h1>" + title + "</h1>")
                .contains("<span>" + DELTA_HTML + "</span>").contains(">complet<").contains(">fermé aux nouveaux venus<");
        assertThat(en).contains("<title>URL shortener: no member available right now · Entraide</title>");
        // All three are full or closed: no "other member" link; with one down among them, it is counted in words.
        assertThat(fr.body()).doesNotContain("autre membre");
        report("delta", withStatus(host("delta", "shortener-3", "shortener", 0, 100), HostStatus.DOWN));
        assertThat(page("/go/shortener?lang=fr", null)).contains(">Voir l’autre membre qui le propose, indisponible lui aussi<");
        assertThat(page("/go/shortener?lang=en", null))
                .contains(">See the other member who offers it, not available right now either<");
    }

    @Test
    void theNearChoiceIsLabelledPreselectedFromTheBrowserAndCarriedOnlyWhenChosen() {
        String fromBrowser = page("/", "fr-CH,fr;q=0.9");

        assertThat(fromBrowser).contains("<label for=\"near\">Près de chez moi</label>")
                .contains("<select id=\"near\" name=\"near\">")
                .contains("<option value=\"CH\" selected=\"selected\">Suisse</option>")
                .contains("<option value=\"any\">N’importe où</option>")
                .contains("<option value=\"BE\">Belgique</option>").contains("<option value=\"CA\">Canada</option>")
                .contains("<input type=\"hidden\" name=\"lang\" value=\"fr\">")
                .contains("href=\"/go/pad?lang=fr\"");
        String chosen = page("/?near=BE&lang=fr", "fr-CH");
        assertThat(chosen).contains("<option value=\"BE\" selected=\"selected\">Belgique</option>")
                .contains("href=\"/go/pad?lang=fr&amp;near=BE\"").contains("href=\"/services/pad?lang=fr&amp;near=BE\"")
                .contains("href=\"?lang=en&amp;near=BE\"");
        assertThat(page("/?near=any", "fr-CH")).contains("<option value=\"any\" selected=\"selected\">")
                .contains("href=\"/go/pad?lang=fr&amp;near=any\"");
        // No member in Japan: nothing preselected but "anywhere"; a mangled choice is no choice.
        assertThat(page("/", "ja-JP")).contains("<option value=\"any\" selected=\"selected\">");
        assertThat(page("/?near=%3Cscript%3E", "fr-BE")).contains("<option value=\"BE\" selected=\"selected\">")
                .doesNotContain("script");
    }

    @Test
    void theServiceAndNoHostPagesSayWhichCountryCameFirstAndOfferAnywhere() {
        String service = page("/services/pad?near=CH&lang=fr", null);
        String english = page("/services/pad", "en-CA,en;q=0.9");
        String anywhere = page("/services/pad?near=any&lang=fr", null);
        String noHost = page("/go/shortener?near=BE&lang=fr", null);

        // A chosen country is honoured while it has room; a browser's, while it has nearly as much as the others.
        assertThat(service).contains("Vous êtes envoyé·e chez un membre en Suisse dès que l’un d’eux a de la place, "
                + "ailleurs seulement si aucun n’en a.")
                .contains("<a href=\"?lang=fr&amp;near=any\">Chercher partout</a>");
        assertThat(english).contains("You are sent first to members in Canada, then to those who speak English, "
                + "as long as they have nearly as much room as the others.");
        assertThat(anywhere).contains("Vous êtes envoyé·e d’abord chez les membres qui parlent français")
                .doesNotContain("Chercher partout");
        assertThat(noHost).contains("Aucun membre ne peut vous accueillir, ni en Belgique ni ailleurs.")
                .contains("<a href=\"/go/shortener?lang=fr&amp;near=any\" rel=\"nofollow\">Chercher partout</a>")
                .contains("href=\"/go/shortener?lang=fr&amp;near=BE\" rel=\"nofollow\">Réessayer</a>");
    }
}
