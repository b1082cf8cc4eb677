package dev.larkinbox.domain.reply;

import static dev.larkinbox.domain.inbox.FeedbackStatus.ACKNOWLEDGED;
import static dev.larkinbox.domain.inbox.FeedbackStatus.CLOSED;
import static dev.larkinbox.domain.inbox.FeedbackStatus.IN_PROGRESS;
import static dev.larkinbox.domain.inbox.FeedbackStatus.RESOLVED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larkinbox.domain.reply.ResolutionNotice.Language;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResolutionNoticeTest {
    private final ResolutionNotice chinese = new ResolutionNotice(true, Language.ZH);

    @Test
    void aResolutionTellsAKnownReporterInTheConfiguredLanguage() {
        assertEquals(Optional.of(new ReporterMessage(ReporterMessage.Kind.RESOLVED, "您反馈的问题已解决，感谢您的反馈！")),
                chinese.decide(IN_PROGRESS, RESOLVED, true));
        assertTrue(new ResolutionNotice(true, Language.EN).decide(IN_PROGRESS, RESOLVED, true).orElseThrow().text()
                .startsWith("The problem you reported has been resolved"));
    }

    @Test
    void nothingElseTellsThem() {
        assertEquals(Optional.empty(), chinese.decide(IN_PROGRESS, CLOSED, true));
        assertEquals(Optional.empty(), chinese.decide(RESOLVED, ACKNOWLEDGED, true));
        assertEquals(Optional.empty(), chinese.decide(RESOLVED, RESOLVED, true), "a note on a resolved feedback");
        assertEquals(Optional.empty(), chinese.decide(IN_PROGRESS, RESOLVED, false), "no open_id to write to");
        assertEquals(Optional.empty(), ResolutionNotice.OFF.decide(IN_PROGRESS, RESOLVED, true));
    }
}
