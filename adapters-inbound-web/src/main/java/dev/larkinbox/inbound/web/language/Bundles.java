package dev.larkinbox.inbound.web.language;

import io.micronaut.context.AbstractMessageSource;
import io.micronaut.context.MessageSource;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/**
 * The web inbox's texts: every bundle in {@code i18n/}, {@code <name>_en.properties} and
 * {@code <name>_zh_CN.properties}. A feature's bundle is one line in {@link #NAMES}; {@code BundlesTest} fails on a
 * bundle in {@code i18n/} that is not listed.
 */
@Singleton
public class Bundles extends AbstractMessageSource {
    /** Each feature prefixes its keys with its bundle's name, so no two bundles answer the same key. */
    public static final List<String> NAMES = List.of(
            "messages", // the pages every feature shares
            "corpus", // a problem's likely duplicates
            "dashboard", // the dashboard and the releases
            "lark", // signing in with Lark
            "people", // people, their tokens, their sessions, roles
            "triage", // the keyboard, the views, the live inbox, the phone layout
            "work"); // bulk changes and the export

    private final List<MessageSource> bundles = NAMES.stream()
            .<MessageSource>map(name -> new ResourceBundleMessageSource("i18n." + name)).toList();

    @Override
    public Optional<String> getRawMessage(String code, MessageContext context) {
        for (MessageSource bundle : bundles) {
            Optional<String> text = bundle.getRawMessage(code, context);
            if (text.isPresent()) {
                return text;
            }
        }
        return Optional.empty();
    }
}
