package dev.larkinbox.inbound.lark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExactWholeNumbersTest {
    private static final Gson GSON = new GsonBuilder().registerTypeAdapterFactory(new ExactWholeNumbers()).create();

    /** The shape of the SDK's models: boxed and primitive whole numbers. */
    static final class Model {
        Integer type;
        long time;
    }

    private static Model read(String json) {
        return GSON.fromJson(JsonParser.parseString(json), Model.class);
    }

    @Test
    void aWholeNumberIsReadAsItIsWrittenAndNullStaysNull() {
        Model model = read("{\"type\": 3, \"time\": 1714550400123}");
        assertEquals(3, model.type);
        assertEquals(1714550400123L, model.time);
        assertEquals(2, read("{\"type\": 2.0}").type);
        assertEquals(7, read("{\"type\": \"7\"}").type);
        assertNull(read("{\"type\": null}").type);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"type\": 1e30}", "{\"type\": 2147483648}", "{\"type\": 2.5}", "{\"type\": \"two\"}",
            "{\"time\": 9223372036854775808}", "{\"time\": 1e999999999}", "{\"type\": true}", "{\"type\": [1]}"})
    void aNumberThatIsNotExactlyAWholeNumberOfTheFieldsRangeIsRefusedNotClamped(String json) {
        assertThrows(JsonParseException.class, () -> read(json));
    }
}
