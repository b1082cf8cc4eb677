package dev.larkinbox.outbound.lark.standin;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stand-in's people, chats and sign-in, as Lark documents them (see docs/lark-protocol.md, "Signing people in
 * with their Lark account"):
 * <ul>
 *   <li>{@code GET /open-apis/authen/v1/authorize?client_id&response_type=code&redirect_uri&state&code_challenge
 *   &code_challenge_method=S256}: the person {@link #atTheBrowser at the browser} agrees at once (a redirect to
 *   {@code redirect_uri?code=&state=}), or {@link #cancelling cancels} ({@code ?error=access_denied&state=});</li>
 *   <li>{@code POST /open-apis/authen/v2/oauth/token}, an RFC 6749 form: a code is good once, for 5 minutes, for
 *   its redirect_uri, with the verifier of its challenge; a person outside the app's availability gets 20010;</li>
 *   <li>{@code GET /open-apis/authen/v1/user_info} with the person's token: open_id, union_id, name, avatar_url;</li>
 *   <li>{@code GET /open-apis/im/v1/chats/:chat_id/members/is_in_chat} with the person's token, which must carry
 *   a scope that reads chats' members (asked by the authorize page's {@code scope}), else 99991679;</li>
 *   <li>{@code GET /open-apis/im/v1/chats/:chat_id/members} with the tenant token, paged by page_size and
 *   page_token.</li>
 * </ul>
 * {@link #rateLimited} makes the next answers of the last three HTTP 429 with {@code x-ogw-ratelimit-reset}.
 */
public final class StandInAccounts {
    static final Pattern IS_IN_CHAT = Pattern.compile("/open-apis/im/v1/chats/([^/]+)/members/is_in_chat");
    static final Pattern MEMBERS = Pattern.compile("/open-apis/im/v1/chats/([^/]+)/members");
    static final String AUTHORIZE = "/open-apis/authen/v1/authorize";
    static final String TOKEN = "/open-apis/authen/v2/oauth/token";
    static final String USER_INFO = "/open-apis/authen/v1/user_info";
    private static final Duration CODE_LIFETIME = Duration.ofMinutes(5);

    /** Someone with a Lark account. */
    public record Person(String openId, String unionId, String name, String avatarUrl) {
    }

    private record Grant(String openId, String challenge, String redirectUri, Instant issuedAt, Set<String> scopes) {
    }

    /** A person's token: whose, and the scopes they granted. */
    private record UserToken(String openId, Set<String> scopes) {
    }

    /** Any of these lets a person's token ask whether they are in a chat. */
    private static final Set<String> READS_MEMBERS = Set.of("im:chat.members:read", "im:chat:readonly", "im:chat");

    private final String appId;
    private final String appSecret;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Person> people = new HashMap<>();
    private final Set<String> outsiders = new HashSet<>();
    private final Map<String, List<String>> chats = new HashMap<>();
    private final Map<String, Grant> grants = new HashMap<>();
    private final Map<String, UserToken> tokens = new HashMap<>();
    private final List<String> authorizeQueries = new ArrayList<>();
    private final List<URI> sentBack = new ArrayList<>();
    private String atTheBrowser;
    private boolean cancelling;
    private int rateLimited;
    private Duration codeAge = Duration.ZERO;

    StandInAccounts(String appId, String appSecret) {
        this.appId = appId;
        this.appSecret = appSecret;
    }

    /** Someone with a Lark account; the first one becomes the person at the browser. */
    public synchronized Person person(String openId, String name) {
        Person person = new Person(openId, "on_" + openId.substring(3), name,
                "https://s1-imfile.feishucdn.com/avatar/" + openId + ".png");
        people.put(openId, person);
        if (atTheBrowser == null) {
            atTheBrowser = openId;
        }
        return person;
    }

    /** Who signs in when the browser comes to the authorize page. */
    public synchronized void atTheBrowser(String openId) {
        atTheBrowser = openId;
        cancelling = false;
    }

    /** The person at the browser says no at the authorize page from now on. */
    public synchronized void cancelling() {
        cancelling = true;
    }

    /** The app is not available to this person: the code exchange answers 20010. */
    public synchronized void outsideAvailability(String openId) {
        outsiders.add(openId);
    }

    public synchronized void chatMembers(String chatId, String... openIds) {
        chats.put(chatId, new ArrayList<>(List.of(openIds)));
    }

    public synchronized void leaveChat(String chatId, String openId) {
        chats.getOrDefault(chatId, new ArrayList<>()).remove(openId);
    }

    /** The next {@code times} answers of user_info, is_in_chat and the member list are 429. */
    public synchronized void rateLimited(int times) {
        rateLimited = times;
    }

    /** Codes given from now on are this much older than they seem: to see one expire without waiting. */
    public synchronized void agedCodes(Duration age) {
        codeAge = age;
    }

    /** The query strings the authorize page was asked with, oldest first. */
    public synchronized List<String> authorizeQueries() {
        return List.copyOf(authorizeQueries);
    }

    /** Where the authorize page sent browsers back to, with the code (or error) and state: oldest first. */
    public synchronized List<URI> sentBack() {
        return List.copyOf(sentBack);
    }

    /** The kind of request, for {@link LarkStandIn#calls}; null for none of these. */
    static String kind(String path) {
        return switch (path) {
            case AUTHORIZE -> "authorize";
            case TOKEN -> "user-token";
            case USER_INFO -> "user-info";
            default -> IS_IN_CHAT.matcher(path).matches() ? "is-in-chat"
                    : MEMBERS.matcher(path).matches() ? "members" : null;
        };
    }

    synchronized void answer(String kind, HttpExchange exchange) throws IOException {
        if (!kind.equals("authorize") && !kind.equals("user-token") && rateLimited > 0) {
            rateLimited--;
            exchange.getResponseHeaders().set("x-ogw-ratelimit-reset", "1");
            LarkStandIn.json(exchange, 429, LarkStandIn.error(99991400, "request trigger frequency limit"));
            return;
        }
        switch (kind) {
            case "authorize" -> authorize(exchange);
            case "user-token" -> token(exchange);
            case "user-info" -> userInfo(exchange);
            case "is-in-chat" -> isInChat(exchange);
            default -> members(exchange);
        }
    }

    private void authorize(HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        authorizeQueries.add(uri.getRawQuery());
        Map<String, String> query = LarkStandIn.query(uri);
        String redirectUri = query.get("redirect_uri");
        if (!appId.equals(query.get("client_id")) || !"code".equals(query.get("response_type"))
                || redirectUri == null || !"S256".equals(query.get("code_challenge_method"))
                || query.get("code_challenge") == null) {
            LarkStandIn.reply(exchange, 400, "text/plain; charset=utf-8", "invalid authorize request");
            return;
        }
        String state = query.get("state") == null ? "" : "&state=" + encoded(query.get("state"));
        String back;
        if (cancelling || atTheBrowser == null) {
            back = redirectUri + "?error=access_denied" + state;
        } else {
            String code = secret();
            String scope = query.getOrDefault("scope", "");
            grants.put(code, new Grant(atTheBrowser, query.get("code_challenge"), redirectUri,
                    Instant.now().minus(codeAge), scope.isBlank() ? Set.of() : Set.of(scope.strip().split(" +"))));
            back = redirectUri + "?code=" + code + state;
        }
        sentBack.add(URI.create(back));
        exchange.getResponseHeaders().set("Location", back);
        exchange.sendResponseHeaders(302, -1);
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = LarkStandIn.form(exchange);
        if (!"POST".equals(exchange.getRequestMethod())
                || !"authorization_code".equals(form.get("grant_type"))) {
            oauthError(exchange, 20001, "invalid_request", "grant_type must be authorization_code");
            return;
        }
        if (!appId.equals(form.get("client_id")) || !appSecret.equals(form.get("client_secret"))) {
            oauthError(exchange, 20002, "invalid_client", "client_id or client_secret is wrong");
            return;
        }
        Grant grant = form.get("code") == null ? null : grants.remove(form.get("code"));
        if (grant == null || grant.issuedAt().plus(CODE_LIFETIME).isBefore(Instant.now())) {
            oauthError(exchange, 20003, "invalid_grant", "the code is unknown, used or expired");
            return;
        }
        if (!grant.redirectUri().equals(form.get("redirect_uri"))) {
            oauthError(exchange, 20003, "invalid_grant", "redirect_uri differs from the authorize request's");
            return;
        }
        if (form.get("code_verifier") == null || !grant.challenge().equals(challenge(form.get("code_verifier")))) {
            oauthError(exchange, 20003, "invalid_grant", "code_verifier does not match code_challenge");
            return;
        }
        if (outsiders.contains(grant.openId())) {
            oauthError(exchange, 20010, "invalid_grant", "the user is outside the app's availability range");
            return;
        }
        String token = "u-" + secret();
        tokens.put(token, new UserToken(grant.openId(), grant.scopes()));
        JsonObject answer = new JsonObject();
        answer.addProperty("code", 0);
        answer.addProperty("access_token", token);
        answer.addProperty("expires_in", 7200);
        answer.addProperty("token_type", "Bearer");
        answer.addProperty("scope", String.join(" ", grant.scopes()));
        LarkStandIn.json(exchange, 200, answer);
    }

    private void userInfo(HttpExchange exchange) throws IOException {
        Person person = bearer(exchange);
        if (person == null) {
            return;
        }
        JsonObject data = new JsonObject();
        data.addProperty("name", person.name());
        data.addProperty("en_name", person.name());
        data.addProperty("avatar_url", person.avatarUrl());
        data.addProperty("open_id", person.openId());
        data.addProperty("union_id", person.unionId());
        data.addProperty("tenant_key", "736588c9260f175d");
        ok(exchange, data);
    }

    private void isInChat(HttpExchange exchange) throws IOException {
        Person person = bearer(exchange);
        if (person == null) {
            return;
        }
        if (tokenOf(exchange).scopes().stream().noneMatch(READS_MEMBERS::contains)) {
            LarkStandIn.json(exchange, 400, LarkStandIn.error(99991679, "Unauthorized. You do not have permission "
                    + "to perform the requested operation on the resource. Please request user re-authorization"));
            return;
        }
        Matcher chat = IS_IN_CHAT.matcher(exchange.getRequestURI().getPath());
        chat.matches();
        List<String> members = chats.get(chat.group(1));
        if (members == null) {
            LarkStandIn.json(exchange, 400, LarkStandIn.error(232011, "the chat does not exist"));
            return;
        }
        JsonObject data = new JsonObject();
        data.addProperty("is_in_chat", members.contains(person.openId()));
        ok(exchange, data);
    }

    private void members(HttpExchange exchange) throws IOException {
        if (!("Bearer " + LarkStandIn.TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            LarkStandIn.json(exchange, 401, LarkStandIn.error(99991663, "Invalid access token for authorization"));
            return;
        }
        Matcher chat = MEMBERS.matcher(exchange.getRequestURI().getPath());
        chat.matches();
        List<String> members = chats.get(chat.group(1));
        Map<String, String> query = LarkStandIn.query(exchange.getRequestURI());
        if (members == null) {
            LarkStandIn.json(exchange, 400, LarkStandIn.error(232011, "the chat does not exist"));
            return;
        }
        if (!"open_id".equals(query.getOrDefault("member_id_type", "open_id"))) {
            LarkStandIn.json(exchange, 400, LarkStandIn.error(232001, "the stand-in speaks open_id only"));
            return;
        }
        // Lark's pages hold at most 100; the stand-in's at most 2, so that tests page with few people
        int pageSize = Math.min(2, Integer.parseInt(query.getOrDefault("page_size", "20")));
        int start = Integer.parseInt(query.getOrDefault("page_token", "0"));
        JsonArray items = new JsonArray();
        members.stream().skip(start).limit(pageSize).forEach(openId -> {
            JsonObject item = new JsonObject();
            item.addProperty("member_id_type", "open_id");
            item.addProperty("member_id", openId);
            Person person = people.get(openId);
            item.addProperty("name", person == null ? openId : person.name());
            item.addProperty("tenant_key", "736588c9260f175d");
            items.add(item);
        });
        boolean more = start + pageSize < members.size();
        JsonObject data = new JsonObject();
        data.add("items", items);
        data.addProperty("has_more", more);
        data.addProperty("page_token", more ? Integer.toString(start + pageSize) : "");
        data.addProperty("member_total", members.size());
        ok(exchange, data);
    }

    /** The person whose token the request bears; null, answered 401, when it bears none of theirs. */
    private Person bearer(HttpExchange exchange) throws IOException {
        UserToken token = tokenOf(exchange);
        if (token == null) {
            LarkStandIn.json(exchange, 401, LarkStandIn.error(99991668, "Invalid access token"));
            return null;
        }
        return people.get(token.openId());
    }

    private UserToken tokenOf(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        return authorization == null || !authorization.startsWith("Bearer ") ? null
                : tokens.get(authorization.substring("Bearer ".length()));
    }

    private static void ok(HttpExchange exchange, JsonObject data) throws IOException {
        JsonObject answer = LarkStandIn.error(0, "success");
        answer.add("data", data);
        LarkStandIn.json(exchange, 200, answer);
    }

    private static void oauthError(HttpExchange exchange, int code, String error, String description)
            throws IOException {
        JsonObject answer = new JsonObject();
        answer.addProperty("code", code);
        answer.addProperty("error", error);
        answer.addProperty("error_description", description);
        LarkStandIn.json(exchange, 400, answer);
    }

    static String challenge(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String secret() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
