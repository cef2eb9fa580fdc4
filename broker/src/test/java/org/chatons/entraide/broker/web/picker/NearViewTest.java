package org.chatons.entraide.broker.web.picker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.chatons.entraide.broker.i18n.MessagesFactory;
import org.chatons.entraide.broker.members.Member;
import org.chatons.entraide.broker.selection.Nearby;
import org.junit.jupiter.api.Test;

/** The "near me" choice as a page shows it, from the members there are. */
class NearViewTest {

    static Member member(String id, String country, String... languages) {
        return new Member(id, id, "", List.of(id + ".example.org"), LocalDate.parse("2027-06-30"), country,
                List.of(languages));
    }

    final List<Member> members = List.of(member("a", "FR", "fr"), member("b", "BE", "fr", "nl"),
            member("c", "BE", "nl"), member("declared", "", new String[0]));

    @Test
    void listsEachMembersCountryOnceByNameAndNoneForAMemberWithoutOne() {
        NearView french = NearView.of(Nearby.ANYWHERE, null, Locale.FRENCH, new MessagesFactory().messages(), new MessagesFactory().countryNames(), members);

        assertThat(french.countries()).extracting(NearView.Country::name).containsExactly("Belgique", "France");
        assertThat(french.selected()).isEqualTo("any");
        assertThat(french.query()).isEmpty();
        assertThat(french.nohost()).isNull();
    }

    @Test
    void aCountryOrLanguageNoMemberHasIsNotPreferred() {
        NearView view = NearView.of(new Nearby("JP", "ja"), "JP", Locale.ENGLISH, new MessagesFactory().messages(), new MessagesFactory().countryNames(),
                members);

        assertThat(view.selected()).isEqualTo("any");
        assertThat(view.sentence()).isEqualTo("You are sent to a member with room, wherever it is.");
        // The person's choice is still carried by the links, as they made it.
        assertThat(view.query()).isEqualTo("&near=JP");
    }

    @Test
    void saysTheCountryAndTheLanguageInThePagesLanguage() {
        NearView view = NearView.of(new Nearby("BE", "nl"), null, Locale.FRENCH, new MessagesFactory().messages(), new MessagesFactory().countryNames(),
                members);

        assertThat(view.selected()).isEqualTo("BE");
        assertThat(view.sentence()).startsWith("Vous êtes envoyé·e d’abord chez les membres en Belgique, puis chez "
                + "ceux qui parlent néerlandais");
        assertThat(view.nohost()).isEqualTo("Aucun membre ne peut vous accueillir, ni en Belgique ni ailleurs.");
    }

    @Test
    void aChosenCountryIsPromisedWhileItHasRoomAsTheChoiceHonoursIt() {
        NearView view = NearView.of(new Nearby("BE", "fr", true), "BE", Locale.ENGLISH,
                new MessagesFactory().messages(), new MessagesFactory().countryNames(), members);

        assertThat(view.sentence()).isEqualTo(
                "You are sent to a member in Belgium whenever one of them has room, elsewhere only when none has.");
        assertThat(view.query()).isEqualTo("&near=BE");
    }
}
