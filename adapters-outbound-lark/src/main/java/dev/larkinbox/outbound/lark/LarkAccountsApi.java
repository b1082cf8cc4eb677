package dev.larkinbox.outbound.lark;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.larkinbox.domain.admission.LarkAccounts;
import dev.larkinbox.domain.admission.LarkIdentity;
import dev.larkinbox.domain.platform.LarkRefusedException;
import dev.larkinbox.domain.platform.LarkUnavailableException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Signing a person in with Lark, with the person's own token (the SDK's client knows only the app's):
 * <ul>
 *   <li>the authorize page, {@code {accounts domain}/open-apis/authen/v1/authorize};</li>
 *   <li>{@code POST {lark.domain}/open-apis/authen/v2/oauth/token}, an RFC 6749 form with the app's id and secret,
 *   the code, the redirect URL and the PKCE verifier;</li>
 *   <li>{@code GET /open-apis/authen/v1/user_info} and {@code GET /open-apis/im/v1/chats/:chat_id/members/is_in_chat}
 *   with the person's token.</li>
 * </ul>
 * A person's token carries only the scopes the authorize page asked them for: where a chat is asked, the page asks
 * {@value #CHAT_MEMBERS_SCOPE}. Lark's error codes are refusals (20010: outside the app's availability); a server error or 429 (its
 * {@code x-ogw-ratelimit-reset} said in the message) is a try-later. Bodies and tokens never reach a log or a message.
 */
final class LarkAccountsApi implements LarkAccounts {
    static final String AUTHORIZE = "/open-apis/authen/v1/authorize";
    static final String TOKEN = "/open-apis/authen/v2/oauth/token";
    static final String USER_INFO = "/open-apis/authen/v1/user_info";
    /** What {@code is_in_chat} needs of the person's token. */
    static final String CHAT_MEMBERS_SCOPE = "im:chat.members:read";

    private final LarkApiSettings settings;
    private final URI accountsDomain;
    private final URI redirectUri;
    private final boolean asksChat;
    private final HttpClient http;

    /**
     * @param accountsDomain {@code lark.accounts-domain}, the authorize page's host
     * @param redirectUri    {@code {inbox.public-url}/sign-in/lark/callback}, as registered in Lark's console
     * @param asksChat       whether the person's token will ask whether they are in a chat
     */
    LarkAccountsApi(LarkApiSettings settings, URI accountsDomain, URI redirectUri, boolean asksChat) {
        this.settings = settings;
        this.accountsDomain = accountsDomain;
        this.redirectUri = redirectUri;
        this.asksChat = asksChat;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public URI authorizePage(String state, String codeChallenge) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", settings.appId());
        query.put("response_type", "code");
        query.put("redirect_uri", redirectUri.toString());
        query.put("state", state);
        query.put("code_challenge", codeChallenge);
        query.put("code_challenge_method", "S256");
        if (asksChat) {
            query.put("scope", CHAT_MEMBERS_SCOPE);
        }
        return URI.create(withoutTrailingSlash(accountsDomain.toString()) + AUTHORIZE + "?" + form(query));
    }

    @Override
    public String exchange(String code, String codeVerifier) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("client_id", settings.appId());
        form.put("client_secret", settings.appSecret());
        form.put("code", code);
        form.put("redirect_uri", redirectUri.toString());
        form.put("code_verifier", codeVerifier);
        HttpRequest request = HttpRequest.newBuilder(api(TOKEN)).timeout(settings.timeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(form))).build();
        JsonObject answer = call("exchange the sign-in code", request);
        String token = string(answer, "access_token");
        if (token == null) {
            throw new LarkRefusedException(0, "exchange the sign-in code: Lark's answer holds no access_token");
        }
        return token;
    }

    @Override
    public LarkIdentity identify(String userToken) {
        JsonObject data = data("read who signed in", get(USER_INFO, userToken));
        String openId = string(data, "open_id");
        String name = string(data, "name");
        if (openId == null || name == null) {
            throw new LarkRefusedException(0, "read who signed in: Lark's answer names nobody");
        }
        return new LarkIdentity(openId, string(data, "union_id"), name, string(data, "avatar_url"));
    }

    @Override
    public boolean inChat(String userToken, String chatId) {
        JsonObject data = data("ask whether the person is in the chat", get("/open-apis/im/v1/chats/"
                + URLEncoder.encode(chatId, StandardCharsets.UTF_8) + "/members/is_in_chat", userToken));
        JsonElement inChat = data.get("is_in_chat");
        return inChat != null && inChat.isJsonPrimitive() && inChat.getAsBoolean();
    }

    private HttpRequest get(String path, String userToken) {
        return HttpRequest.newBuilder(api(path)).timeout(settings.timeout())
                .header("Authorization", "Bearer " + userToken).GET().build();
    }

    private JsonObject data(String what, HttpRequest request) {
        JsonElement data = call(what, request).get("data");
        if (data == null || !data.isJsonObject()) {
            throw new LarkRefusedException(0, what + ": Lark's answer holds no data");
        }
        return data.getAsJsonObject();
    }

    /** The answer of a call whose {@code code} is 0; else a refusal or a try-later, as {@link SdkCalls} judges. */
    private JsonObject call(String what, HttpRequest request) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new LarkUnavailableException("Lark's open API could not be reached to " + what + " ("
                    + e.getClass().getSimpleName() + ")", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LarkUnavailableException("interrupted while asking Lark to " + what, null);
        }
        int status = response.statusCode();
        if (status == 429) {
            throw new LarkUnavailableException("Lark's rate limit, to " + what + ": try again in "
                    + response.headers().firstValue("x-ogw-ratelimit-reset").orElse("a few") + " s", null);
        }
        if (status >= 500) {
            throw new LarkUnavailableException("Lark's open API answered HTTP " + status + " to " + what, null);
        }
        JsonObject answer;
        try {
            JsonElement parsed = JsonParser.parseString(response.body());
            answer = parsed.isJsonObject() ? parsed.getAsJsonObject() : null;
        } catch (JsonParseException e) {
            answer = null;
        }
        if (answer == null) {
            throw new LarkUnavailableException("Lark's answer to " + what + " was no JSON object (HTTP " + status
                    + ")", null);
        }
        JsonElement code = answer.get("code");
        int larkCode = code != null && code.isJsonPrimitive() && code.getAsJsonPrimitive().isNumber()
                ? code.getAsInt() : status == 200 ? 0 : status;
        if (larkCode != 0 || status != 200) {
            // error and error_description, or msg, are Lark's words; they quote nothing of ours
            String words = string(answer, "error_description") != null ? string(answer, "error_description")
                    : String.valueOf(string(answer, "msg"));
            throw new LarkRefusedException(larkCode, what + ": " + words);
        }
        return answer;
    }

    private URI api(String path) {
        return URI.create(withoutTrailingSlash(settings.domain()) + path);
    }

    private static String string(JsonObject object, String name) {
        JsonElement value = object.get(name);
        return value != null && value.isJsonPrimitive() && !value.getAsString().isBlank() ? value.getAsString()
                : null;
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
