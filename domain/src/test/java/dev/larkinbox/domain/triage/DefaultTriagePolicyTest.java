package dev.larkinbox.domain.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larkinbox.domain.feedback.FaultKind;
import dev.larkinbox.domain.feedback.Feedback;
import dev.larkinbox.domain.feedback.FeedbackType;
import dev.larkinbox.domain.feedback.UnknownCode;
import dev.larkinbox.domain.reason.Reason;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DefaultTriagePolicyTest {
    private final TriagePolicy policy = new DefaultTriagePolicy();

    private static Feedback fault(FaultKind... kinds) {
        return feedback(FeedbackType.FAULT, List.of(kinds));
    }

    private static Feedback feedback(FeedbackType type, List<FaultKind> kinds) {
        return new Feedback("fb-1", "cli_app", null, null, type, kinds, null, null, null, null, null, null, null);
    }

    @ParameterizedTest(name = "fault kind {0} alone is {1} ({2})")
    @CsvSource({
            "1, P1, stability", "2, P1, stability", "3, P1, stability", "5, P1, stability", "7, P1, stability",
            "4, P2, performance", "6, P2, performance",
            "8, P3, other_fault"})
    void everyKnownFaultKindHasItsPriorityAndCategory(int code, Priority priority, String category) {
        Triage triage = policy.triage(fault(FaultKind.ofCode(code)));

        assertEquals(priority, triage.priority());
        assertEquals(category, triage.category());
        assertEquals(List.of(Reason.of("triage.fault-kind", FaultKind.ofCode(code).label(), priority, category)),
                triage.reasons());
    }

    @Test
    void theMostUrgentKindDecidesAndEveryKindIsAReason() {
        Triage triage = policy.triage(fault(FaultKind.LAG, FaultKind.OTHER, FaultKind.CRASH));

        assertEquals(Priority.P1, triage.priority());
        assertEquals("stability", triage.category());
        assertEquals(List.of(Reason.of("triage.fault-kind", "lag", "P2", "performance"),
                Reason.of("triage.fault-kind", "other", "P3", "other_fault"),
                Reason.of("triage.fault-kind", "crash", "P1", "stability")), triage.reasons());
        assertEquals(List.of("lag is P2 (performance)", "other is P3 (other_fault)", "crash is P1 (stability)"),
                triage.reasons().stream().map(Reason::english).toList(), "the API's words, as before keys");
        assertEquals(List.of("卡顿为 P2（性能）", "其他为 P3（其他故障）", "崩溃为 P1（稳定性）"),
                triage.reasons().stream().map(r -> r.text(Locale.SIMPLIFIED_CHINESE)).toList());
    }

    @Test
    void slownessOutranksOtherFaults() {
        Triage triage = policy.triage(fault(FaultKind.OTHER, FaultKind.SLOW_PAGE_LOAD));

        assertEquals(Priority.P2, triage.priority());
        assertEquals("performance", triage.category());
    }

    @Test
    void aRepeatedKindGivesOneReason() {
        Triage triage = policy.triage(fault(FaultKind.FREEZE, FaultKind.FREEZE));

        assertEquals(List.of(Reason.of("triage.fault-kind", "freeze", "P1", "stability")), triage.reasons());
    }

    @Test
    void aFaultKindLarkAddsLaterIsAnOtherFaultAndSaysItsNumber() {
        Triage triage = policy.triage(fault(new UnknownCode(42)));

        assertEquals(Priority.P3, triage.priority());
        assertEquals("other_fault", triage.category());
        assertEquals(List.of(Reason.of("triage.unknown-kind", 42, "P3", "other_fault")), triage.reasons());
        assertEquals("unknown fault kind 42 is P3 (other_fault)", triage.reasons().get(0).english());
    }

    @Test
    void anUnknownKindBesideACrashStillMakesItP1() {
        Triage triage = policy.triage(fault(new UnknownCode(42), FaultKind.CRASH));

        assertEquals(Priority.P1, triage.priority());
        assertEquals(2, triage.reasons().size());
    }

    @Test
    void aFaultNamingNoKindIsP3() {
        Triage triage = policy.triage(fault());

        assertEquals(Priority.P3, triage.priority());
        assertEquals("other_fault", triage.category());
        assertEquals(List.of(Reason.of("triage.no-kind")), triage.reasons());
    }

    @Test
    void aSuggestionIsP4EvenWhenItNamesFaultKinds() {
        Triage triage = policy.triage(feedback(FeedbackType.SUGGESTION, List.of(FaultKind.CRASH)));

        assertEquals(Priority.P4, triage.priority());
        assertEquals("suggestion", triage.category());
        assertEquals(List.of(Reason.of("triage.suggestion")), triage.reasons());
    }

    @Test
    void aFeedbackTypeLarkAddsLaterIsP3SoAPersonLooksAtIt() {
        Triage triage = policy.triage(feedback(new UnknownCode(3), List.of()));

        assertEquals(Priority.P3, triage.priority());
        assertEquals("unclassified", triage.category());
        assertEquals(List.of(Reason.of("triage.type-unknown", 3)), triage.reasons());
    }

    @Test
    void thePolicyIsPureTheSameFeedbackGivesTheSameTriage() {
        Feedback feedback = fault(FaultKind.WHITE_SCREEN, FaultKind.LAG);

        assertEquals(policy.triage(feedback), policy.triage(feedback));
    }
}
