package dev.larkinbox.inbound.web.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larkinbox.inbound.web.language.Bundles;
import io.micronaut.context.MessageSource;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class LikelyDuplicatesMessagesTest {
    private final MessageSource messages = new Bundles();

    @Test
    void everyWordOfTheLikelyDuplicatesIsInEnglishAndInChinese() {
        Set<String> english = new TreeSet<>(ResourceBundle.getBundle("i18n.corpus", Locale.ENGLISH).keySet());
        Set<String> chinese = new TreeSet<>(ResourceBundle.getBundle("i18n.corpus", Locale.SIMPLIFIED_CHINESE).keySet());

        assertEquals(english, chinese);
        assertEquals("可能重复的问题", messages.getMessage("corpus.duplicates.heading", Locale.SIMPLIFIED_CHINESE)
                .orElseThrow());
        assertEquals("Likely duplicates", messages.getMessage("corpus.duplicates.heading", Locale.ENGLISH)
                .orElseThrow());
        chinese.forEach(key -> assertTrue(messages.getMessage(key, Locale.SIMPLIFIED_CHINESE).orElseThrow()
                .codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN), key));
    }
}
