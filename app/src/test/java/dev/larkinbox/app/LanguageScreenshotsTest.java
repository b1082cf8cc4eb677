package dev.larkinbox.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larkinbox.inbound.lark.fixtures.LarkFixtures;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * Every page of the web inbox in Chromium, in Chinese and in English, as a person reaches it: the switch on the
 * sign-in page picks the language, and each page is checked by its headings, labels and buttons in that language.
 * Each page's screenshot goes to {@code inbox.screenshots} (by default {@code target/screenshots}) as
 * {@code <page>.<language>.png}; {@code -Dinbox.screenshots=$PWD/docs/screenshots} refreshes the README's. On the
 * shared service, each list filtered to this test's app.
 */
@ExtendWith({ChromiumAvailable.class, SharedInbox.class})
class LanguageScreenshotsTest {
    private static final String APP = "cli_shots_app";
    private static final Path SCREENSHOTS = Path.of(System.getProperty("inbox.screenshots", "target/screenshots"));
    // the grouping job runs every second (inbox.problems.group-interval); a loaded CI machine takes longer
    private static final Duration GROUPED = Duration.ofSeconds(90);

    /** A language's words this test finds the pages by. */
    private record Words(String tag, String button, String appName, String token, String signIn, String inbox,
                         String status, String any, String feedback, String problems, String problem,
                         String revocations, String dashboard, String preferences, String zone, String signOut) {
    }

    private static final Words CHINESE = new Words("zh-CN", "中文", "飞书应用收件箱", "API 令牌", "登录", "收件箱",
            "状态", "全部", "反馈 ", "问题", "问题 ", "撤回记录", "数据看板", "语言和时区", "时区", "退出登录");
    private static final Words ENGLISH = new Words("en", "English", "Lark app inbox", "API token", "Sign in", "Inbox",
            "Status", "any", "Feedback ", "Problems", "Problem ", "Revocations", "Dashboard", "Language and clock",
            "Time zone", "Sign out");

    private static String problem;

    @BeforeAll
    static void arrive() {
        RunningInbox inbox = SharedInbox.inbox();
        InboxApi api = new InboxApi(inbox.uri());
        for (int i = 0; i < 3; i++) {
            ProblemReports.deliver(inbox.uri(), ProblemReports.slowCart(APP, "shots-cart-" + i, i));
        }
        ProblemReports.deliver(inbox.uri(), ProblemReports.paymentCrash(APP, "shots-pay-0", 0));
        ProblemReports.deliver(inbox.uri(), LarkFixtures.revocation("ev_shots_revoke", "oav_shots_1"));
        Awaitility.await("the slow cart grouped").atMost(GROUPED).pollInterval(Duration.ofMillis(500))
                .until(() -> ProblemReports.problemOf(api, "shots-cart-0") != null);
        problem = ProblemReports.problemOf(api, "shots-cart-0");
    }

    @Test
    void everyPageInChinese() {
        everyPageIn(CHINESE);
    }

    @Test
    void everyPageInEnglish() {
        everyPageIn(ENGLISH);
    }

    private void everyPageIn(Words words) {
        try (Browser browser = new Browser(SharedInbox.inbox().uri().toString())) {
            browser.open("/sign-in");
            browser.press(words.button());
            browser.awaitHeading(words.appName());
            assertLanguage(browser, words);
            browser.control(words.token());
            shoot(browser, "sign-in", words);

            browser.type(words.token(), InboxApi.TOKEN);
            browser.press(words.signIn());
            browser.awaitHeading(words.inbox());
            browser.open("/?app=" + APP);
            browser.awaitHeading(words.inbox());
            assertEquals(words.any(), browser.chosen(words.status()), "the status filter's label and options");
            assertLanguage(browser, words);
            shoot(browser, "inbox", words);

            browser.open("/feedback/shots-pay-0");
            browser.awaitHeading(words.feedback() + "shots-pay-0");
            browser.control(words.status());
            shoot(browser, "feedback", words);

            browser.open("/problems?app=" + APP);
            browser.awaitHeading(words.problems());
            shoot(browser, "problems", words);

            browser.open("/problems/" + problem);
            browser.awaitHeading(words.problem() + problem);
            shoot(browser, "problem", words);

            browser.open("/revocations");
            browser.awaitHeading(words.revocations());
            shoot(browser, "revocations", words);

            browser.open("/dashboard");
            browser.awaitHeading(words.dashboard());
            shoot(browser, "dashboard", words);

            browser.open("/preferences");
            browser.awaitHeading(words.preferences());
            browser.control(words.zone());
            shoot(browser, "preferences", words);

            browser.press(words.signOut());
            browser.awaitHeading(words.appName());
            assertLanguage(browser, words);
            browser.assertNoConsoleErrors();
        }
    }

    /** The page says it is in the language ({@code <html lang>}), and each time on it has its exact time on hover. */
    private static void assertLanguage(Browser browser, Words words) {
        assertEquals(words.tag(), browser.one(By.tagName("html")).getAttribute("lang"));
        List<String> titles = browser.all(By.tagName("time")).stream().map(t -> t.getAttribute("title")).toList();
        assertTrue(titles.stream().allMatch(t -> t.matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} .+ \\(.+\\)")),
                titles.toString());
    }

    private static void shoot(Browser browser, String page, Words words) {
        browser.screenshot(SCREENSHOTS.resolve(page + "." + words.tag() + ".png"));
    }
}
