package dev.larkinbox.domain.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.larkinbox.domain.reason.Reason;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class LarkRefusedExceptionTest {

    @Test
    void aRefusalSaysWhyInTheReadersLanguageAndItsMessageIsTheEnglish() {
        LarkRefusedException refused = new LarkRefusedException(230001, "write to the reporter: invalid parameter");

        assertEquals(Reason.of("lark.refused", 230001, "write to the reporter: invalid parameter"), refused.reason());
        assertEquals("Lark refused the request with code 230001: write to the reporter: invalid parameter",
                refused.getMessage());
        assertEquals("飞书以错误码 230001 拒绝了请求：write to the reporter: invalid parameter",
                refused.reason().text(Locale.SIMPLIFIED_CHINESE), "Lark's own words stay as Lark wrote them");
    }

    @Test
    void aRefusalOfACodeWeKnowHasItsOwnWords() {
        LarkRefusedException refused = new LarkRefusedException(230013,
                Reason.of("lark.refused.outside-availability", 230013), true);

        assertEquals("Lark refused the request with code 230013: the reporter is outside the app's availability range",
                refused.getMessage());
        assertEquals("飞书以错误码 230013 拒绝了请求：反馈人不在应用的可用范围内",
                refused.reason().text(Locale.SIMPLIFIED_CHINESE));
    }
}
