package dev.larkinbox.inbound.web.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.larkinbox.domain.person.People;
import dev.larkinbox.domain.person.Person;
import dev.larkinbox.domain.testing.InMemoryStore;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The web module's pages on a real HTTP server on a random port, over {@link PageBeans}: no database, started in
 * a second. Requests go as a browser sends them (form posts, the session cookie), redirects are not followed, so
 * a test sees where a page sends a person. Registered as {@code @RegisterExtension static final WebServer web =
 * WebServer.start();} it stops after the test class.
 */
public final class WebServer implements AutoCloseable, AfterAllCallback {
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final EmbeddedServer server;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    private WebServer(EmbeddedServer server) {
        this.server = server;
    }

    public static WebServer start() {
        return start(Map.of());
    }

    /** With these settings too, such as {@code test.lark-sign-in: true} for an inbox that signs people in with Lark. */
    public static WebServer start(Map<String, Object> settings) {
        Map<String, Object> all = new java.util.HashMap<>(settings);
        all.put("micronaut.server.port", -1);
        return new WebServer(ApplicationContext.run(EmbeddedServer.class, all));
    }

    public InMemoryStore store() {
        return bean(InMemoryStore.class);
    }

    public <T> T bean(Class<T> type) {
        return server.getApplicationContext().getBean(type);
    }

    /** Someone without a session. */
    public Visitor anonymous() {
        return new Visitor(null, null);
    }

    /** Signs in with the form, as a person does; the session's cookie and form token go with what they do next. */
    public Visitor signIn(String name) {
        return visitor(anonymous().post("/sign-in", form("token", PageBeans.TOKEN, "name", name)));
    }

    private Visitor visitor(Reply signedIn) {
        assertEquals(303, signedIn.status(), signedIn.body());
        String cookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
        String csrf = new Visitor(cookie, null).get("/").page()
                .selectFirst("form[action=/sign-out] input[name=csrf]").val();
        return new Visitor(cookie, csrf);
    }

    /** Signs in a person as the sign-in with Lark does, with their role; saved among the people first. */
    public Visitor signIn(Person person) {
        bean(People.class).save(person);
        return visitor(anonymous().post("/test-sign-in?openId=" + URLEncoder.encode(person.openId(),
                StandardCharsets.UTF_8), Map.of()));
    }

    /** Form fields in order: name, value, name, value... */
    public static Map<String, String> form(String... namesAndValues) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            form.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return form;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        server.getApplicationContext().close();
    }

    /** A browser: its session cookie, and the form token the pages gave it. */
    public final class Visitor {
        private final String cookie;
        private final String csrf;

        private Visitor(String cookie, String csrf) {
            this.cookie = cookie;
            this.csrf = csrf;
        }

        public Reply get(String pathAndQuery) {
            return send(request(pathAndQuery).GET());
        }

        /** A page asked for with these headers too: name, value, name, value... */
        public Reply get(String pathAndQuery, String... headers) {
            return send(request(pathAndQuery).headers(headers).GET());
        }

        /** The same browser holding one more cookie ({@code name=value}), as one a page or a script set. */
        public Visitor withCookie(String nameAndValue) {
            return new Visitor(cookie == null ? nameAndValue : cookie + "; " + nameAndValue, csrf);
        }

        /** The form token the pages gave this browser. */
        public String csrf() {
            return csrf;
        }

        /** A form as the page posts it: with the session's form token unless the form names its own. */
        public Reply post(String path, Map<String, String> fields) {
            return post(path, fields, Map.of());
        }

        /** A form posted with these headers too, such as a proxy's. */
        public Reply post(String path, Map<String, String> fields, Map<String, String> headers) {
            Map<String, String> all = new LinkedHashMap<>();
            if (csrf != null) {
                all.put("csrf", csrf);
            }
            all.putAll(fields);
            String body = all.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                    .collect(Collectors.joining("&"));
            HttpRequest.Builder request = request(path).header("Content-Type", "application/x-www-form-urlencoded");
            headers.forEach(request::header);
            return send(request.POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        /**
         * Sends a form of a page as a browser does, after the test set its fields on the page (ticked a checkbox,
         * selected an option, typed a value): its fields, those outside it that name it ({@code form="id"}) too, and
         * the button pressed; by its method to its action.
         */
        public Reply submit(Element form, Element button) {
            List<String> pairs = new ArrayList<>();
            Elements fields = form.select("input, select, textarea");
            if (form.hasAttr("id")) {
                fields.addAll(form.ownerDocument().select("[form=" + form.id() + "]"));
            }
            for (Element field : fields) {
                String type = field.attr("type");
                if (!field.hasAttr("name") || type.equals("submit") || type.equals("button")
                        || (type.equals("checkbox") || type.equals("radio")) && !field.hasAttr("checked")) {
                    continue;
                }
                String value = field.tagName().equals("select")
                        ? Optional.ofNullable(field.selectFirst("option[selected]"))
                        .or(() -> Optional.ofNullable(field.selectFirst("option"))).map(o -> o.attr("value")).orElse("")
                        : field.tagName().equals("textarea") ? field.text() : field.attr("value");
                pairs.add(encode(field.attr("name")) + "=" + encode(value));
            }
            if (button.hasAttr("name")) {
                pairs.add(encode(button.attr("name")) + "=" + encode(button.attr("value")));
            }
            String data = String.join("&", pairs);
            if (form.attr("method").equalsIgnoreCase("post")) {
                return send(request(form.attr("action")).header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(data)));
            }
            return get(form.attr("action") + "?" + data);
        }

        private HttpRequest.Builder request(String pathAndQuery) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + pathAndQuery))
                    .timeout(TIMEOUT);
            if (cookie != null) {
                request.header("Cookie", cookie);
            }
            return request;
        }

        private Reply send(HttpRequest.Builder request) {
            try {
                HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
                return new Reply(response.statusCode(), response.headers(), response.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }

    /** An answer; {@link #page()} reads its HTML as a browser would. */
    public record Reply(int status, HttpHeaders headers, String body) {
        public Document page() {
            return Jsoup.parse(body);
        }

        /** Where a redirect sends the browser. */
        public String location() {
            return headers.firstValue("Location").orElse(null);
        }
    }
}
