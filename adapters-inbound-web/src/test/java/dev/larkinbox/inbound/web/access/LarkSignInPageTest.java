package dev.larkinbox.inbound.web.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.larkinbox.domain.admission.Refusal;
import java.util.Arrays;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Where a person goes after signing in with Lark, and that every refusal has its words in both languages. */
class LarkSignInPageTest {

    @Test
    void aPathOfTheInboxIsWhereThePersonGoes() {
        assertEquals("/feedback/7057888018203574291?tab=history",
                LarkSignInPage.localPath("/feedback/7057888018203574291?tab=history"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"//evil.example.com/", "/\\evil.example.com", "https://evil.example.com/", "feedback",
            "/sign-in/lark", "/ spaced", "/中文"})
    void anythingElseIsTheInboxsFirstPage(String next) {
        assertEquals("/", LarkSignInPage.localPath(next));
    }

    @Test
    void everyRefusalIsSaidInEnglishAndChinese() {
        for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE}) {
            ResourceBundle words = ResourceBundle.getBundle("i18n.lark", locale);
            Arrays.stream(Refusal.values()).forEach(refusal -> assertFalse(
                    words.getString(LarkSignInPage.key(refusal)).isBlank(), refusal + " in " + locale));
        }
        assertEquals("你在飞书取消了授权，因此没有登录任何人。准备好后请再次使用飞书登录。", ResourceBundle.getBundle("i18n.lark",
                Locale.SIMPLIFIED_CHINESE).getString(LarkSignInPage.key(Refusal.CANCELLED)));
    }
}
