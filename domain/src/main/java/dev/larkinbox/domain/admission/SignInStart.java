package dev.larkinbox.domain.admission;

import dev.larkinbox.domain.validation.Text;
import java.net.URI;
import java.util.Objects;

/**
 * @param authorizePage where the browser goes: Lark's page, with the state and PKCE challenge
 * @param browserSecret what the browser keeps (a cookie) to prove it is the one that began
 */
public record SignInStart(URI authorizePage, String browserSecret) {
    public SignInStart {
        Objects.requireNonNull(authorizePage, "authorizePage");
        Text.requireNonBlank(browserSecret, "browserSecret");
    }

    @Override
    public String toString() {
        return "SignInStart[]";
    }
}
