package dev.larkinbox.outbound.db;

import static dev.larkinbox.outbound.db.PostgresTestDatabase.queryText;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.larkinbox.outbound.db.inbox.DescriptionGrams;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The description index's grams (V29), computed by the service as it stores a feedback: the same as V29's SQL made
 * of the descriptions stored before, so that those are found as the new ones are (what a search finds:
 * StorePortsContract).
 */
class DescriptionGramsTest {

    @Test
    void theServicesGramsAreThoseTheMigrationGaveTheDescriptionsStoredBefore() {
        for (String text : List.of("", "A", "Crashes on START", "点击支付后应用闪退", "The cart 购物车 loads 很慢, 第5次!",
                "emoji 😀 支付😀", "x".repeat(3000) + "7")) {
            String sql = queryText("SELECT CAST(inbox_gram_codes(lower(CAST(? AS text) COLLATE \"und-x-icu\"))"
                    + " AS text)", text);
            int[] migrated = sql.equals("{}") ? new int[0]
                    : Arrays.stream(sql.substring(1, sql.length() - 1).split(",")).mapToInt(Integer::parseInt)
                    .toArray();
            assertArrayEquals(migrated, DescriptionGrams.of(text), text.length() > 40 ? "long text" : text);
        }
    }

    @Test
    void aLongRepeatedDescriptionHasItsFewGramsOnce() {
        // 30,000 characters: 支, 付, x, 支付, 付x, x支
        assertEquals(6, DescriptionGrams.of("支付x".repeat(10000)).length);
    }
}
