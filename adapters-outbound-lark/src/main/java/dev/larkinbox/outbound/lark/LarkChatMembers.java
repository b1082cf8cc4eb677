package dev.larkinbox.outbound.lark;

import com.lark.oapi.Client;
import com.lark.oapi.service.im.v1.model.GetChatMembersReq;
import com.lark.oapi.service.im.v1.model.GetChatMembersRespBody;
import com.lark.oapi.service.im.v1.model.ListMember;
import dev.larkinbox.domain.admission.ChatMembers;
import dev.larkinbox.domain.platform.LarkUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A chat's members as the app sees them: {@code GET /open-apis/im/v1/chats/:chat_id/members?member_id_type=open_id}
 * with the tenant token (scope {@code im:chat.members:read} or {@code im:chat:readonly}), every page, kept for a
 * short while: renewed sessions and card clicks ask often, and Lark allows about 50 calls a second per app. When
 * Lark cannot be asked, a list read within {@code staleFor} still answers.
 */
final class LarkChatMembers implements ChatMembers {
    static final int PAGE_SIZE = 100;

    private record Listed(Set<String> openIds, Instant at) {
    }

    private final Client client;
    private final Duration keepFor;
    private final Duration staleFor;
    private final Clock clock;
    private final Map<String, Listed> byChat = new ConcurrentHashMap<>();

    LarkChatMembers(Client client, Duration keepFor, Duration staleFor, Clock clock) {
        this.client = client;
        this.keepFor = keepFor;
        this.staleFor = staleFor;
        this.clock = clock;
    }

    @Override
    public boolean isMember(String chatId, String openId) {
        Objects.requireNonNull(openId, "openId");
        Instant now = clock.instant();
        Listed listed = byChat.get(chatId);
        if (listed == null || !now.isBefore(listed.at().plus(keepFor))) {
            try {
                listed = new Listed(list(chatId), now);
                byChat.put(chatId, listed);
            } catch (LarkUnavailableException e) {
                if (listed == null || !now.isBefore(listed.at().plus(staleFor))) {
                    throw e;
                }
            }
        }
        return listed.openIds().contains(openId);
    }

    private Set<String> list(String chatId) {
        Set<String> openIds = new HashSet<>();
        String pageToken = null;
        do {
            GetChatMembersReq.Builder request = GetChatMembersReq.newBuilder().chatId(chatId)
                    .memberIdType(LarkOpenApi.USER_ID_TYPE).pageSize(PAGE_SIZE);
            if (pageToken != null) {
                request.pageToken(pageToken);
            }
            GetChatMembersReq built = request.build();
            GetChatMembersRespBody body = SdkCalls.checked("list the chat's members",
                    SdkCalls.call(() -> client.im().v1().chatMembers().get(built))).getData();
            if (body == null) {
                break;
            }
            if (body.getItems() != null) {
                for (ListMember member : body.getItems()) {
                    if (member != null && member.getMemberId() != null) {
                        openIds.add(member.getMemberId());
                    }
                }
            }
            boolean more = Boolean.TRUE.equals(body.getHasMore()) && body.getPageToken() != null
                    && !body.getPageToken().isBlank();
            pageToken = more ? body.getPageToken() : null;
        } while (pageToken != null);
        return Set.copyOf(openIds);
    }
}
