package dev.larkinbox.inbound.lark;

import com.google.gson.Gson;
import com.google.gson.JsonSyntaxException;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * Reads int and long fields only when the number is that whole number exactly. Gson reading from a parsed tree
 * would turn 1e30 into {@link Integer#MAX_VALUE} without a word; the models are read from the tree the envelope
 * already parsed, so that an event is parsed once.
 */
final class ExactWholeNumbers implements TypeAdapterFactory {

    @Override
    @SuppressWarnings("unchecked")
    public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
        Class<?> raw = type.getRawType();
        boolean isInt = raw == int.class || raw == Integer.class;
        if (!isInt && raw != long.class && raw != Long.class) {
            return null;
        }
        TypeAdapter<T> writing = gson.getDelegateAdapter(this, type);
        return new TypeAdapter<>() {
            @Override
            public void write(JsonWriter out, T value) throws IOException {
                writing.write(out, value);
            }

            @Override
            public T read(JsonReader in) throws IOException {
                JsonToken token = in.peek();
                if (token == JsonToken.NULL) {
                    in.nextNull();
                    return null;
                }
                if (token != JsonToken.NUMBER && token != JsonToken.STRING) {
                    throw new JsonSyntaxException("not a number: " + token);
                }
                String text = in.nextString();
                try {
                    BigDecimal number = new BigDecimal(text);
                    return (T) (isInt ? (Object) number.intValueExact() : (Object) number.longValueExact());
                } catch (NumberFormatException | ArithmeticException e) {
                    // the text is a field's value: not quoted in the message
                    throw new JsonSyntaxException("not a whole number of the field's range");
                }
            }
        };
    }
}
