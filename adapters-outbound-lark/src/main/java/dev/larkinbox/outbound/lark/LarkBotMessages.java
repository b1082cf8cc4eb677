package dev.larkinbox.outbound.lark;

import com.google.gson.JsonObject;
import com.lark.oapi.Client;
import com.lark.oapi.service.im.v1.model.CreateMessageReq;
import com.lark.oapi.service.im.v1.model.CreateMessageReqBody;
import dev.larkinbox.domain.platform.LarkRefusedException;
import dev.larkinbox.domain.platform.LarkUnavailableException;
import dev.larkinbox.domain.reason.Reason;
import dev.larkinbox.domain.reply.LarkBot;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/**
 * Text messages from the app's bot to one person, by open_id: {@code POST /open-apis/im/v1/messages?receive_id_type=
 * open_id} (scope {@code im:message:send_as_bot}; the app needs bot capability). A person Lark will not let the bot
 * reach is a permanent refusal, said in words; Lark's rate limit is a try-later, never a refusal that could give the
 * message up.
 */
final class LarkBotMessages implements LarkBot {
    static final String RECEIVE_ID_TYPE = "open_id";
    static final String TEXT = "text";

    /** Lark's codes for a person the bot cannot write to, whatever the retries, and the keys of their reasons. */
    static final Map<Integer, String> UNREACHABLE = Map.of(
            230013, "lark.refused.outside-availability",
            230006, "lark.refused.no-bot",
            99992361, "lark.refused.not-a-user");

    /** Lark's code for more than 5 messages a second to one person: a passing refusal, tried again later. */
    static final int TOO_FAST = 230020;

    private final Client client;

    LarkBotMessages(Client client) {
        this.client = client;
    }

    /** The uuid is derived from the key: Lark posts a uuid once (within an hour), so a retry cannot write twice. */
    @Override
    public void send(String openId, String text, String key) {
        JsonObject content = new JsonObject();
        content.addProperty(TEXT, text);
        CreateMessageReq request = CreateMessageReq.newBuilder()
                .receiveIdType(RECEIVE_ID_TYPE)
                .createMessageReqBody(CreateMessageReqBody.newBuilder()
                        .receiveId(openId)
                        .msgType(TEXT)
                        .content(content.toString())
                        .uuid(uuid(key))
                        .build())
                .build();
        try {
            SdkCalls.checked("write to the reporter", SdkCalls.call(() -> client.im().v1().message().create(request)));
        } catch (LarkRefusedException e) {
            if (e.code() == TOO_FAST) {
                throw new LarkUnavailableException("Lark's rate limit of messages to one person: try later", null);
            }
            String unreachable = UNREACHABLE.get(e.code());
            if (unreachable == null) {
                throw e;
            }
            throw new LarkRefusedException(e.code(), Reason.of(unreachable, e.code()), true);
        }
    }

    static String uuid(String key) {
        return UUID.nameUUIDFromBytes(("reporter\n" + key).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
