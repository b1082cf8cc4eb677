package dev.larkinbox.domain.admission;

import java.net.URI;

/**
 * Port: Lark's side of signing a person in (OAuth 2 authorization code with PKCE), for this app and its
 * registered redirect URL.
 */
public interface LarkAccounts {

    /** Lark's page where the person agrees, which sends the browser back with a code and this state. */
    URI authorizePage(String state, String codeChallenge);

    /**
     * The person's access token for a code (good once, for 5 minutes).
     *
     * @throws dev.larkinbox.domain.platform.LarkRefusedException    such as 20010, outside the app's availability
     * @throws dev.larkinbox.domain.platform.LarkUnavailableException Lark could not be reached
     */
    String exchange(String code, String codeVerifier);

    /** Who the token's person is. Throws as {@link #exchange}. */
    LarkIdentity identify(String userToken);

    /** Whether the token's person is a member of the chat. Throws as {@link #exchange}. */
    boolean inChat(String userToken, String chatId);
}
