package dev.larkinbox.outbound.lark;

import com.lark.oapi.Client;
import com.lark.oapi.service.im.v1.model.CreateMessageReq;
import com.lark.oapi.service.im.v1.model.CreateMessageReqBody;
import com.lark.oapi.service.im.v1.model.CreateMessageRespBody;
import com.lark.oapi.service.im.v1.model.PatchMessageReq;
import com.lark.oapi.service.im.v1.model.PatchMessageReqBody;
import dev.larkinbox.domain.card.DailyDigest;
import dev.larkinbox.domain.card.FeedbackCard;
import dev.larkinbox.domain.card.LarkChat;
import dev.larkinbox.domain.card.ProblemCard;
import dev.larkinbox.domain.platform.LarkRefusedException;
import dev.larkinbox.domain.validation.Text;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Feedback cards in one chat through the SDK's IM client: {@code POST /open-apis/im/v1/messages} to post,
 * {@code PATCH /open-apis/im/v1/messages/:message_id} to update ({@code im.v1.message.update} refuses cards).
 */
final class LarkChatCards implements LarkChat {
    static final String RECEIVE_ID_TYPE = "chat_id";
    static final String INTERACTIVE = "interactive";

    private final Client client;
    private final String chatId;

    LarkChatCards(Client client, String chatId) {
        this.client = client;
        this.chatId = Text.requireNonBlank(chatId, "inbox.notify.chat-id");
    }

    /**
     * The uuid is derived from the chat and the feedback: Lark posts a uuid once (within an hour), so a retry after
     * an answer that never reached us cannot post the card twice.
     */
    @Override
    public String post(FeedbackCard card) {
        return create("post a card", LarkCardJson.card(card).toString(), idempotencyKey(card.feedbackId()));
    }

    /** The uuid is derived from the chat, the problem and the occasion: one card per spike, one per regression. */
    @Override
    public String postProblem(ProblemCard card) {
        return create("post a problem's card", LarkCardJson.problem(card).toString(),
                idempotencyKey(card.kind() + " " + card.problemId() + " " + card.occasion()));
    }

    /** The uuid is derived from the chat and the day, as a feedback card's is from the feedback. */
    @Override
    public String postDigest(DailyDigest digest) {
        return create("post the digest", LarkCardJson.digest(digest).toString(),
                idempotencyKey("digest " + digest.day()));
    }

    private String create(String what, String content, String uuid) {
        CreateMessageReq request = CreateMessageReq.newBuilder()
                .receiveIdType(RECEIVE_ID_TYPE)
                .createMessageReqBody(CreateMessageReqBody.newBuilder()
                        .receiveId(chatId)
                        .msgType(INTERACTIVE)
                        .content(content)
                        .uuid(uuid)
                        .build())
                .build();
        CreateMessageRespBody body = SdkCalls.checked(what,
                SdkCalls.call(() -> client.im().v1().message().create(request))).getData();
        if (body == null || body.getMessageId() == null || body.getMessageId().isBlank()) {
            throw new LarkRefusedException(0, what + ": Lark's answer names no message");
        }
        return body.getMessageId();
    }

    @Override
    public void update(String messageId, FeedbackCard card) {
        PatchMessageReq request = PatchMessageReq.newBuilder()
                .messageId(messageId)
                .patchMessageReqBody(PatchMessageReqBody.newBuilder()
                        .content(LarkCardJson.card(card).toString())
                        .build())
                .build();
        SdkCalls.checked("update a card", SdkCalls.call(() -> client.im().v1().message().patch(request)));
    }

    String idempotencyKey(String feedbackId) {
        return UUID.nameUUIDFromBytes((chatId + "\n" + feedbackId).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
