package org.chatons.entraide.broker.web.picker;

import java.text.Collator;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.chatons.entraide.broker.i18n.CountryNames;
import org.chatons.entraide.broker.i18n.Messages;
import org.chatons.entraide.broker.members.Member;
import org.chatons.entraide.broker.selection.Nearby;
import org.chatons.entraide.broker.web.Locality;

/**
 * The picker's "near me" choice as a page shows it, in the page's language: the countries of the members to
 * choose from, the one preferred ({@code any} for none), the sentence saying what the choice does, and the query
 * the links carry to keep the person's explicit choice. A country or a language no member has is not preferred.
 *
 * @param selected  the country preferred, or {@link Locality#ANY}
 * @param countries every member's country, by name in the page's language
 * @param sentence  what the broker does for this person ({@code near.first})
 * @param nohost    for the no-host page: that none could take them, near or anywhere; null with no country
 * @param query     {@code &near=BE} when the person chose (links carry it), empty when the browser said it
 */
record NearView(String selected, List<Country> countries, String sentence, String nohost, String query) {

    /** A country in the selector: its code and its name. */
    record Country(String code, String name) {
    }

    static NearView of(Nearby near, String chosen, Locale locale, Messages messages, CountryNames names,
                      Collection<Member> members) {
        // A member declared in ChatonsInfos may give no country: it is in no country's list.
        Set<String> countries = members.stream().map(Member::country).filter(Nearby::isCountry)
                .collect(Collectors.toSet());
        Set<String> languages = members.stream().flatMap(m -> m.languages().stream()).collect(Collectors.toSet());
        String country = countries.contains(near.country()) ? near.country() : null;
        String language = languages.contains(near.language()) ? near.language() : null;
        // The same rule as the choice (selection.NearFirst): a chosen country is honoured while it has room.
        String kind = country != null && near.chosen() ? "chosen"
                : country != null ? (language != null ? "both" : "country") : language != null ? "language" : "none";
        String in = country == null ? "" : names.in(country, locale);
        String languageName = language == null ? "" : Locale.forLanguageTag(language).getDisplayLanguage(locale);
        Collator byName = Collator.getInstance(locale);
        List<Country> options = countries.stream().map(c -> new Country(c, CountryNames.name(c, locale)))
                .sorted(Comparator.comparing(Country::name, byName)).toList();
        return new NearView(country == null ? Locality.ANY : country, options,
                messages.format(locale, "near.first", kind, in, languageName),
                country == null ? null : messages.format(locale, "near.nohost", in),
                chosen == null ? "" : "&" + Locality.NEAR + "=" + chosen);
    }
}
