package dev.larkinbox.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larkinbox.inbound.lark.LarkMode;
import io.micronaut.context.exceptions.ConfigurationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * README's promise: a value that is not what its property allows, or a mode without what it needs, stops the start
 * with one line naming the property and what it may be, before anything starts, and exit status 2.
 */
class BadSettingsTest {
    /** One setting each, as an operator sets it: property, value, the line. */
    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            lark.mode                            | websocket                | lark.mode (LARK_MODE) must be one of webhook, ws, both, was 'websocket'
            lark.mode                            | ws                       | lark.mode (LARK_MODE) ws needs lark.app-id (LARK_APP_ID) and lark.app-secret (LARK_APP_SECRET): the long connection signs in as the app
            lark.domain                          | http://open.feishu.cn    | lark.domain (LARK_DOMAIN) must be an https URL such as https://open.feishu.cn (http only for localhost or 127.0.0.1), was 'http://open.feishu.cn'
            lark.domain                          | open.feishu.cn           | lark.domain (LARK_DOMAIN) must be an https URL such as https://open.feishu.cn (http only for localhost or 127.0.0.1), was 'open.feishu.cn'
            lark.api-timeout                     | soon                     | lark.api-timeout (LARK_API_TIMEOUT) must be a duration such as 10s, 500ms or 2m, was 'soon'
            lark.webhook.read-timeout            | soon                     | lark.webhook.read-timeout (LARK_WEBHOOK_READ_TIMEOUT) must be a duration such as 10s, 500ms or 2m, was 'soon'
            lark.webhook.allow-unverified        | maybe                    | lark.webhook.allow-unverified (LARK_WEBHOOK_ALLOW_UNVERIFIED) must be true or false, was 'maybe'
            inbox.public-url                     | inbox.example.com        | inbox.public-url (INBOX_PUBLIC_URL) must be a URL such as https://inbox.example.com, was 'inbox.example.com'
            inbox.public-url                     | ftp://inbox.example.com  | inbox.public-url (INBOX_PUBLIC_URL) must be a URL such as https://inbox.example.com, was 'ftp://inbox.example.com'
            inbox.notify.digest.time             | 9am                      | inbox.notify.digest.time (INBOX_NOTIFY_DIGEST_TIME) must be a time of day such as 09:00, was '9am'
            inbox.notify.digest.zone             | Beijing                  | inbox.notify.digest.zone (INBOX_NOTIFY_DIGEST_ZONE) must be a time zone such as Asia/Shanghai, Europe/Berlin or UTC, was 'Beijing'
            inbox.notify.min-priority            | P5                       | inbox.notify.min-priority (INBOX_NOTIFY_MIN_PRIORITY) must be one of P1, P2, P3, P4, was 'P5'
            inbox.notify.poll-interval           | soon                     | inbox.notify.poll-interval (INBOX_NOTIFY_POLL_INTERVAL) must be a duration such as 10s, 500ms or 2m, was 'soon'
            inbox.notify.digest.check-interval   | 0s                       | inbox.notify.digest.check-interval (INBOX_NOTIFY_DIGEST_CHECK_INTERVAL) must be longer than 0s, was '0s'
            inbox.sync.poll-interval             | soon                     | inbox.sync.poll-interval (INBOX_SYNC_POLL_INTERVAL) must be a duration such as 10s, 500ms or 2m, was 'soon'
            inbox.sync.poll-interval             | 0ms                      | inbox.sync.poll-interval (INBOX_SYNC_POLL_INTERVAL) must be longer than 0s, was '0s'
            inbox.sync.backoff.max               | soon                     | inbox.sync.backoff.max (INBOX_SYNC_BACKOFF_MAX) must be a duration such as 10s, 500ms or 2m, was 'soon'
            inbox.reporter.language              | fr                       | inbox.reporter.language (INBOX_REPORTER_LANGUAGE) must be zh or en, was 'fr'
            inbox.reporter.notify-on-resolve     | maybe                    | inbox.reporter.notify-on-resolve (INBOX_REPORTER_NOTIFY_ON_RESOLVE) must be true or false, was 'maybe'
            inbox.sync-to-lark                   | maybe                    | inbox.sync-to-lark (INBOX_SYNC_TO_LARK) must be true or false, was 'maybe'
            inbox.recovery.interval              | hourly                   | inbox.recovery.interval (INBOX_RECOVERY_INTERVAL) must be a duration such as 10s, 500ms or 2m, was 'hourly'
            inbox.recovery.initial-delay         | soon                     | inbox.recovery.initial-delay (INBOX_RECOVERY_INITIAL_DELAY) must be a duration such as 10s, 500ms or 2m, was 'soon'
            inbox.recovery.initial-delay         | -1m                      | inbox.recovery.initial-delay (INBOX_RECOVERY_INITIAL_DELAY) must be 0s or longer, was '-1m'
            inbox.recovery.days                  | 0                        | inbox.recovery.days (INBOX_RECOVERY_DAYS) must be greater than or equal to 1, was '0'
            inbox.recovery.days                  | three                    | inbox.recovery.days (INBOX_RECOVERY_DAYS) must be a whole number, was 'three'
            inbox.problems.group-interval        | soon                     | inbox.problems.group-interval (INBOX_PROBLEMS_GROUP_INTERVAL) must be a duration such as 10s, 500ms or 2m, was 'soon'
            inbox.problems.group-interval        | 0s                       | inbox.problems.group-interval (INBOX_PROBLEMS_GROUP_INTERVAL) must be longer than 0s, was '0s'
            inbox.problems.max-lag               | soon                     | inbox.problems.max-lag (INBOX_PROBLEMS_MAX_LAG) must be a duration such as 10s, 500ms or 2m, was 'soon'
            inbox.problems.max-lag               | -5s                      | inbox.problems.max-lag (INBOX_PROBLEMS_MAX_LAG) must be 0s or longer, was '-5s'
            inbox.problems.spike.rate-factor     | 0.5                      | inbox.problems.spike.* (INBOX_PROBLEMS_SPIKE_*) make no spike: rateFactor must be a number of at least 1
            inbox.store.group-commit.max-batch   | 900                      | inbox.store.group-commit.max-batch (INBOX_STORE_GROUP_COMMIT_MAX_BATCH) must be less than or equal to 800, was '900'
            inbox.store.group-commit.max-wait    | soon                     | inbox.store.group-commit.max-wait (INBOX_STORE_GROUP_COMMIT_MAX_WAIT) must be a duration such as 10s, 500ms or 2m, was 'soon'
            inbox.log.summary-interval           | hourly                   | inbox.log.summary-interval (INBOX_LOG_SUMMARY_INTERVAL) must be a duration such as 10s, 500ms or 2m, was 'hourly'
            inbox.api-user                       | " "                      | inbox.api-user (INBOX_API_USER) must not be blank, was ' '
            inbox.web.session-idle-timeout       | a while                  | inbox.web.session-idle-timeout (INBOX_WEB_SESSION_IDLE_TIMEOUT) must be a duration such as 10s, 500ms or 2m, was 'a while'
            inbox.web.session-idle-timeout       | 0s                       | inbox.web.session-idle-timeout (INBOX_WEB_SESSION_IDLE_TIMEOUT) must be longer than 0s, was '0s'
            inbox.web.session-lifetime           | a day                    | inbox.web.session-lifetime (INBOX_WEB_SESSION_LIFETIME) must be a duration such as 10s, 500ms or 2m, was 'a day'
            inbox.web.live-interval              | 0s                       | inbox.web.live-interval (INBOX_WEB_LIVE_INTERVAL) must be longer than 0s, was '0s'
            lark.accounts-domain                 | http://accounts.feishu.cn | lark.accounts-domain (LARK_ACCOUNTS_DOMAIN) must be an https URL such as https://accounts.feishu.cn (http only for localhost or 127.0.0.1), was 'http://accounts.feishu.cn'
            inbox.access.chat-id                 | team-chat                | inbox.access.chat-id (INBOX_ACCESS_CHAT_ID) must be a chat_id such as oc_a0553eda9014c201e6969b478895c230, was 'team-chat'
            inbox.access.open-ids                | ou_1,wang@example.com    | inbox.access.open-ids (INBOX_ACCESS_OPEN_IDS) must be open_ids such as ou_7d8a6e6df7621556ce0d21922b676706, comma-separated, was 'ou_1,wang@example.com'
            inbox.access.admins                  | 13800000000              | inbox.access.admins (INBOX_ACCESS_ADMINS) must be open_ids such as ou_7d8a6e6df7621556ce0d21922b676706, comma-separated, was '13800000000'
            inbox.access.default-role            | owner                    | inbox.access.default-role (INBOX_ACCESS_DEFAULT_ROLE) must be one of viewer, member, admin, was 'owner'
            inbox.access.chat-id                 | oc_team                  | inbox.access.* (INBOX_ACCESS_*) lets people sign in with Lark, which needs lark.app-id (LARK_APP_ID), lark.app-secret (LARK_APP_SECRET) and inbox.public-url (INBOX_PUBLIC_URL): Lark sends the browser back to {inbox.public-url}/sign-in/lark/callback
            micronaut.server.port                | http                     | micronaut.server.port (MICRONAUT_SERVER_PORT) must be a whole number, was 'http'
            endpoints.all.port                   | abc                      | endpoints.all.port (ENDPOINTS_ALL_PORT) must be a whole number, was 'abc'
            """)
    void aBadSettingIsToldInOneLine(String property, String value, String line) {
        assertRefused(Map.of(property, value), line);
    }

    /** A mode with half of what it needs; the digest's settings when cards are on, as when they are off. */
    @Test
    void aBadSettingAmongOthersIsToldInOneLine() {
        assertRefused(Map.of("lark.mode", "both", "lark.app-id", "cli_a"), "lark.mode (LARK_MODE) both needs "
                + "lark.app-id (LARK_APP_ID) and lark.app-secret (LARK_APP_SECRET): the long connection signs in as "
                + "the app");
        assertRefused(cardsOn(Map.of("inbox.notify.digest.time", "9am")), "inbox.notify.digest.time "
                + "(INBOX_NOTIFY_DIGEST_TIME) must be a time of day such as 09:00, was '9am'");
        assertRefused(cardsOn(Map.of("inbox.notify.digest.time", "09:00", "inbox.notify.digest.zone", "Beijing")),
                "inbox.notify.digest.zone (INBOX_NOTIFY_DIGEST_ZONE) must be a time zone such as Asia/Shanghai, "
                + "Europe/Berlin or UTC, was 'Beijing'");
    }

    private static void assertRefused(Map<String, Object> settings, String line) {
        ConfigurationException refused = assertThrows(ConfigurationException.class,
                () -> ConfigurationProblems.requireValid(settings));

        assertEquals(line, refused.getMessage());
    }

    @Test
    void theDefaultsAndTheREADMEsExamplesPass() {
        ConfigurationProblems.requireValid(Map.of());
        ConfigurationProblems.requireValid(cardsOn(Map.of("lark.mode", "both", "lark.domain",
                "https://open.larksuite.com", "inbox.public-url", "https://inbox.example.com",
                "inbox.notify.digest.time", "09:00", "inbox.notify.min-priority", "P1",
                "inbox.recovery.initial-delay", "0s")));
    }

    /** Lark sign-in with all it needs; the accounts host follows Lark international's domain unless set. */
    @Test
    void signInWithLarkPassesWithTheAppsCredentialsAndThePublicUrl() {
        ConfigurationProblems.requireValid(Map.of("lark.app-id", "cli_a", "lark.app-secret", "secret",
                "inbox.public-url", "https://inbox.example.com", "inbox.access.chat-id", "oc_team",
                "inbox.access.open-ids", "ou_1, ou_2", "inbox.access.admins", "ou_3",
                "inbox.access.default-role", "viewer"));
        assertEquals(LarkConfig.LARK_ACCOUNTS, new LarkConfig(null, null, URI.create("https://open.larksuite.com"),
                LarkMode.WEBHOOK, Duration.ofSeconds(10), null, null).accountsDomain());
        assertEquals(LarkConfig.FEISHU_ACCOUNTS, new LarkConfig(null, null, URI.create("https://open.feishu.cn"),
                LarkMode.WEBHOOK, Duration.ofSeconds(10), null, null).accountsDomain());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8089", "http://localhost:8089", "http://[::1]:8089"})
    void aStandInForLarkOnThisMachineMayBeHttp(String domain) {
        ConfigurationProblems.requireValid(Map.of("lark.domain", domain));
    }

    @Test
    void aBadSettingStopsTheStartBeforeTheDatabaseStarts(@TempDir Path dataDir) {
        Map<String, Object> settings = Map.of("inbox.data-dir", dataDir.toString(), "micronaut.server.port", -1,
                "inbox.sync.poll-interval", "soon");

        assertThrows(ConfigurationException.class, () -> RunningInbox.start(settings));

        assertFalse(Files.exists(dataDir.resolve("pg")), "no embedded PostgreSQL was started");
    }

    /** As an operator meets it: the environment variable, one line on the console, exit status 2. */
    @ParameterizedTest
    @MethodSource("asAnOperatorSetsThem")
    void theServiceSaysItInOneLineAndExitsWithStatus2(Map<String, String> env, String line, @TempDir Path dir)
            throws IOException, InterruptedException {
        ProcessBuilder service = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dlogback.configurationFile=logback.xml", "-cp", System.getProperty("java.class.path"),
                InboxApplication.class.getName()).redirectErrorStream(true);
        service.environment().remove("DATASOURCES_DEFAULT_URL");
        service.environment().put("INBOX_DATA_DIR", dir.resolve("data").toString());
        service.environment().putAll(env);
        Process process = service.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertTrue(process.waitFor(60, TimeUnit.SECONDS), out);
        assertEquals(InboxApplication.CONFIGURATION_ERROR, process.exitValue(), out);
        List<String> lines = out.lines().toList();
        assertEquals(1, lines.size(), out);
        assertTrue(lines.get(0).endsWith("not started: " + line), out);
    }

    static Stream<Arguments> asAnOperatorSetsThem() {
        return Stream.of(
                Arguments.of(Map.of("LARK_MODE", "ws"), "lark.mode (LARK_MODE) ws needs lark.app-id (LARK_APP_ID) "
                        + "and lark.app-secret (LARK_APP_SECRET): the long connection signs in as the app"),
                Arguments.of(Map.of("INBOX_ACCESS_OPEN_IDS", "ou_1,wang@example.com"), "inbox.access.open-ids "
                        + "(INBOX_ACCESS_OPEN_IDS) must be open_ids such as ou_7d8a6e6df7621556ce0d21922b676706, "
                        + "comma-separated, was 'ou_1,wang@example.com'"),
                Arguments.of(Map.of("INBOX_PUBLIC_URL", "inbox.example.com"), "inbox.public-url (INBOX_PUBLIC_URL) "
                        + "must be a URL such as https://inbox.example.com, was 'inbox.example.com'"));
    }

    /** Chat cards on: the app's credentials and a chat. */
    private static Map<String, Object> cardsOn(Map<String, Object> settings) {
        Map<String, Object> on = new HashMap<>(settings);
        on.putAll(Map.of("lark.app-id", "cli_a", "lark.app-secret", "secret", "inbox.notify.chat-id", "oc_1"));
        return on;
    }
}
