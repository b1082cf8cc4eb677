package dev.larkinbox.domain.reason;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larkinbox.domain.feedback.FaultKind;
import dev.larkinbox.domain.feedback.Feedback;
import dev.larkinbox.domain.feedback.FeedbackType;
import dev.larkinbox.domain.inbox.FeedbackStatus;
import dev.larkinbox.domain.triage.DefaultTriagePolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ReasonTest {

    @Test
    void everyReasonHasItsTextInEnglishAndInChineseKeyForKey() throws IOException {
        Properties en = bundle("reasons.properties");
        Properties zh = bundle("reasons_zh_CN.properties");
        Set<String> enKeys = en.stringPropertyNames();
        Set<String> zhReasons = zh.stringPropertyNames().stream().filter(k -> !k.startsWith("word."))
                .collect(Collectors.toSet());
        assertEquals(enKeys.stream().filter(k -> !k.startsWith("word.")).collect(Collectors.toSet()), zhReasons);
        assertTrue(zh.containsKey("word.list-separator"));
        for (String key : zhReasons) {
            if (!key.equals(Reason.VERBATIM)) {
                assertTrue(zh.getProperty(key).codePoints().anyMatch(c -> Character.UnicodeScript.of(c)
                        == Character.UnicodeScript.HAN), key + " in Chinese: " + zh.getProperty(key));
            }
            // every pattern reads with as many arguments as it names, in both languages
            Reason reason = new Reason(key, IntStream.range(0, 8).mapToObj(i -> "1").toList());
            assertTrue(!reason.english().isBlank() && !reason.text(Locale.SIMPLIFIED_CHINESE).isBlank(), key);
        }
    }

    @Test
    void everyWordAReasonNamesHasItsChineseWord() throws IOException {
        Properties zh = bundle("reasons_zh_CN.properties");
        Set<String> words = new HashSet<>();
        Arrays.stream(FeedbackStatus.values()).map(FeedbackStatus::label).forEach(words::add);
        Arrays.stream(FaultKind.Known.values()).map(FaultKind::label).forEach(words::add);
        // the categories the default triage gives, to every type and kind
        Stream.concat(Stream.of(FeedbackType.SUGGESTION, FeedbackType.FAULT, FeedbackType.ofCode(9))
                        .map(t -> new DefaultTriagePolicy().triage(feedback(t, List.of()))),
                        Arrays.stream(FaultKind.Known.values())
                                .map(k -> new DefaultTriagePolicy().triage(feedback(FeedbackType.FAULT, List.of(k)))))
                .map(t -> t.category()).forEach(words::add);
        Set<String> missing = words.stream().filter(w -> !zh.containsKey("word." + w)).collect(Collectors.toSet());
        assertEquals(Set.of(), missing);
    }

    @Test
    void aWordIsReadInTheReadersLanguageAndAListOfWordsToo() {
        Reason reason = Reason.of("problem.none-may-move", "resolved", "closed" + Reason.LIST + "in_progress");

        assertEquals("none of the problem's feedback may move to resolved (they are closed, in_progress)",
                reason.english());
        assertEquals("该问题的反馈都不能改为已解决（它们是已关闭、处理中）", reason.text(Locale.SIMPLIFIED_CHINESE));
    }

    @Test
    void englishIsEnglishWhateverTheMachineSpeaks() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
            assertEquals("a suggestion is P4", Reason.of("triage.suggestion").english());
            assertEquals("a suggestion is P4", Reason.of("triage.suggestion").text(Locale.FRENCH));
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void aReasonKeptAsTextIsShownAsItIsInEitherLanguage() {
        Reason old = Reason.verbatim("crash is P1 (stability) {0} it's");

        assertEquals("crash is P1 (stability) {0} it's", old.english());
        assertEquals("crash is P1 (stability) {0} it's", old.text(Locale.SIMPLIFIED_CHINESE));
    }

    @Test
    void aKeyNoBundleHasIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Reason.of("triage.no-such-rule"));
        assertThrows(IllegalArgumentException.class, () -> Reason.of("word.crash"));
        assertThrows(NullPointerException.class, () -> new Reason("triage.suggestion", null));
    }

    private static Feedback feedback(FeedbackType type, List<FaultKind> kinds) {
        return new Feedback("fb-1", "cli_app", null, null, type, kinds, null, null, null, null, null, null, null);
    }

    private static Properties bundle(String file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Reason.class.getResourceAsStream(file)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
