package dev.larkinbox.outbound.lark;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * A language a card is written in, under the name Lark's card JSON gives it ({@code zh_cn}, {@code en_us}): each card
 * carries both, and Lark shows each reader the one of their client. Texts in {@code cards/cards_<locale>.properties}.
 */
enum CardLanguage {
    ZH_CN("zh_cn", Locale.SIMPLIFIED_CHINESE, ZoneId.of("Asia/Shanghai")),
    EN_US("en_us", Locale.ENGLISH, ZoneOffset.UTC);

    /** Both, in the order Lark falls back through when a reader's language is neither. */
    static final List<CardLanguage> ALL = List.of(values());

    private final String larkName;
    private final Locale locale;
    private final ResourceBundle texts;
    private final ZoneId zone;

    CardLanguage(String larkName, Locale locale, ZoneId zone) {
        this.larkName = larkName;
        this.locale = locale;
        this.texts = ResourceBundle.getBundle("cards.cards", locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
        this.zone = zone;
    }

    String larkName() {
        return larkName;
    }

    /** The language's locale, in which the domain's reasons are read. */
    Locale locale() {
        return locale;
    }

    /** The zone a card's times are written in for its readers: Beijing time in Chinese, UTC in English. */
    ZoneId zone() {
        return zone;
    }

    /** The text, {@code {0}}, {@code {1}}... replaced by the arguments. */
    String say(String key, Object... args) {
        String text = texts.getString(key);
        for (int i = 0; i < args.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return text;
    }

    /** A label the API names in English (a status, a category, a fault kind), in this language; else as it is. */
    String label(String prefix, String label) {
        return texts.containsKey(prefix + label) ? texts.getString(prefix + label) : label;
    }
}
