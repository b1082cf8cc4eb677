package dev.larkinbox.inbound.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class GatewayPolicyTest {

    @Test
    void theFieldsLarkSendsReplaceTheOnesBefore() {
        GatewayPolicy p = GatewayPolicy.DEFAULT.with(json(
                "{\"ReconnectCount\":3,\"ReconnectInterval\":10,\"ReconnectNonce\":5,\"PingInterval\":20}"));
        assertEquals(new GatewayPolicy(3, Duration.ofSeconds(10), Duration.ofSeconds(5), Duration.ofSeconds(20)), p);
    }

    @Test
    void fieldsAbsentOrNotNumbersLeaveThePolicyAsItWas() {
        GatewayPolicy p = GatewayPolicy.DEFAULT.with(json("{\"PingInterval\":\"soon\",\"Other\":1}"));
        assertEquals(GatewayPolicy.DEFAULT, p);
    }

    @Test
    void zeroIntervalsAreRaisedToOneSecondSoThatNothingLoopsTightly() {
        GatewayPolicy p = GatewayPolicy.DEFAULT.with(json(
                "{\"ReconnectCount\":-5,\"ReconnectInterval\":0,\"ReconnectNonce\":-1,\"PingInterval\":0}"));
        assertEquals(new GatewayPolicy(-1, Duration.ofSeconds(1), Duration.ZERO, Duration.ofSeconds(1)), p);
    }

    private static JsonObject json(String text) {
        return JsonParser.parseString(text).getAsJsonObject();
    }
}
