package dev.larkinbox.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser signed in to the web inbox with the token form (no Lark needed): its session cookie and the form token
 * its pages carry, sent to whichever instance it is pointed at, as a load balancer would.
 */
final class SignedInVisitor {
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final Pattern NEW_TOKEN = Pattern.compile("id=\"new-token\">([^<]+)<");

    private final String cookie;
    private final String csrf;

    private SignedInVisitor(String cookie, String csrf) {
        this.cookie = cookie;
        this.csrf = csrf;
    }

    /** Signs in at the instance with {@link InboxApi#TOKEN} under this name. */
    static SignedInVisitor signIn(URI instance, String name) {
        HttpResponse<String> signedIn = Http.send(form(instance, "/sign-in", null,
                Map.of("token", InboxApi.TOKEN, "name", name)));
        assertEquals(303, signedIn.statusCode(), signedIn.body());
        String cookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
        HttpResponse<String> page = Http.send(request(instance, "/me/tokens", cookie).GET().build());
        assertEquals(200, page.statusCode(), page.body());
        Matcher csrf = CSRF.matcher(page.body());
        assertEquals(true, csrf.find(), "the page carries the form token");
        return new SignedInVisitor(cookie, csrf.group(1));
    }

    HttpResponse<String> get(URI instance, String path) {
        return Http.send(request(instance, path, cookie).GET().build());
    }

    /** A form of the pages, with this session's form token. */
    HttpResponse<String> post(URI instance, String path, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(Map.of("csrf", csrf));
        all.putAll(fields);
        return Http.send(form(instance, path, cookie, all));
    }

    /** Creates a personal API token at /me/tokens; the token the page shows once. */
    String createToken(URI instance, String name) {
        HttpResponse<String> created = post(instance, "/me/tokens", Map.of("name", name));
        assertEquals(200, created.statusCode(), created.body());
        Matcher token = NEW_TOKEN.matcher(created.body());
        assertEquals(true, token.find(), created.body());
        return token.group(1);
    }

    private static HttpRequest form(URI instance, String path, String cookie, Map<String, String> fields) {
        String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return request(instance, path, cookie).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static HttpRequest.Builder request(URI instance, String path, String cookie) {
        HttpRequest.Builder request = HttpRequest.newBuilder(instance.resolve(path)).timeout(Duration.ofSeconds(15));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return request;
    }
}
