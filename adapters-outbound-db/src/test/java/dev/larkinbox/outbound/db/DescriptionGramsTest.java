package dev.larkinbox.outbound.db;

import static dev.larkinbox.outbound.db.PostgresTestDatabase.queryText;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The description index's grams (V24) are what V4's function made, so that the index built before stays valid and
 * a search finds what it found; computed in time linear in the text.
 */
class DescriptionGramsTest {
    /** V4's definition, inline. */
    private static final String V4 = "(SELECT coalesce(array_agg(DISTINCT g), '{}') FROM (SELECT substr(lower(t), i, 1)"
            + " AS g FROM generate_series(1, length(t)) i UNION ALL SELECT substr(lower(t), i, 2)"
            + " FROM generate_series(1, length(t) - 1) i) grams)";

    @Test
    void theGramsAreV4sForLatinChineseMixedAndEmptyText() {
        for (String text : List.of("", "A", "Crashes on START", "点击支付后应用闪退", "The cart 购物车 loads 很慢, 第5次!",
                "x".repeat(3000) + "7")) {
            assertEquals("true", queryText("SELECT CAST(inbox_text_grams(t) = " + V4 + " AS text)"
                    + " FROM (SELECT CAST(? AS text) AS t) s", text), text.length() > 40 ? "long text" : text);
        }
    }

    @Test
    void aLongRepeatedDescriptionHasItsFewGramsOnce() {
        // 30,000 characters (V4's function took seconds for one): 支, 付, x, 支付, 付x, x支
        assertEquals("6", queryText("SELECT CAST(cardinality(inbox_text_grams(repeat('支付x', 10000))) AS text)"));
    }
}
