package dev.larkinbox.outbound.lark;

import static dev.larkinbox.outbound.lark.LarkOpenApiTest.APP;
import static dev.larkinbox.outbound.lark.LarkOpenApiTest.SECRET;
import static dev.larkinbox.outbound.lark.LarkOpenApiTest.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larkinbox.domain.platform.LarkRefusedException;
import dev.larkinbox.domain.platform.LarkUnavailableException;
import dev.larkinbox.domain.reason.Reason;
import dev.larkinbox.domain.reply.LarkBot;
import dev.larkinbox.outbound.lark.standin.LarkStandIn;
import dev.larkinbox.outbound.lark.standin.LarkStandIn.BotMessage;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The app's bot writes text to one person through the SDK's IM client, against the stand-in Lark. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BotMessagesIntegrationTest {
    private static final String REPORTER = "ou_reporter_1";

    private final LarkStandIn lark = LarkStandIn.start(APP, SECRET, 50);
    private final LarkBot bot = new LarkOpenApi(settings(lark, null)).bot();

    @AfterEach
    void stop() {
        lark.close();
    }

    @Test
    void aTextReachesThePersonByOpenIdOnceHoweverOftenItsKeyIsSent() {
        bot.send(REPORTER, "谢谢，我们正在处理", "fb-1\n2");
        bot.send(REPORTER, "谢谢，我们正在处理", "fb-1\n2");
        bot.send(REPORTER, "Fixed", "fb-1\n3");

        List<BotMessage> sent = lark.botMessages();
        assertEquals(List.of(REPORTER, REPORTER), sent.stream().map(BotMessage::openId).toList());
        assertEquals(List.of("谢谢，我们正在处理", "Fixed"), sent.stream().map(BotMessage::text).toList());
    }

    @Test
    void aPersonOutsideTheAppsAvailabilityIsAPermanentRefusalInWords() {
        lark.outsideAvailability(REPORTER);

        LarkRefusedException refused = assertThrows(LarkRefusedException.class,
                () -> bot.send(REPORTER, "hello", "fb-1\n2"));

        assertTrue(refused.permanent());
        assertEquals(230013, refused.code());
        assertEquals(Reason.of("lark.refused.outside-availability", 230013), refused.reason());
        assertEquals("Lark refused the request with code 230013: the reporter is outside the app's availability range",
                refused.getMessage());
    }

    @Test
    void larksRateLimitForOnePersonIsATryLaterNotARefusal() {
        lark.refuse(REPORTER, 230020, "This operation triggers the frequency limit.");

        assertThrows(LarkUnavailableException.class, () -> bot.send(REPORTER, "hello", "fb-1\n2"));
    }

    @Test
    void anotherRefusalIsAPassingOne() {
        lark.refuse(REPORTER, 230001, "invalid parameter");

        assertFalse(assertThrows(LarkRefusedException.class, () -> bot.send(REPORTER, "hello", "fb-1\n2"))
                .permanent());
    }

    @Test
    void lostLarkIsATryLater() {
        lark.down();

        assertThrows(LarkUnavailableException.class, () -> bot.send(REPORTER, "hello", "fb-1\n2"));
        assertEquals(List.of(), lark.botMessages());
    }
}
