package dev.larkinbox.outbound.lark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonParser;
import dev.larkinbox.domain.event.UserRef;
import dev.larkinbox.domain.feedback.FaultKind;
import dev.larkinbox.domain.feedback.Feedback;
import dev.larkinbox.domain.feedback.FeedbackSource;
import dev.larkinbox.domain.feedback.FeedbackType;
import dev.larkinbox.domain.platform.LarkRefusedException;
import dev.larkinbox.domain.platform.LarkUnavailableException;
import dev.larkinbox.domain.recovery.ListedFeedback;
import dev.larkinbox.domain.recovery.ListedPage;
import dev.larkinbox.domain.workflow.LarkFeedbackStatus;
import dev.larkinbox.outbound.lark.standin.LarkStandIn;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The SDK-backed adapter against the stand-in Lark open API. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LarkOpenApiTest {
    static final String APP = "cli_9b445f5258795107";
    static final String SECRET = "stand-in-secret";

    private final LarkStandIn lark = LarkStandIn.start(APP, SECRET, 2);
    private final LarkOpenApi api = new LarkOpenApi(settings(lark, null));

    static LarkApiSettings settings(LarkStandIn lark, String operatorId) {
        return new LarkApiSettings(APP, SECRET, lark.baseUrl(), Duration.ofSeconds(5), operatorId);
    }

    @AfterEach
    void stop() {
        lark.close();
    }

    @Test
    void aStatusIsSetInLarkWithItsNumber() {
        lark.addFeedback(APP, "fb-1", LocalDateTime.now(LarkOpenApi.LARK_ZONE));

        api.setStatus(APP, "fb-1", LarkFeedbackStatus.PROCESSING);

        assertEquals(List.of(new LarkStandIn.Patch(APP, "fb-1", 2, null)), lark.patches());
        assertEquals(2, lark.statusOf(APP, "fb-1"));
    }

    @Test
    void aFeedbackWithoutAppIsSetOnTheAppItselfAndTheConfiguredOperatorIsNamed() {
        lark.addFeedback(APP, "fb-1", LocalDateTime.now(LarkOpenApi.LARK_ZONE));

        new LarkOpenApi(settings(lark, "ou_operator")).setStatus(null, "fb-1", LarkFeedbackStatus.CLOSED);

        assertEquals(List.of(new LarkStandIn.Patch(APP, "fb-1", 3, "ou_operator")), lark.patches());
    }

    @Test
    void whatLarkRefusesComesWithLarksCode() {
        LarkRefusedException refused = assertThrows(LarkRefusedException.class,
                () -> api.setStatus(APP, "fb-unknown", LarkFeedbackStatus.MARKED));

        assertEquals(1000, refused.code());
    }

    @Test
    void whileLarkIsDownEveryCallIsUnavailableAndSaysNothingOfTheRequest() {
        lark.addFeedback(APP, "fb-1", LocalDateTime.now(LarkOpenApi.LARK_ZONE));
        lark.down();

        LarkUnavailableException patch = assertThrows(LarkUnavailableException.class,
                () -> api.setStatus(APP, "fb-1", LarkFeedbackStatus.MARKED));
        assertThrows(LarkUnavailableException.class, () -> api.list(APP, Instant.now().minusSeconds(60),
                Instant.now(), null));

        assertEquals(List.of(), lark.patches());
        assertEquals(-1, patch.getMessage().indexOf("fb-1"));
    }

    @Test
    void aClosedPortIsUnavailableToo() {
        LarkStandIn gone = LarkStandIn.start(APP, SECRET, 2);
        LarkOpenApi toNowhere = new LarkOpenApi(settings(gone, null));
        gone.close();

        assertThrows(LarkUnavailableException.class, () -> toNowhere.setStatus(APP, "fb-1", LarkFeedbackStatus.MARKED));
    }

    @Test
    void theListingOfTheDaysAskedComesPageByPageWithEveryField() {
        LocalDateTime now = LocalDateTime.now(LarkOpenApi.LARK_ZONE);
        for (int i = 0; i < 5; i++) {
            lark.addFeedback(APP, "fb-" + i, now.minusHours(i));
        }
        lark.addFeedback(APP, "fb-old", now.minusDays(10));
        lark.addFeedback("cli_other", "fb-other", now);

        List<ListedFeedback> listed = new ArrayList<>();
        int pages = 0;
        String token = null;
        do {
            ListedPage page = api.list(APP, Instant.now().minus(Duration.ofDays(3)), Instant.now(), token);
            listed.addAll(page.items());
            token = page.nextPageToken();
            pages++;
        } while (token != null);

        assertEquals(3, pages);
        assertEquals(List.of("fb-0", "fb-1", "fb-2", "fb-3", "fb-4"),
                listed.stream().map(l -> l.feedback().feedbackId()).toList());
        Feedback first = listed.get(0).feedback();
        assertEquals(APP, first.appId());
        assertEquals("字节跳动", first.tenantName());
        assertEquals(new UserRef("ou_84aad35d084aa403a838cf73ee18467", null, null), first.user());
        assertEquals(FeedbackType.FAULT, first.type());
        assertEquals(List.of(FaultKind.CRASH), first.faultKinds());
        assertEquals(FeedbackSource.MINI_PROGRAM, first.source());
        assertEquals(now.withNano(0), first.feedbackTime());
        assertEquals("打开后白屏", first.description());
        assertEquals("wang@example.com", first.contact());
        assertEquals("page/index", first.path());
        assertEquals(0, listed.get(0).larkStatus());
        assertEquals("fb-0", JsonParser.parseString(listed.get(0).raw()).getAsJsonObject()
                .get("feedback_id").getAsString());
    }

    @Test
    void aListedFeedbackWithoutItsIdIsSkippedAndTheOthersKept() {
        LocalDateTime now = LocalDateTime.now(LarkOpenApi.LARK_ZONE);
        lark.addFeedback(APP, "fb-1", now);
        lark.addFeedback(APP, "", now);

        ListedPage page = api.list(APP, Instant.now().minus(Duration.ofDays(1)), Instant.now(), null);

        assertEquals(List.of("fb-1"), page.items().stream().map(l -> l.feedback().feedbackId()).toList());
        assertNull(page.nextPageToken());
    }
}
