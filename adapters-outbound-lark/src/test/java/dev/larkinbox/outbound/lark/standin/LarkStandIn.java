package dev.larkinbox.outbound.lark.standin;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A stand-in for Lark's open API, a real HTTP server on a random local port, with the three endpoints the inbox
 * uses, as Lark documents them:
 * <ul>
 *   <li>{@code POST /open-apis/auth/v3/tenant_access_token/internal}: a token for the right app id and secret;</li>
 *   <li>{@code GET /open-apis/application/v6/applications/:app_id/feedbacks}: the app's feedback filed from
 *   {@code from_date} to {@code to_date}, paged by {@code page_size} and {@code page_token};</li>
 *   <li>{@code PATCH /open-apis/application/v6/applications/:app_id/feedbacks/:feedback_id?status=S}: recorded, in
 *   the order received; a feedback the stand-in does not know is refused.</li>
 * </ul>
 * and the two message endpoints chat cards use:
 * <ul>
 *   <li>{@code POST /open-apis/im/v1/messages?receive_id_type=chat_id} with {@code receive_id}, {@code msg_type}
 *   {@code interactive}, the card JSON as the {@code content} string, and a {@code uuid}: recorded, and a uuid seen
 *   before answers the message it made without posting again, as Lark does;</li>
 *   <li>{@code PATCH /open-apis/im/v1/messages/:message_id} with the new card as {@code content}: recorded; an
 *   unknown message is refused.</li>
 * </ul>
 * and the bot writing to one person:
 * <ul>
 *   <li>{@code POST /open-apis/im/v1/messages?receive_id_type=open_id} with {@code receive_id}, {@code msg_type}
 *   {@code text}, {@code {"text": ...}} as the {@code content} string, and a {@code uuid}: recorded once per uuid, as
 *   Lark does; a person {@link #outsideAvailability} is refused with code 230013, one {@link #refuse refused} with
 *   the code given.</li>
 * </ul>
 * and the people, chats and sign-in of {@link StandInAccounts} ({@link #accounts()}).
 * Every endpoint but the token and sign-in's want the tenant token. {@link #down()} makes every endpoint answer 503 (a gateway in
 * front of a Lark that is gone) until {@link #up()}.
 */
public final class LarkStandIn implements AutoCloseable {
    public static final String TOKEN = "t-stand-in-tenant-token";
    private static final DateTimeFormatter LARK_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final Pattern LIST = Pattern.compile("/open-apis/application/v6/applications/([^/]+)/feedbacks");
    private static final Pattern PATCH =
            Pattern.compile("/open-apis/application/v6/applications/([^/]+)/feedbacks/([^/]+)");

    /** One PATCH as the stand-in received it. */
    public record Patch(String appId, String feedbackId, int status, String operatorId) {
    }

    /** A card posted to a chat, once per uuid. */
    public record PostedCard(String chatId, String messageId, String uuid, JsonObject card) {
    }

    /** A card a PATCH put in place of a message's card. */
    public record CardUpdate(String messageId, JsonObject card) {
    }

    /** A text the bot wrote to a person, once per uuid. */
    public record BotMessage(String openId, String uuid, String text) {
    }

    private static final String MESSAGES = "/open-apis/im/v1/messages";
    private static final Pattern MESSAGE = Pattern.compile("/open-apis/im/v1/messages/([^/]+)");

    private final String appId;
    private final String appSecret;
    private final int maxPageSize;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final Map<String, List<JsonObject>> feedbackByApp = new HashMap<>();
    private final List<Patch> patches = new ArrayList<>();
    private final Map<String, Integer> calls = new LinkedHashMap<>();
    private final List<PostedCard> postedCards = new ArrayList<>();
    private final List<CardUpdate> cardUpdates = new ArrayList<>();
    private final Map<String, JsonObject> cardByMessage = new HashMap<>();
    private final List<BotMessage> botMessages = new ArrayList<>();
    /** Per person, the code and message Lark answers the bot's messages to them with. */
    private final Map<String, Map.Entry<Integer, String>> refusedPeople = new HashMap<>();
    /** Per person, how many texts the bot tried to write to them, refused ones included. */
    private final Map<String, Integer> attemptsByPerson = new HashMap<>();
    private final StandInAccounts accounts;
    private volatile boolean down;

    private LarkStandIn(String appId, String appSecret, int maxPageSize) {
        this.appId = appId;
        this.appSecret = appSecret;
        this.maxPageSize = maxPageSize;
        this.accounts = new StandInAccounts(appId, appSecret);
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /**
     * @param maxPageSize the most feedback one page holds, whatever page size is asked for: small, so that tests
     *                    page with few feedback
     */
    public static LarkStandIn start(String appId, String appSecret, int maxPageSize) {
        return new LarkStandIn(appId, appSecret, maxPageSize);
    }

    /** For {@code lark.domain}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Lark's people, chats and sign-in. */
    public StandInAccounts accounts() {
        return accounts;
    }

    public void down() {
        down = true;
    }

    public void up() {
        down = false;
    }

    /** A feedback Lark knows about, as its listing shows it; change fields of the returned object to taste. */
    public synchronized JsonObject addFeedback(String feedbackAppId, String feedbackId, LocalDateTime filedAt) {
        JsonObject item = new JsonObject();
        item.addProperty("feedback_id", feedbackId);
        item.addProperty("app_id", feedbackAppId);
        item.addProperty("feedback_time", LARK_TIME.format(filedAt));
        item.addProperty("tenant_name", "字节跳动");
        item.addProperty("feedback_type", 1);
        item.addProperty("status", 0);
        JsonArray kinds = new JsonArray();
        kinds.add(5);
        item.add("fault_type", kinds);
        item.addProperty("fault_time", LARK_TIME.format(filedAt));
        item.addProperty("source", 1);
        item.addProperty("contact", "wang@example.com");
        item.addProperty("update_time", LARK_TIME.format(filedAt));
        item.addProperty("description", "打开后白屏");
        item.addProperty("user_id", "ou_84aad35d084aa403a838cf73ee18467");
        item.add("images", new JsonArray());
        item.addProperty("feedback_path", "page/index");
        feedbackByApp.computeIfAbsent(feedbackAppId, a -> new ArrayList<>()).add(item);
        return item;
    }

    /** The PATCHes received so far, oldest first. */
    public synchronized List<Patch> patches() {
        return List.copyOf(patches);
    }

    /** The cards posted, once per uuid, oldest first. */
    public synchronized List<PostedCard> postedCards() {
        return List.copyOf(postedCards);
    }

    /** The card updates received, oldest first. */
    /** Texts the bot wrote to people, in the order received, once per uuid. */
    public synchronized List<BotMessage> botMessages() {
        return List.copyOf(botMessages);
    }

    /** How many texts the bot tried to write to this person, refused ones included. */
    public synchronized int attemptsTo(String openId) {
        return attemptsByPerson.getOrDefault(openId, 0);
    }

    /** The bot may not write to this person from now on: Lark's code 230013. */
    public void outsideAvailability(String openId) {
        refuse(openId, 230013, "Bot has NO availability to this user.");
    }

    /** Every message to this person is answered HTTP 400 with this code from now on. */
    public synchronized void refuse(String openId, int code, String msg) {
        refusedPeople.put(openId, Map.entry(code, msg));
    }

    public synchronized List<CardUpdate> cardUpdates() {
        return List.copyOf(cardUpdates);
    }

    /** The card a message shows now. */
    public synchronized JsonObject cardOf(String messageId) {
        return cardByMessage.get(messageId).deepCopy();
    }

    /**
     * How often each kind of request came (token, list, patch, message, message-patch; authorize, user-token,
     * user-info, is-in-chat, members), down or up.
     */
    public synchronized int calls(String kind) {
        return calls.getOrDefault(kind, 0);
    }

    /** The status Lark shows for the feedback now. */
    public synchronized int statusOf(String feedbackAppId, String feedbackId) {
        return find(feedbackAppId, feedbackId).get("status").getAsInt();
    }

    /** Waits until the condition holds, polling: for work another thread does. */
    public static void await(String what, Duration timeout, BooleanSupplier condition) {
        try {
            Awaitility.await(what).atMost(timeout).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20))
                    .until(condition::getAsBoolean);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("not within " + timeout + ": " + what, e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // --- the endpoints -------------------------------------------------------------------------------------

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            Matcher list = LIST.matcher(path);
            Matcher patch = PATCH.matcher(path);
            Matcher message = MESSAGE.matcher(path);
            String accountsKind = StandInAccounts.kind(path);
            String kind = accountsKind != null ? accountsKind
                    : path.endsWith("/tenant_access_token/internal") ? "token"
                    : list.matches() ? "list" : patch.matches() ? "patch" : path.equals(MESSAGES) ? "message"
                    : message.matches() ? "message-patch" : "other";
            synchronized (this) {
                calls.merge(kind, 1, Integer::sum);
            }
            if (down) {
                reply(exchange, 503, "text/plain", "upstream unavailable");
                return;
            }
            if (accountsKind != null) {
                accounts.answer(accountsKind, exchange);
                return;
            }
            switch (kind) {
                case "token" -> token(exchange, method);
                case "list" -> authorized(exchange, method, "GET", () -> list(exchange, list.group(1)));
                case "patch" -> authorized(exchange, method, "PATCH",
                        () -> patch(exchange, patch.group(1), patch.group(2)));
                case "message" -> authorized(exchange, method, "POST", () -> postCard(exchange));
                case "message-patch" -> authorized(exchange, method, "PATCH",
                        () -> updateCard(exchange, message.group(1)));
                default -> json(exchange, 404, error(404, "not found"));
            }
        }
    }

    private void token(HttpExchange exchange, String method) throws IOException {
        JsonObject body = "POST".equals(method) ? JsonParser.parseString(
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)).getAsJsonObject() : null;
        if (body == null || !appId.equals(string(body, "app_id")) || !appSecret.equals(string(body, "app_secret"))) {
            json(exchange, 400, error(10014, "app secret invalid"));
            return;
        }
        JsonObject answer = error(0, "ok");
        answer.addProperty("tenant_access_token", TOKEN);
        answer.addProperty("expire", 7200);
        json(exchange, 200, answer);
    }

    private interface Endpoint {
        void answer() throws IOException;
    }

    private void authorized(HttpExchange exchange, String method, String expected, Endpoint endpoint)
            throws IOException {
        if (!expected.equals(method)) {
            json(exchange, 405, error(405, "method not allowed"));
        } else if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            json(exchange, 401, error(99991663, "Invalid access token for authorization"));
        } else {
            endpoint.answer();
        }
    }

    private void list(HttpExchange exchange, String listedApp) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI());
        LocalDate from = LocalDate.parse(query.get("from_date"));
        LocalDate to = LocalDate.parse(query.get("to_date"));
        int pageSize = Math.min(maxPageSize, Integer.parseInt(query.getOrDefault("page_size", "100")));
        int start = Integer.parseInt(query.getOrDefault("page_token", "0"));
        List<JsonObject> matching;
        synchronized (this) {
            matching = feedbackByApp.getOrDefault(listedApp, List.of()).stream().filter(f -> {
                LocalDate filed = LocalDateTime.parse(f.get("feedback_time").getAsString(), LARK_TIME).toLocalDate();
                return !filed.isBefore(from) && !filed.isAfter(to);
            }).map(JsonObject::deepCopy).toList();
        }
        JsonArray page = new JsonArray();
        matching.stream().skip(start).limit(pageSize).forEach(page::add);
        boolean more = start + pageSize < matching.size();
        JsonObject data = new JsonObject();
        data.add("feedback_list", page);
        data.addProperty("has_more", more);
        if (more) {
            data.addProperty("page_token", Integer.toString(start + pageSize));
        }
        JsonObject answer = error(0, "success");
        answer.add("data", data);
        json(exchange, 200, answer);
    }

    private void patch(HttpExchange exchange, String patchedApp, String feedbackId) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI());
        int status = Integer.parseInt(query.get("status"));
        synchronized (this) {
            JsonObject item = find(patchedApp, feedbackId);
            if (item == null) {
                json(exchange, 400, error(1000, "feedback not found"));
                return;
            }
            item.addProperty("status", status);
            patches.add(new Patch(patchedApp, feedbackId, status, query.get("operator_id")));
        }
        json(exchange, 200, error(0, "success"));
    }

    private void postCard(HttpExchange exchange) throws IOException {
        JsonObject body = JsonParser.parseString(new String(exchange.getRequestBody().readAllBytes(),
                StandardCharsets.UTF_8)).getAsJsonObject();
        if ("open_id".equals(query(exchange.getRequestURI()).get("receive_id_type"))) {
            writeToPerson(exchange, body);
            return;
        }
        JsonObject card = cardIn(body);
        if (!"chat_id".equals(query(exchange.getRequestURI()).get("receive_id_type"))
                || string(body, "receive_id") == null || !"interactive".equals(string(body, "msg_type"))
                || card == null) {
            json(exchange, 400, error(230001, "invalid message: want receive_id_type chat_id and an interactive card"));
            return;
        }
        String uuid = string(body, "uuid");
        String messageId;
        synchronized (this) {
            messageId = postedCards.stream().filter(p -> uuid != null && uuid.equals(p.uuid())).findFirst()
                    .map(PostedCard::messageId).orElse(null);
            if (messageId == null) {
                messageId = "om_stand_in_" + (postedCards.size() + 1);
                postedCards.add(new PostedCard(string(body, "receive_id"), messageId, uuid, card));
                cardByMessage.put(messageId, card);
            }
        }
        JsonObject data = new JsonObject();
        data.addProperty("message_id", messageId);
        data.addProperty("msg_type", "interactive");
        JsonObject answer = error(0, "success");
        answer.add("data", data);
        json(exchange, 200, answer);
    }

    private void writeToPerson(HttpExchange exchange, JsonObject body) throws IOException {
        String openId = string(body, "receive_id");
        String uuid = string(body, "uuid");
        JsonObject content = cardIn(body);
        String text = content == null ? null : string(content, "text");
        if (openId == null || !"text".equals(string(body, "msg_type")) || text == null) {
            json(exchange, 400, error(230001, "invalid message: want receive_id and a text"));
            return;
        }
        synchronized (this) {
            attemptsByPerson.merge(openId, 1, Integer::sum);
            Map.Entry<Integer, String> refusal = refusedPeople.get(openId);
            if (refusal != null) {
                json(exchange, 400, error(refusal.getKey(), refusal.getValue()));
                return;
            }
            if (uuid == null || botMessages.stream().noneMatch(m -> uuid.equals(m.uuid()))) {
                botMessages.add(new BotMessage(openId, uuid, text));
            }
        }
        JsonObject data = new JsonObject();
        data.addProperty("message_id", "om_stand_in_text_" + uuid);
        data.addProperty("msg_type", "text");
        JsonObject answer = error(0, "success");
        answer.add("data", data);
        json(exchange, 200, answer);
    }

    private void updateCard(HttpExchange exchange, String messageId) throws IOException {
        JsonObject body = JsonParser.parseString(new String(exchange.getRequestBody().readAllBytes(),
                StandardCharsets.UTF_8)).getAsJsonObject();
        JsonObject card = cardIn(body);
        synchronized (this) {
            if (card == null || !cardByMessage.containsKey(messageId)) {
                json(exchange, 400, error(230011, "the message is not a card of this app"));
                return;
            }
            cardUpdates.add(new CardUpdate(messageId, card));
            cardByMessage.put(messageId, card);
        }
        json(exchange, 200, error(0, "success"));
    }

    /** The card (or the text object) in a message body's {@code content}: a string holding a JSON object, else null. */
    private static JsonObject cardIn(JsonObject body) {
        String content = string(body, "content");
        try {
            return content == null ? null : JsonParser.parseString(content).getAsJsonObject();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private JsonObject find(String feedbackAppId, String feedbackId) {
        return feedbackByApp.getOrDefault(feedbackAppId, List.of()).stream()
                .filter(f -> f.get("feedback_id").getAsString().equals(feedbackId)).findFirst().orElse(null);
    }

    static JsonObject error(int code, String msg) {
        JsonObject answer = new JsonObject();
        answer.addProperty("code", code);
        answer.addProperty("msg", msg);
        return answer;
    }

    private static String string(JsonObject object, String name) {
        return object.has(name) && object.get(name).isJsonPrimitive() ? object.get(name).getAsString() : null;
    }

    /** An {@code application/x-www-form-urlencoded} body, as RFC 6749 posts it. */
    static Map<String, String> form(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        return query(URI.create("/?" + body));
    }

    static Map<String, String> query(URI uri) {
        Map<String, String> query = new HashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return query;
    }

    static void json(HttpExchange exchange, int status, JsonObject body) throws IOException {
        reply(exchange, status, "application/json; charset=utf-8", body.toString());
    }

    static void reply(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
