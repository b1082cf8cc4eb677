package dev.larkinbox.outbound.db.inbox;

import java.util.Arrays;

/**
 * What the description index holds of a text (V29): each character, lower-cased, as its code point, and each pair of
 * characters as a negative number made of both. A text of two or more characters is found among the descriptions
 * holding all of its pairs, a single character among those holding it; {@code strpos()} then keeps the rows that
 * really contain it, so a pair sharing its number with another only costs a row read, never a wrong answer.
 * Computed here when a feedback is stored and for each search, not in SQL at each insert (about a millisecond per
 * kilobyte of description there); V29's {@code inbox_gram_codes} computes the same for descriptions stored before.
 */
public final class DescriptionGrams {
    private static final long CODE_POINTS = 0x110000;

    private DescriptionGrams() {
    }

    /** Every gram of a stored description, each once, in order; null for none. */
    public static int[] of(String description) {
        if (description == null) {
            return null;
        }
        int[] chars = lowered(description);
        int[] grams = new int[Math.max(0, chars.length * 2 - 1)];
        for (int i = 0; i < chars.length; i++) {
            grams[2 * i] = chars[i];
            if (i + 1 < chars.length) {
                grams[2 * i + 1] = pair(chars[i], chars[i + 1]);
            }
        }
        Arrays.sort(grams);
        int distinct = 0;
        for (int i = 0; i < grams.length; i++) {
            if (i == 0 || grams[i] != grams[i - 1]) {
                grams[distinct++] = grams[i];
            }
        }
        return Arrays.copyOf(grams, distinct);
    }

    /** The grams a description must hold to contain the text: its pairs, or its one character. */
    public static int[] sought(String text) {
        int[] chars = lowered(text);
        if (chars.length == 1) {
            return chars;
        }
        int[] pairs = new int[Math.max(0, chars.length - 1)];
        for (int i = 0; i + 1 < chars.length; i++) {
            pairs[i] = pair(chars[i], chars[i + 1]);
        }
        return pairs;
    }

    /** Lower-cased one character at a time, as a search compares them (a superset of what SQL's lower() folds). */
    private static int[] lowered(String text) {
        return text.codePoints().map(Character::toLowerCase).toArray();
    }

    /** Negative, so that no pair is taken for a character: -1 - ((a * 0x110000 + b) mod (2^31 - 1)). */
    private static int pair(int first, int second) {
        return (int) (-1 - (first * CODE_POINTS + second) % Integer.MAX_VALUE);
    }
}
