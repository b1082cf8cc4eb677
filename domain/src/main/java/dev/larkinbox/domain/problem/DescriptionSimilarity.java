package dev.larkinbox.domain.problem;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * How alike two feedback descriptions read, from 0 (nothing shared) to 1 (the same pieces): the Dice coefficient of
 * their pieces. Chinese (and Japanese, Korean) is written without spaces and a word is mostly two characters, so a
 * run of those characters gives its character bigrams, with no dictionary. Other words give the character 4-grams
 * of the word between spaces, so "crash", "crashes" and "crashed" share most of theirs; on the corpus behind
 * {@link DefaultGroupingPolicy#DEFAULT_THRESHOLD} this outgrew bigrams of the whole text, which let English
 * function words ("the", "to") join unrelated reports. Text is normalised first (NFKC, lower case, punctuation to
 * spaces) so that full-width forms, capitals and punctuation do not count.
 */
public final class DescriptionSimilarity {
    private static final int WORD_GRAM = 4;

    private DescriptionSimilarity() {
    }

    /** A blank or missing description is like nothing, itself included: there is no text to compare. */
    public static double of(String first, String second) {
        return ofPieces(pieces(first), pieces(second));
    }

    /** As {@link #of(String, String)}, of pieces {@link #pieces} gave: a round cuts each description once. */
    static double ofPieces(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        Set<String> smaller = a.size() <= b.size() ? a : b;
        Set<String> larger = smaller == a ? b : a;
        int shared = 0;
        for (String piece : smaller) {
            if (larger.contains(piece)) {
                shared++;
            }
        }
        return 2.0 * shared / (a.size() + b.size());
    }

    static String normalise(String text) {
        if (text == null) {
            return "";
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return folded.replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    /** The pieces of a description compared: an unmodifiable set, empty for a blank one. */
    static Set<String> pieces(String text) {
        String normal = normalise(text);
        Set<String> pieces = new HashSet<>();
        int start = 0;
        while (start < normal.length()) {
            if (normal.charAt(start) == ' ') {
                start++;
                continue;
            }
            boolean unspaced = isUnspaced(normal.codePointAt(start));
            int end = start;
            while (end < normal.length() && normal.charAt(end) != ' '
                    && isUnspaced(normal.codePointAt(end)) == unspaced) {
                end++;
            }
            String run = normal.substring(start, end);
            if (unspaced) {
                addGrams(run, 2, pieces);
            } else {
                addGrams(" " + run + " ", WORD_GRAM, pieces);
            }
            start = end;
        }
        return Set.copyOf(pieces);
    }

    /** A run shorter than a gram gives none but a lone Chinese character, which is a word. */
    private static void addGrams(String run, int size, Set<String> into) {
        if (run.length() == 1) {
            into.add(run);
        }
        for (int i = 0; i + size <= run.length(); i++) {
            into.add(run.substring(i, i + size));
        }
    }

    private static boolean isUnspaced(int codePoint) {
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
    }
}
