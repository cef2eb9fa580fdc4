package org.chatons.entraide.broker.i18n;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import java.util.List;
import java.util.Locale;

/** The picker's texts, read at start ({@code @Context}) so that a broken pattern stops the broker at once. */
@Factory
public class MessagesFactory {

    /** The languages the picker speaks: French, the collective's, first (the default). */
    public static final List<Locale> LANGUAGES = List.of(Locale.FRENCH, Locale.ENGLISH);

    @Context
    public Messages messages() {
        return new Messages("i18n/messages", LANGUAGES);
    }

    /** How sentences name countries, read at start like the texts. */
    @Context
    public CountryNames countryNames() {
        return new CountryNames("i18n/countries.tsv");
    }
}
