package dev.larkinbox.domain.reason;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Why a policy decided what it did, as a value: a key of the domain's bundle {@code reasons} and its arguments,
 * read in English or Chinese wherever it is shown ({@link #text}). The arguments are the open values (counts, codes,
 * versions, names); a pattern writes {@code {0,word}} for an argument that is a word of the bundle (a status, a
 * category, a fault kind), which each language gives as {@code word.<value>}, and {@code {0,words}} for an argument
 * that lists such words, separated by {@value #LIST}. An argument a {@code choice} chooses by is a whole number.
 *
 * @param key  a key of {@code reasons.properties}, such as {@code triage.suggestion}
 * @param args the values its pattern's {@code {0}}, {@code {1}}... stand for
 */
public record Reason(String key, List<String> args) {
    private static final String BUNDLE = "dev.larkinbox.domain.reason.reasons";
    /** The key of a reason that is text only: shown as it is, in any language. */
    static final String VERBATIM = "verbatim";
    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_-]*(\\.[a-z0-9_-]+)*");
    private static final Pattern WORD = Pattern.compile("\\{(\\d+),(words?)}");
    private static final Pattern CHOICE = Pattern.compile("\\{(\\d+),choice,");
    /** Between the words of a {@code {0,words}} argument. */
    public static final String LIST = ", ";
    // no fallback to the JVM's default locale: English is the base bundle, whatever the machine speaks
    private static final ResourceBundle.Control ONLY_ASKED = ResourceBundle.Control.getNoFallbackControl(
            ResourceBundle.Control.FORMAT_PROPERTIES);
    /**
     * Texts already written: nearly every stored event carries a few of the same reasons, and writing one (its
     * pattern parsed, its words looked up) was a measurable part of storing an event. Bounded: emptied when full.
     */
    private static final ConcurrentMap<Written, String> WRITTEN = new ConcurrentHashMap<>();
    private static final int WRITTEN_AT_MOST = 4096;

    private record Written(Reason reason, Locale locale) {
    }

    public Reason {
        Objects.requireNonNull(key, "key");
        if (!KEY.matcher(key).matches() || !bundle(Locale.ROOT).containsKey(key) || key.startsWith("word.")) {
            throw new IllegalArgumentException("no reason has the key " + key);
        }
        args = List.copyOf(Objects.requireNonNull(args, "args"));
    }

    /** The reason of this key, with each argument as its text. */
    public static Reason of(String key, Object... args) {
        return new Reason(key, Arrays.stream(args).map(String::valueOf).toList());
    }

    /**
     * A reason that is text only, shown as it is in every language: one stored before reasons had keys, or one of a
     * team's own policy.
     */
    public static Reason verbatim(String text) {
        return new Reason(VERBATIM, List.of(Objects.requireNonNull(text, "text")));
    }

    /** In Chinese for a Chinese locale, in English otherwise. */
    public String text(Locale locale) {
        Written written = new Written(this, locale);
        String text = WRITTEN.get(written);
        if (text == null) {
            if (WRITTEN.size() >= WRITTEN_AT_MOST) {
                WRITTEN.clear();
            }
            text = write(locale);
            WRITTEN.put(written, text);
        }
        return text;
    }

    private String write(Locale locale) {
        ResourceBundle bundle = bundle(locale);
        Matcher words = WORD.matcher(bundle.getString(key));
        StringBuilder pattern = new StringBuilder();
        while (words.find()) {
            String value = args.get(Integer.parseInt(words.group(1)));
            String word = words.group(2).equals("word") ? word(bundle, value)
                    : Arrays.stream(value.split(LIST)).map(w -> word(bundle, w))
                    .collect(Collectors.joining(bundle.getString("word.list-separator")));
            words.appendReplacement(pattern, Matcher.quoteReplacement("'" + word.replace("'", "''") + "'"));
        }
        words.appendTail(pattern);
        // a choice ({4,choice,0#no app|1#app {0}}) chooses by a number
        Object[] values = args.toArray();
        CHOICE.matcher(pattern).results().mapToInt(m -> Integer.parseInt(m.group(1)))
                .forEach(i -> values[i] = Long.valueOf(args.get(i)));
        return new MessageFormat(pattern.toString(), locale).format(values);
    }

    private static String word(ResourceBundle bundle, String value) {
        return bundle.containsKey("word." + value) ? bundle.getString("word." + value) : value;
    }

    /** The English text: what the API and the export show, and what is stored beside the key. */
    public String english() {
        return text(Locale.ENGLISH);
    }

    private static ResourceBundle bundle(Locale locale) {
        Locale chosen = "zh".equals(locale.getLanguage()) ? Locale.SIMPLIFIED_CHINESE : Locale.ROOT;
        try {
            return ResourceBundle.getBundle(BUNDLE, chosen, ONLY_ASKED);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("the domain's reasons bundle is missing", e);
        }
    }
}
