package dev.larkinbox.domain.preference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** A person's preferences: a language tag or none, a zone or none, each changed alone. */
class PreferencesTest {
    @Test
    void aLanguageIsATagNotAnyText() {
        assertThrows(IllegalArgumentException.class, () -> new Preferences("Chinese", null));
        assertThrows(IllegalArgumentException.class, () -> new Preferences("zh-CN; DROP", null));
        assertEquals("zh-CN", new Preferences("zh-CN", null).language());
    }

    @Test
    void eachChoiceLeavesTheOtherAsItWas() {
        Preferences both = Preferences.NONE.withLanguage("en").withZone(ZoneId.of("Asia/Tokyo"));
        assertEquals(new Preferences("en", ZoneId.of("Asia/Tokyo")), both);
        assertEquals(new Preferences("zh-CN", ZoneId.of("Asia/Tokyo")), both.withLanguage("zh-CN"));
    }
}
