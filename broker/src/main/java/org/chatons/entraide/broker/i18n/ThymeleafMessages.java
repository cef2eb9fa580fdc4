package org.chatons.entraide.broker.i18n;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.messageresolver.IMessageResolver;
import org.thymeleaf.messageresolver.StandardMessageResolver;

/**
 * Makes the templates' {@code #{key(args)}} go through {@link Messages} (ICU) instead of micronaut-views' resolver,
 * which passes every argument as a string through Micronaut's message source: counts could not choose a plural
 * form, and apostrophes in the arguments were lost. The resolver is set when the template engine is created,
 * before its first use; the template's locale picks the language.
 */
@Singleton
final class ThymeleafMessages implements BeanCreatedEventListener<TemplateEngine> {

    private final Messages messages;

    ThymeleafMessages(Messages messages) {
        this.messages = messages;
    }

    @Override
    public TemplateEngine onCreated(BeanCreatedEvent<TemplateEngine> event) {
        TemplateEngine engine = event.getBean();
        engine.setMessageResolver(new Resolver(messages));
        return engine;
    }

    private static final class Resolver implements IMessageResolver {

        /** How Thymeleaf shows a key it has no text for: tests look for it on every page. */
        private final StandardMessageResolver absent = new StandardMessageResolver();
        private final Messages messages;

        Resolver(Messages messages) {
            this.messages = messages;
        }

        @Override
        public String getName() {
            return "ICU";
        }

        @Override
        public Integer getOrder() {
            return 0;
        }

        @Override
        public String resolveMessage(ITemplateContext context, Class<?> origin, String key, Object[] arguments) {
            return messages.has(key) ? messages.format(context.getLocale(), key, arguments) : null;
        }

        @Override
        public String createAbsentMessageRepresentation(ITemplateContext context, Class<?> origin, String key,
                                                        Object[] arguments) {
            return absent.createAbsentMessageRepresentation(context, origin, key, arguments);
        }
    }
}
