package dev.larkinbox.outbound.db.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.larkinbox.domain.reason.Reason;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostgresReasonsTest {

    @Test
    void aReasonComesBackAsItWentWhateverItsArgumentsHold() {
        List<Reason> reasons = List.of(Reason.of("triage.suggestion"),
                Reason.of("triage.omitted-images", "3", "10"),
                Reason.verbatim("back\\slash \\s, a separator \u001F, \\\u001F, 白屏"),
                Reason.verbatim(""));

        String[] keys = PostgresReasons.keys(reasons);

        assertEquals(reasons, PostgresReasons.read(PostgresReasons.texts(reasons), keys));
    }

    @Test
    void aKeyThisVersionDoesNotKnowShowsItsStoredText() {
        assertEquals(List.of(Reason.verbatim("a reason a later version gave")),
                PostgresReasons.read(new String[] {"a reason a later version gave"},
                        new String[] {"triage.from-a-later-version\u001Fx"}));
    }

    @Test
    void rowsStoredBeforeKeysShowTheirText() {
        assertEquals(List.of(Reason.verbatim("crash is P1 (stability)")),
                PostgresReasons.read(new String[] {"crash is P1 (stability)"}, null));
    }
}
