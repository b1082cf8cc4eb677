package dev.larkinbox.inbound.web.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larkinbox.domain.event.Transport;
import dev.larkinbox.domain.feedback.FaultKind;
import dev.larkinbox.domain.feedback.FeedbackSource;
import dev.larkinbox.domain.feedback.FeedbackType;
import dev.larkinbox.domain.inbox.FeedbackStatus;
import dev.larkinbox.domain.inbox.InboxSummary;
import dev.larkinbox.domain.person.Role;
import dev.larkinbox.domain.triage.Priority;
import dev.larkinbox.domain.version.VersionEventKind;
import io.micronaut.context.MessageSource;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every bundle in {@code i18n/} speaks both languages, key for key, and every text a template or the Java side asks
 * for is in them: a page never shows a key, nor English to a Chinese reader for want of a translation.
 */
class BundlesTest {
    private static final Path RESOURCES = Path.of("src/main/resources");
    private static final Path JAVA = Path.of("src/main/java");
    /** {@code #{key}} or {@code #{key(args)}}: a key written in the template. */
    private static final Pattern LITERAL_KEY = Pattern.compile("#\\{([a-zA-Z][\\w.-]*)[}(]");
    /** {@code #{'prefix.' + ${value}}}: a key made of a value, such as a status's label. */
    private static final Pattern MADE_KEY = Pattern.compile("#\\{'([\\w.-]+\\.)' \\+");
    /** {@code text("key"} or {@code text("prefix." + value}: what the Java side asks a reader for. */
    private static final Pattern JAVA_KEY = Pattern.compile("\\.text\\(\"([\\w.-]+)\"(\\s*[+]?)");

    /**
     * The values each key made of one stands for; a template making keys of a prefix not listed here fails the
     * test, so that a new one comes with its values checked.
     */
    private static final Map<String, List<String>> MADE = Map.ofEntries(
            Map.entry("status.", labels(FeedbackStatus.values())),
            Map.entry("priority.", Arrays.stream(Priority.values()).map(Priority::name).toList()),
            // the categories DefaultTriagePolicy gives
            Map.entry("category.", List.of("stability", "performance", "other_fault", "suggestion", "unclassified")),
            Map.entry("not-found.", List.of("feedback", "problem", "image", "release")),
            Map.entry("reporter.kind.", List.of("reply", "resolved")),
            Map.entry("people.role.", Arrays.stream(Role.values()).map(Role::label).toList()),
            Map.entry("field.", List.of("app", "type", "fault-kinds", "source", "tenant", "tenant-key", "open-id",
                    "union-id", "user-id", "contact", "path", "reported-at", "fault-at", "received", "came-by",
                    "event-id", "reports", "tenants", "first-seen", "last-seen", "newest-version")),
            Map.entry("type.", Stream.concat(Arrays.stream(FeedbackType.Known.values()).map(FeedbackType::label),
                    Stream.of("unknown")).toList()),
            Map.entry("fault.", Arrays.stream(FaultKind.Known.values()).map(FaultKind::label).toList()),
            Map.entry("source.", Stream.concat(Arrays.stream(FeedbackSource.Known.values())
                    .map(FeedbackSource::label), Stream.of("unknown")).toList()),
            Map.entry("transport.", Arrays.stream(Transport.values())
                    .map(t -> t.name().toLowerCase(Locale.ROOT)).toList()),
            Map.entry("age.", Arrays.stream(InboxSummary.Age.values())
                    .map(a -> a.name().toLowerCase(Locale.ROOT)).toList()),
            Map.entry("version.", Arrays.stream(VersionEventKind.values()).map(VersionEventKind::label).toList()));

    @Test
    void everyBundleHasEveryKeyInBothLanguages() throws IOException {
        Map<String, Properties> bundles = bundles();
        Set<String> names = bundles.keySet().stream().map(n -> n.replaceFirst("_(en|zh_CN)$", ""))
                .collect(Collectors.toCollection(TreeSet::new));
        assertTrue(names.contains("messages"), "the web inbox's own bundle: " + names);
        for (String name : names) {
            Properties en = bundles.get(name + "_en");
            Properties zh = bundles.get(name + "_zh_CN");
            assertTrue(en != null && zh != null, "i18n/" + name + " in both languages, _en and _zh_CN");
            assertEquals(Set.of(), difference(en, zh), "keys of i18n/" + name + "_en missing in _zh_CN");
            assertEquals(Set.of(), difference(zh, en), "keys of i18n/" + name + "_zh_CN missing in _en");
            for (String key : zh.stringPropertyNames()) {
                assertTrue(!zh.getProperty(key).isBlank(), "i18n/" + name + "_zh_CN " + key + " is empty");
            }
        }
    }

    @Test
    void everyBundleIsListedOnceAndNoKeyIsInTwo() throws IOException {
        Map<String, Properties> bundles = bundles();
        Set<String> names = bundles.keySet().stream().map(n -> n.replaceFirst("_(en|zh_CN)$", ""))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(names, new TreeSet<>(Bundles.NAMES), "every bundle in i18n/ is a line of Bundles.NAMES");
        assertEquals(Bundles.NAMES.size(), names.size(), "no bundle listed twice: " + Bundles.NAMES);
        Map<String, String> owner = new TreeMap<>();
        for (var bundle : bundles.entrySet()) {
            for (String key : bundle.getValue().stringPropertyNames()) {
                String name = bundle.getKey().replaceFirst("_(en|zh_CN)$", "");
                String other = owner.putIfAbsent(key, name);
                assertTrue(other == null || other.equals(name), key + " is in i18n/" + other + " and i18n/" + name
                        + ": only the first listed would be said");
            }
        }
    }

    @Test
    void everyListedBundleIsSaidInBothLanguages() {
        var messages = new Bundles();
        for (String name : Bundles.NAMES) {
            for (Locale language : List.of(Languages.EN, Languages.ZH_CN)) {
                ResourceBundle bundle = ResourceBundle.getBundle("i18n." + name, language);
                String key = bundle.keySet().iterator().next();
                assertEquals(Optional.of(bundle.getString(key)), messages.getRawMessage(key,
                        MessageSource.MessageContext.of(language)), name + ": " + key + " in " + language);
            }
        }
    }

    @Test
    void theChineseBundlesAreInChinese() throws IOException {
        Properties zh = bundles().get("messages_zh_CN");
        long chinese = zh.stringPropertyNames().stream()
                .filter(k -> zh.getProperty(k).codePoints().anyMatch(c -> Character.UnicodeScript.of(c)
                        == Character.UnicodeScript.HAN)).count();
        assertTrue(chinese > zh.size() * 0.8, chinese + " of " + zh.size() + " texts in Chinese characters");
    }

    @Test
    void theDomainsReasonsNameAStatusACategoryOrAFaultKindByThePagesWordForIt() throws IOException {
        Properties zh = bundles().get("messages_zh_CN");
        ResourceBundle reasons = ResourceBundle.getBundle("dev.larkinbox.domain.reason.reasons",
                Locale.SIMPLIFIED_CHINESE);
        Set<String> differ = new TreeSet<>();
        for (String key : reasons.keySet().stream().filter(k -> k.startsWith("word.")).toList()) {
            // a word the pages label too (units of time they do not)
            List<String> labels = Stream.of("status.", "category.", "fault.", "type.")
                    .map(prefix -> zh.getProperty(prefix + key.substring("word.".length()))).filter(l -> l != null)
                    .toList();
            if (!labels.isEmpty() && !labels.contains(reasons.getString(key))) {
                differ.add(key + "=" + reasons.getString(key) + ", the pages say " + labels);
            }
        }
        assertEquals(Set.of(), differ, "one word per thing: the reasons' words are the pages' labels");
    }

    @Test
    void everyKeyATemplateUsesIsInTheBundles() throws IOException {
        Set<String> keys = allKeys();
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> templates = Files.walk(RESOURCES.resolve("views"))) {
            for (Path template : templates.filter(p -> p.toString().endsWith(".html")).toList()) {
                String html = Files.readString(template);
                LITERAL_KEY.matcher(html).results().map(m -> m.group(1)).filter(k -> !keys.contains(k))
                        .forEach(k -> missing.add(template.getFileName() + ": " + k));
                for (String prefix : MADE_KEY.matcher(html).results().map(m -> m.group(1)).toList()) {
                    List<String> values = MADE.get(prefix);
                    assertTrue(values != null, template.getFileName() + " makes keys of '" + prefix
                            + "': list the values they stand for in BundlesTest.MADE");
                    values.stream().map(v -> prefix + v).filter(k -> !keys.contains(k))
                            .forEach(k -> missing.add(template.getFileName() + ": " + k));
                }
            }
        }
        assertEquals(Set.of(), missing);
    }

    @Test
    void everyKeyTheJavaSideAsksForIsInTheBundles() throws IOException {
        Set<String> keys = allKeys();
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(JAVA)) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = JAVA_KEY.matcher(Files.readString(source));
                while (m.find()) {
                    String key = m.group(1);
                    boolean made = !m.group(2).isBlank();
                    if (made) {
                        assertTrue(MADE.containsKey(key), source.getFileName() + " makes keys of '" + key
                                + "': list the values they stand for in BundlesTest.MADE");
                        MADE.get(key).stream().map(v -> key + v).filter(k -> !keys.contains(k))
                                .forEach(k -> missing.add(source.getFileName() + ": " + k));
                    } else if (!keys.contains(key)) {
                        missing.add(source.getFileName() + ": " + key);
                    }
                }
            }
        }
        assertEquals(Set.of(), missing);
    }

    /** Every bundle in i18n/, by its file's name without {@code .properties}. */
    private static Map<String, Properties> bundles() throws IOException {
        Map<String, Properties> bundles = new TreeMap<>();
        try (Stream<Path> files = Files.list(RESOURCES.resolve("i18n"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".properties")).toList()) {
                var properties = new Properties();
                try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    properties.load(in);
                }
                bundles.put(file.getFileName().toString().replace(".properties", ""), properties);
            }
        }
        return bundles;
    }

    /** The keys of every English bundle: the Chinese ones have the same, as the first test checks. */
    private static Set<String> allKeys() throws IOException {
        return bundles().entrySet().stream().filter(e -> e.getKey().endsWith("_en"))
                .flatMap(e -> e.getValue().stringPropertyNames().stream()).collect(Collectors.toSet());
    }

    private static Set<String> difference(Properties a, Properties b) {
        Set<String> keys = new HashSet<>(a.stringPropertyNames());
        keys.removeAll(b.stringPropertyNames());
        return keys;
    }

    private static List<String> labels(FeedbackStatus[] statuses) {
        return Arrays.stream(statuses).map(FeedbackStatus::label).toList();
    }
}
