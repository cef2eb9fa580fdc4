package org.chatons.entraide.broker.config;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Singleton;

/** The picker's texts, from {@code i18n/messages_*.properties}; without this bean pages show raw keys. */
@Factory
public class MessagesFactory {

    @Singleton
    public MessageSource messages() {
        return new ResourceBundleMessageSource("i18n.messages");
    }
}
