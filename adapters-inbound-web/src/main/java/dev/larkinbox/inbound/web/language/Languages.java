package dev.larkinbox.inbound.web.language;

import io.micronaut.core.annotation.Nullable;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The languages the web inbox speaks: Chinese as written in mainland China, and English, the default. */
public final class Languages {
    public static final Locale ZH_CN = Locale.SIMPLIFIED_CHINESE;
    public static final Locale EN = Locale.ENGLISH;
    /** The cookie that keeps a person's choice: its value is the language's tag, {@code zh-CN} or {@code en}. */
    public static final String COOKIE = "inbox_lang";

    private Languages() {
    }

    /** @return the language a tag names ({@code zh-CN} or {@code en}), empty for any other */
    public static Optional<Locale> ofTag(@Nullable String tag) {
        if (ZH_CN.toLanguageTag().equals(tag)) {
            return Optional.of(ZH_CN);
        }
        return EN.toLanguageTag().equals(tag) ? Optional.of(EN) : Optional.empty();
    }

    /**
     * What a browser's {@code Accept-Language} asks for: Chinese when the first language it names that the inbox
     * speaks is Chinese ({@code zh}, {@code zh-CN}, {@code zh-Hans}; the traditional scripts read better in English
     * than in simplified characters they did not ask for), else English.
     */
    public static Locale ofAcceptLanguage(@Nullable String header) {
        if (header == null || header.isBlank()) {
            return EN;
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(header);
        } catch (IllegalArgumentException e) {
            return EN;
        }
        for (Locale.LanguageRange range : ranges) {
            String tag = range.getRange().toLowerCase(Locale.ROOT);
            if (range.getWeight() == 0) {
                continue;
            }
            if (tag.equals("zh") || tag.equals("zh-cn") || tag.startsWith("zh-hans")) {
                return ZH_CN;
            }
            if (tag.startsWith("en")) {
                return EN;
            }
        }
        return EN;
    }
}
