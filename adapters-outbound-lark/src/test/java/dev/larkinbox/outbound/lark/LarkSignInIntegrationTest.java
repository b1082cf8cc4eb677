package dev.larkinbox.outbound.lark;

import static dev.larkinbox.outbound.lark.LarkOpenApiTest.APP;
import static dev.larkinbox.outbound.lark.LarkOpenApiTest.SECRET;
import static dev.larkinbox.outbound.lark.LarkOpenApiTest.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larkinbox.domain.admission.ChatMembers;
import dev.larkinbox.domain.admission.LarkAccounts;
import dev.larkinbox.domain.admission.LarkIdentity;
import dev.larkinbox.domain.platform.LarkRefusedException;
import dev.larkinbox.domain.platform.LarkUnavailableException;
import dev.larkinbox.outbound.lark.standin.LarkStandIn;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Signing a person in with Lark against the stand-in, as the browser and the inbox do it: the authorize page, the
 * code exchanged once with the verifier of its challenge, who signed in, whether they are in the chat; the chat's
 * member list with the app's token, paged and kept a while.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LarkSignInIntegrationTest {
    private static final String WANG = "ou_wang";
    private static final String CHAT = "oc_team";
    private static final URI CALLBACK = URI.create("http://localhost:8080/sign-in/lark/callback");
    private static final String VERIFIER = "a-verifier-of-at-least-forty-three-characters-long-xyz";

    private final LarkStandIn lark = LarkStandIn.start(APP, SECRET, 50);
    private final LarkOpenApi api = new LarkOpenApi(settings(lark, null));
    private final LarkAccounts accounts = api.accounts(URI.create(lark.baseUrl()), CALLBACK, true);
    private final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @AfterEach
    void stop() {
        lark.close();
    }

    @Test
    void aPersonAgreesAtLarkAndTheInboxLearnsWhoTheyAreAndThatTheyAreInTheChat() {
        lark.accounts().person(WANG, "王小明");
        lark.accounts().chatMembers(CHAT, "ou_other", WANG);
        lark.accounts().chatMembers("oc_elsewhere", "ou_other");

        Map<String, String> back = authorize("state-1");
        assertEquals("state-1", back.get("state"));
        String token = accounts.exchange(back.get("code"), VERIFIER);
        LarkIdentity who = accounts.identify(token);

        assertEquals(WANG, who.openId());
        assertEquals("王小明", who.name());
        assertEquals("on_wang", who.unionId());
        assertTrue(who.avatarUrl().startsWith("https://"));
        assertTrue(accounts.inChat(token, CHAT));
        assertFalse(accounts.inChat(token, "oc_elsewhere"));
    }

    @Test
    void theAuthorizePageIsOnTheAccountsHostWithStatePkceAndTheRegisteredCallback() {
        URI page = accounts.authorizePage("s t", "challenge");

        assertEquals(lark.baseUrl() + "/open-apis/authen/v1/authorize", page.getScheme() + "://"
                + page.getRawAuthority() + page.getRawPath());
        Map<String, String> query = query(page);
        assertEquals(Map.of("client_id", APP, "response_type", "code", "redirect_uri", CALLBACK.toString(),
                "state", "s t", "code_challenge", "challenge", "code_challenge_method", "S256",
                "scope", "im:chat.members:read"), query);
    }

    @Test
    void withoutAChatThePageAsksNoScopeAndSuchATokenCannotAskAChat() {
        lark.accounts().person(WANG, "王小明");
        lark.accounts().chatMembers(CHAT, WANG);
        LarkAccounts noChat = api.accounts(URI.create(lark.baseUrl()), CALLBACK, false);
        URI page = noChat.authorizePage("s", challenge(VERIFIER));
        assertFalse(query(page).containsKey("scope"), page.toString());

        String token = noChat.exchange(authorize(page).get("code"), VERIFIER);

        assertEquals(WANG, noChat.identify(token).openId(), "who signed in, the token tells without a scope");
        LarkRefusedException refused = assertThrows(LarkRefusedException.class, () -> noChat.inChat(token, CHAT));
        assertEquals(99991679, refused.code(), "Lark's refusal of a token without the scope");
    }

    @Test
    void aCodeIsGoodOnceAndOnlyWithTheVerifierOfItsChallenge() {
        lark.accounts().person(WANG, "王小明");
        String code = authorize("s").get("code");
        LarkRefusedException wrongVerifier = assertThrows(LarkRefusedException.class,
                () -> accounts.exchange(code, VERIFIER + "-not"));
        assertEquals(20003, wrongVerifier.code());

        String second = authorize("s").get("code");
        accounts.exchange(second, VERIFIER);
        assertThrows(LarkRefusedException.class, () -> accounts.exchange(second, VERIFIER), "used once");
    }

    @Test
    void aCodeOlderThanFiveMinutesIsRefused() {
        lark.accounts().person(WANG, "王小明");
        lark.accounts().agedCodes(Duration.ofMinutes(6));

        assertThrows(LarkRefusedException.class, () -> accounts.exchange(authorize("s").get("code"), VERIFIER));
    }

    @Test
    void someoneOutsideTheAppsAvailabilityIsRefusedWith20010() {
        lark.accounts().person(WANG, "王小明");
        lark.accounts().outsideAvailability(WANG);

        LarkRefusedException refused = assertThrows(LarkRefusedException.class,
                () -> accounts.exchange(authorize("s").get("code"), VERIFIER));

        assertEquals(20010, refused.code());
    }

    @Test
    void aPersonWhoCancelsComesBackWithAccessDeniedAndNoCode() {
        lark.accounts().person(WANG, "王小明");
        lark.accounts().cancelling();

        Map<String, String> back = authorize("s");

        assertEquals("access_denied", back.get("error"));
        assertEquals("s", back.get("state"));
        assertFalse(back.containsKey("code"));
    }

    @Test
    void larksRateLimitIsATryLaterThatSaysWhen() {
        lark.accounts().person(WANG, "王小明");
        String token = accounts.exchange(authorize("s").get("code"), VERIFIER);
        lark.accounts().rateLimited(1);

        LarkUnavailableException later = assertThrows(LarkUnavailableException.class, () -> accounts.identify(token));

        assertTrue(later.getMessage().contains("try again in 1 s"), later.getMessage());
        assertEquals(WANG, accounts.identify(token).openId());
    }

    @Test
    void aTokenThatIsNoPersonsIsRefused() {
        assertThrows(LarkRefusedException.class, () -> accounts.identify("u-forged"));
    }

    @Test
    void theChatsMembersAreReadPageByPageWithTheAppsTokenAndKeptAWhile() {
        lark.accounts().chatMembers(CHAT, "ou_1", "ou_2", "ou_3", "ou_4", WANG);
        ChatMembers members = api.chatMembers(Duration.ofMinutes(1), Duration.ofMinutes(15));

        assertTrue(members.isMember(CHAT, WANG), "on the third page");
        assertFalse(members.isMember(CHAT, "ou_stranger"));
        assertEquals(3, lark.calls("members"), "three pages once, then kept");

        lark.down();
        assertTrue(members.isMember(CHAT, "ou_1"), "kept while Lark is down");
    }

    @Test
    void aListThatIsOldIsAskedAgainAndSeesWhoLeft() {
        lark.accounts().chatMembers(CHAT, WANG);
        ChatMembers members = api.chatMembers(Duration.ZERO, Duration.ofMinutes(15));
        assertTrue(members.isMember(CHAT, WANG));

        lark.accounts().leaveChat(CHAT, WANG);

        assertFalse(members.isMember(CHAT, WANG));
    }

    @Test
    void withoutAListLarkBeingDownIsATryLater() {
        lark.down();
        ChatMembers members = api.chatMembers(Duration.ofMinutes(1), Duration.ofMinutes(15));

        assertThrows(LarkUnavailableException.class, () -> members.isMember(CHAT, WANG));
    }

    /** The browser at Lark's authorize page: where Lark sends it back to, and with what. */
    private Map<String, String> authorize(String state) {
        return authorize(accounts.authorizePage(state, challenge(VERIFIER)));
    }

    private Map<String, String> authorize(URI page) {
        try {
            HttpResponse<Void> answer = browser.send(HttpRequest.newBuilder(page).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            assertEquals(302, answer.statusCode());
            URI back = URI.create(answer.headers().firstValue("Location").orElseThrow());
            assertEquals(CALLBACK.getPath(), back.getPath());
            return query(back);
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> query = new HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            query.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                    URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        return query;
    }

    private static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
