package dev.larkinbox.domain.problem;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How alike two feedback descriptions read, from 0 (nothing shared) to 1 (the same pieces): the Dice coefficient of
 * their pieces, a concept weighing {@value #CONCEPT_WEIGHT} times a word. The words of app feedback that
 * {@link FeedbackVocabulary} knows become concepts, whatever the language (付款, pay), so that a Chinese and an
 * English report of one fault share them; other Chinese (and Japanese, Korean) text, written without spaces, gives
 * its character bigrams, with no dictionary, and other words their stem ("crashes" and "crashed" alike). Words that
 * say nothing of the fault are left out, as are numbers (versions, models), which two reports share by chance. Text
 * is normalised first (NFKC, lower case, punctuation to spaces) so that full-width forms, capitals and punctuation
 * do not count.
 */
public final class DescriptionSimilarity {
    /** A concept (pay, crash) says more of a fault than a word the vocabulary does not know. */
    static final int CONCEPT_WEIGHT = 3;
    /** The longest English phrase the vocabulary knows, in words ("picture in picture"). */
    private static final int LONGEST_PHRASE = 3;

    private DescriptionSimilarity() {
    }

    /** A blank or missing description is like nothing, itself included: there is no text to compare. */
    public static double of(String first, String second) {
        return ofPieces(pieces(first), pieces(second), Set.of());
    }

    /**
     * As {@link #of(String, String)}, of pieces {@link #pieces} gave (a round cuts each description once), leaving
     * out the {@code said} ones: the concepts the fault kinds both reports were filed with already say.
     */
    static double ofPieces(Set<String> a, Set<String> b, Set<String> said) {
        int weightA = weight(a, said);
        int weightB = weight(b, said);
        if (weightA == 0 || weightB == 0) {
            return 0;
        }
        Set<String> smaller = a.size() <= b.size() ? a : b;
        Set<String> larger = smaller == a ? b : a;
        int shared = 0;
        for (String piece : smaller) {
            if (larger.contains(piece) && !said.contains(piece)) {
                shared += weight(piece);
            }
        }
        return 2.0 * shared / (weightA + weightB);
    }

    /** The weight of the pieces not {@code said}: 0 when a description says no more than its fault kinds. */
    static int weight(Set<String> pieces, Set<String> said) {
        int weight = 0;
        for (String piece : pieces) {
            if (!said.contains(piece)) {
                weight += weight(piece);
            }
        }
        return weight;
    }

    private static int weight(String piece) {
        return piece.charAt(0) == FeedbackVocabulary.CONCEPT ? CONCEPT_WEIGHT : 1;
    }

    static String normalise(String text) {
        if (text == null) {
            return "";
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder normal = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); ) {
            int codePoint = folded.codePointAt(i);
            if (Character.isLetterOrDigit(codePoint)) {
                normal.appendCodePoint(codePoint);
            } else if (normal.length() > 0 && normal.charAt(normal.length() - 1) != ' ') {
                normal.append(' ');
            }
            i += Character.charCount(codePoint);
        }
        return normal.toString().strip();
    }

    /** The pieces of a description compared: an unmodifiable set, empty for a blank one. */
    static Set<String> pieces(String text) {
        String normal = normalise(text);
        Set<String> pieces = new HashSet<>();
        int start = 0;
        while (start < normal.length()) {
            boolean unspaced = isUnspaced(normal.codePointAt(start));
            int end = start;
            while (end < normal.length() && (normal.charAt(end) == ' ' && !unspaced
                    || normal.charAt(end) != ' ' && isUnspaced(normal.codePointAt(end)) == unspaced)) {
                end++;
            }
            if (unspaced) {
                addChinese(normal.substring(start, end), pieces);
            } else {
                addEnglish(normal.substring(start, end).strip().split(" "), pieces);
            }
            while (end < normal.length() && normal.charAt(end) == ' ') {
                end++;
            }
            start = end;
        }
        return Set.copyOf(pieces);
    }

    /** Concepts where the vocabulary knows the words; the rest, between filler characters, in bigrams. */
    private static void addChinese(String run, Set<String> into) {
        StringBuilder rest = new StringBuilder();
        int i = 0;
        while (i < run.length()) {
            Map.Entry<String, Integer> concept = FeedbackVocabulary.chineseAt(run, i);
            if (concept != null) {
                if (!concept.getKey().equals(FeedbackVocabulary.FILLER)) {
                    into.add(concept.getKey());
                }
                addGrams(rest, into);
                i += concept.getValue();
            } else if (FeedbackVocabulary.CHINESE_FILLER.contains(run.charAt(i))) {
                addGrams(rest, into);
                i++;
            } else {
                rest.append(run.charAt(i++));
            }
        }
        addGrams(rest, into);
    }

    /** A lone character is a word; a longer run gives its bigrams. The run is emptied. */
    private static void addGrams(StringBuilder run, Set<String> into) {
        if (run.length() == 1) {
            into.add(run.toString());
        }
        for (int i = 0; i + 2 <= run.length(); i++) {
            into.add(run.substring(i, i + 2));
        }
        run.setLength(0);
    }

    /** Concepts of the vocabulary's words and phrases (misspelt by a letter too), the stems of the others. */
    private static void addEnglish(String[] words, Set<String> into) {
        int i = 0;
        while (i < words.length) {
            String concept = null;
            int length = FeedbackVocabulary.startsPhrase(words[i]) ? Math.min(LONGEST_PHRASE, words.length - i) : 1;
            for (; length > 0; length--) {
                concept = FeedbackVocabulary.english(length == 1 ? words[i]
                        : String.join(" ", Arrays.copyOfRange(words, i, i + length)));
                if (concept != null) {
                    break;
                }
            }
            if (concept != null) {
                into.add(concept);
                i += length;
                continue;
            }
            String word = words[i];
            i++;
            if (word.isEmpty() || FeedbackVocabulary.ENGLISH_FILLER.contains(word) || hasDigit(word)) {
                continue;
            }
            String misspelt = FeedbackVocabulary.misspelt(word);
            into.add(misspelt != null ? misspelt : stem(word));
        }
    }

    private static String stem(String word) {
        for (String ending : new String[] {"ing", "ed", "es", "s"}) {
            if (word.length() > ending.length() + 3 && word.endsWith(ending)) {
                return word.substring(0, word.length() - ending.length());
            }
        }
        return word;
    }

    private static boolean hasDigit(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (Character.isDigit(word.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUnspaced(int codePoint) {
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
    }
}
