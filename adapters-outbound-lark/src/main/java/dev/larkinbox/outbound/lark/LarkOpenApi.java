package dev.larkinbox.outbound.lark;

import com.lark.oapi.Client;
import com.lark.oapi.service.application.v6.model.ApplicationFeedback;
import com.lark.oapi.service.application.v6.model.ListApplicationFeedbackReq;
import com.lark.oapi.service.application.v6.model.ListApplicationFeedbackRespBody;
import com.lark.oapi.service.application.v6.model.PatchApplicationFeedbackReq;
import dev.larkinbox.domain.admission.ChatMembers;
import dev.larkinbox.domain.admission.LarkAccounts;
import dev.larkinbox.domain.card.LarkChat;
import dev.larkinbox.domain.recovery.LarkFeedbackListing;
import dev.larkinbox.domain.recovery.ListedFeedback;
import dev.larkinbox.domain.recovery.ListedPage;
import dev.larkinbox.domain.reply.LarkBot;
import dev.larkinbox.domain.sync.LarkStatusApi;
import dev.larkinbox.domain.workflow.LarkFeedbackStatus;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lark's feedback open API (and, by {@link #chat}, its messages; by {@link #accounts}, signing people in) through the Java SDK's client, which fetches and caches the tenant access token.
 * <p>
 * The SDK can log every request and response with its body (personal data; the token request carries the app
 * secret): that logging stays off ({@code logReqAtDebug} is left false), and since the SDK still logs bodies at
 * ERROR when an answer cannot be read, the logger {@code com.lark.oapi} must stay off too (the app's logback.xml
 * turns it off). Failures are reported by kind, never by the SDK's messages, which may quote bodies.
 */
public final class LarkOpenApi implements LarkStatusApi, LarkFeedbackListing {
    private static final Logger LOG = LoggerFactory.getLogger(LarkOpenApi.class);

    /** Lark lists by whole days of its own zone: China time. */
    static final ZoneId LARK_ZONE = ZoneId.of("Asia/Shanghai");
    static final int PAGE_SIZE = 50;
    /** The listing gives one user id, of the kind asked for: open_id, as the events name it first. */
    static final String USER_ID_TYPE = "open_id";
    private static final DateTimeFormatter LARK_DATE = DateTimeFormatter.ISO_LOCAL_DATE;

    private final Client client;
    private final LarkApiSettings settings;
    private final String ownAppId;
    private final String operatorId;

    public LarkOpenApi(LarkApiSettings settings) {
        this.client = Client.newBuilder(settings.appId(), settings.appSecret())
                .openBaseUrl(settings.domain())
                .requestTimeout(settings.timeout().toMillis(), TimeUnit.MILLISECONDS)
                .build();
        this.settings = settings;
        this.ownAppId = settings.appId();
        this.operatorId = settings.operatorId();
    }

    /** The team's chat, through the same client. */
    public LarkChat chat(String chatId) {
        return new LarkChatCards(client, chatId);
    }

    /** The app's bot writing to one person, through the same client. */
    public LarkBot bot() {
        return new LarkBotMessages(client);
    }

    /**
     * Signing people in with their Lark account.
     *
     * @param accountsDomain {@code lark.accounts-domain}, the authorize page's host
     * @param redirectUri    where Lark sends the browser back, as registered in Lark's console
     * @param asksChat       whether people are let in by a chat: their token is to ask it, a scope Lark asks them
     */
    public LarkAccounts accounts(URI accountsDomain, URI redirectUri, boolean asksChat) {
        return new LarkAccountsApi(settings, accountsDomain, redirectUri, asksChat);
    }

    /**
     * Chats' members through the same client, each list kept {@code keepFor}, and used up to {@code staleFor} when
     * Lark cannot be asked.
     */
    public ChatMembers chatMembers(Duration keepFor, Duration staleFor) {
        return new LarkChatMembers(client, keepFor, staleFor, Clock.systemUTC());
    }

    @Override
    public void setStatus(String appId, String feedbackId, LarkFeedbackStatus status) {
        PatchApplicationFeedbackReq.Builder request = PatchApplicationFeedbackReq.newBuilder()
                .appId(appId == null ? ownAppId : appId)
                .feedbackId(feedbackId)
                .status(status.code());
        if (operatorId != null) {
            request.operatorId(operatorId).userIdType(USER_ID_TYPE);
        }
        PatchApplicationFeedbackReq built = request.build();
        SdkCalls.checked("set a feedback status", SdkCalls.call(() -> client.application().v6().applicationFeedback().patch(built)));
    }

    @Override
    public ListedPage list(String appId, Instant since, Instant until, String pageToken) {
        ListApplicationFeedbackReq.Builder request = ListApplicationFeedbackReq.newBuilder()
                .appId(Objects.requireNonNull(appId, "appId"))
                .fromDate(LARK_DATE.format(since.atZone(LARK_ZONE)))
                .toDate(LARK_DATE.format(until.atZone(LARK_ZONE)))
                .userIdType(USER_ID_TYPE)
                .pageSize(PAGE_SIZE);
        if (pageToken != null) {
            request.pageToken(pageToken);
        }
        ListApplicationFeedbackReq built = request.build();
        ListApplicationFeedbackRespBody body = SdkCalls.checked("list feedback",
                SdkCalls.call(() -> client.application().v6().applicationFeedback().list(built))).getData();
        if (body == null) {
            return new ListedPage(List.of(), null);
        }
        ApplicationFeedback[] listed = body.getFeedbackList() == null ? new ApplicationFeedback[0]
                : body.getFeedbackList();
        List<ListedFeedback> items = Arrays.stream(listed).filter(Objects::nonNull).map(LarkOpenApi::translated)
                .flatMap(Optional::stream).toList();
        boolean more = Boolean.TRUE.equals(body.getHasMore()) && body.getPageToken() != null
                && !body.getPageToken().isBlank();
        return new ListedPage(items, more ? body.getPageToken() : null);
    }

    private static Optional<ListedFeedback> translated(ApplicationFeedback item) {
        try {
            return Optional.of(ListedFeedbackTranslation.of(item));
        } catch (IllegalArgumentException e) {
            // a listed feedback without its id cannot be kept; the others can
            LOG.warn("skipped a feedback Lark listed: {}", e.getMessage());
            return Optional.empty();
        }
    }
}
