package dev.larkinbox.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.larkinbox.inbound.lark.fixtures.LarkFixtures;
import dev.larkinbox.outbound.lark.standin.LarkStandIn;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 28's "done when", against the packaged jar: a Chinese-reading triager whose clock is not the server's (a
 * Chromium that asks for {@code zh-CN} and lives in Ürümqi, UTC+06:00, neither UTC nor the inbox's default zone)
 * signs in with Lark and works a morning's feedback, sent to the webhook encrypted and signed as Lark sends it: on a
 * laptop with the keyboard, in bulk, from a view they saved; exports what they filtered; on a 375 px phone works
 * one more; and resolves a problem of new reports in one move. Every control is found by its Chinese label or its
 * role. One start of the jar, one browser.
 */
@ExtendWith(ChromiumAvailable.class)
class MorningJarIT {
    private static final String TEAM = "oc_morning_team";
    private static final String TRIAGER = "ou_morning_triager";
    private static final String NAME = "李娜";
    private static final ZoneId CLOCK = ZoneId.of("Asia/Urumqi");
    /** The Reader's exact time, as its hover shows it. */
    private static final DateTimeFormatter EXACT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx '('VV')'");
    /** Lark's zone-less time of the first report, as Lark sends it. */
    private static final String LARK_TIME = "2026-12-06 07:45:00";
    /** The live inbox polls every second here (a person's default is 5 s); a loaded machine answers later. */
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String SLOW_CART_APP = "cli_morning_cart";
    private static final int MORNING = 5;
    private static final int CART_REPORTS = 3;

    @Test
    void aChineseReadingTriagerWorksAMorningsFeedbackOnTheirClockFromLaptopAndPhoneAndResolvesAProblemInOneMove(
            @TempDir Path dir) throws Exception {
        Instant started = Instant.now();
        String word = "mo" + WorkTheInboxTest.uid().substring(0, 10);
        List<String> morning = new ArrayList<>();
        List<String> events = new ArrayList<>();
        for (int i = 0; i < MORNING; i++) {
            String id = WorkTheInboxTest.uid();
            morning.add(id);
            events.add(report(id, word + " 第" + (i + 1) + "条：打开首页白屏，等了很久", i == 0 ? LARK_TIME : null));
        }
        List<String> cart = new ArrayList<>();
        for (int i = 0; i < CART_REPORTS; i++) {
            String id = WorkTheInboxTest.uid();
            cart.add(id);
            events.add(ProblemReports.slowCart(SLOW_CART_APP, id, i));
        }
        try (LarkStandIn lark = LarkStandIn.start(WorkTheInboxTest.APP, WorkTheInboxTest.SECRET, 10)) {
            lark.accounts().person(TRIAGER, NAME);
            lark.accounts().chatMembers(TEAM, TRIAGER);
            lark.accounts().atTheBrowser(TRIAGER);
            int port = ServiceProcess.freePort();
            String site = "http://localhost:" + port;
            Map<String, String> env = LarkSignInJarIT.env(lark, URI.create(site), TEAM);
            // the fixtures' screenshots are on Lark's image host: nothing is fetched from the internet
            env.put("INBOX_IMAGES_ALLOWED_HOSTS", "https://*.example.invalid");
            env.put("INBOX_WEB_LIVE_INTERVAL", "1s");
            try (ServiceProcess service = ServiceProcess.fromJar(PackagedJarIT.JAR, dir, env, port);
                 LarkSender sender = new LarkSender(List.of(service.uri()), 1, WorkTheInboxTest.ENCRYPT_KEY);
                 Browser browser = new Browser(site, "zh-CN", CLOCK.getId())) {
                InboxApi api = new InboxApi(service.uri());
                sender.deliver(events, WAIT);
                assertTrue(sender.awaitAllTaken(), "every event taken: " + sender.refusals());
                Morning triager = new Morning(browser, api);

                triager.signsInWithLark();
                String mine = triager.worksTheMorningWithTheKeyboard(word, morning);
                List<String> acknowledged = triager.changesTheRestInBulk(word, morning);
                String view = triager.savesAViewAndOpensIt(word, mine);
                triager.exportsWhatTheyFiltered(view);
                triager.worksOneOnAPhone(word, acknowledged.get(0));
                triager.resolvesTheCartProblemInOneMove(cart);
                browser.assertNoConsoleErrors();
            }
        }
        System.out.printf("MorningJarIT: the morning worked in %d s, jar start included%n",
                Duration.between(started, Instant.now()).toSeconds());
    }

    /** A report of the morning, to the shared app, without screenshots; Lark's zone-less time when given. */
    private static String report(String feedbackId, String description, String larkTime) {
        JsonObject event = JsonParser.parseString(LarkFixtures.feedback("ev_" + feedbackId, feedbackId))
                .getAsJsonObject();
        JsonObject body = event.getAsJsonObject("event");
        body.addProperty("app_id", WorkTheInboxTest.APP);
        body.addProperty("description", description);
        body.remove("images");
        if (larkTime != null) {
            body.addProperty("feedback_time", larkTime);
        }
        return event.toString();
    }

    /** The triager at their browser: what they do, step by step, and what they see. */
    private record Morning(Browser browser, InboxApi api) {

        void signsInWithLark() {
            browser.open("/");
            browser.awaitHeading("飞书应用收件箱");
            assertEquals("zh-CN", browser.one(By.tagName("html")).getAttribute("lang"), "the browser's language");
            browser.follow("使用飞书登录");
            browser.awaitHeading("收件箱");
            assertEquals(NAME, browser.one(By.cssSelector("form.sign-out strong")).getText());
        }

        /** The feedback they assigned to themselves with a; its id. */
        String worksTheMorningWithTheKeyboard(String word, List<String> morning) {
            browser.keys("/");
            assertEquals(browser.control("搜索"), browser.driver().switchTo().activeElement(), "/ goes to 搜索");
            browser.keys(word + Keys.ENTER);
            browser.awaitUrlContaining("q=" + word);
            browser.awaitRows("反馈", MORNING);
            browser.keys(Keys.ESCAPE);
            assertEquals(browser.one(By.tagName("body")), browser.driver().switchTo().activeElement(),
                    "Esc left the search field");

            String first = morning.get(0);
            WebElement received = browser.one(By.cssSelector("tr[data-id='" + first + "'] .cell-received time"));
            Instant at = Instant.parse(api.json("/api/feedback/" + first).get("received_at").getAsString());
            assertEquals(EXACT.format(at.atZone(CLOCK)), received.getAttribute("title"), "on the triager's clock");
            assertTrue(received.getText().endsWith("前") || received.getText().equals("刚刚"), received.getText());

            browser.keys("j");
            String top = browser.selectedRow();
            browser.keys("e");
            browser.awaitCell(top, "cell-status", "已确认");
            browser.keys("a");
            browser.awaitCell(top, "cell-assignee", NAME);
            browser.keys("2");
            Alert why = new WebDriverWait(browser.driver(), WAIT).until(ExpectedConditions.alertIsPresent());
            why.sendKeys("只有一位用户反馈，旧手机");
            why.accept();
            browser.awaitCell(top, "cell-priority", "P2 高");
            browser.keys("j");
            String second = browser.selectedRow();
            browser.keys("r");
            browser.awaitCell(second, "cell-status", "已解决");
            JsonObject worked = api.json("/api/feedback/" + top);
            assertEquals(List.of("acknowledged", TRIAGER, "P2"), List.of(worked.get("status").getAsString(),
                    worked.get("assignee").getAsString(), worked.get("priority").getAsString()));
            assertEquals("resolved", api.json("/api/feedback/" + second).get("status").getAsString(),
                    "a new report resolved in one key");

            browser.keys("k");
            assertEquals(top, browser.selectedRow());
            browser.keys("o");
            browser.awaitHeading("反馈 " + top);
            List<List<String>> history = browser.rows("处理记录");
            assertEquals(3, history.size(), history.toString());
            assertTrue(history.stream().allMatch(h -> h.get(1).equals(NAME)), "each key's change, by name");
            browser.open("/feedback/" + first);
            browser.awaitHeading("反馈 " + first);
            assertEquals(LARK_TIME + "（飞书原样发送，未带时区）", larkTime(), "Lark's time as Lark sent it");
            return top;
        }

        /** The three the keyboard left new, acknowledged and made P3 in one change; their ids. */
        List<String> changesTheRestInBulk(String word, List<String> morning) {
            browser.open("/?q=" + word + "&status=new");
            browser.awaitRows("反馈", MORNING - 2);
            List<String> untouched = browser.all(By.cssSelector("tbody tr[data-id]")).stream()
                    .map(r -> r.getAttribute("data-id")).toList();
            for (String id : untouched) {
                String line = firstLine(id);
                browser.one(By.cssSelector("input[type=checkbox][aria-label='选择“" + line + "”']")).click();
            }
            browser.choose("新状态", "已确认");
            browser.choose("新优先级", "P3 中");
            browser.type("批量备注", "早上统一处理");
            browser.press("修改所选");
            browser.awaitHeading("批量修改");
            browser.awaitText(By.tagName("main"), "将修改 3 条反馈。");
            browser.press("修改 3 条反馈");
            browser.awaitText(By.cssSelector("[role=status]"), "已修改 3 条反馈。");
            for (String id : untouched) {
                JsonObject item = api.json("/api/feedback/" + id);
                assertEquals(List.of("acknowledged", "P3"), List.of(item.get("status").getAsString(),
                        item.get("priority").getAsString()), id);
            }
            assertTrue(morning.containsAll(untouched));
            return untouched;
        }

        /** The filter of the acknowledged ones, saved as a view and opened from the bar with its count. */
        String savesAViewAndOpensIt(String word, String mine) {
            browser.open("/?q=" + word);
            browser.awaitRows("反馈", MORNING);
            browser.choose("状态", "已确认");
            browser.press("筛选");
            browser.awaitUrlContaining("status=acknowledged");
            browser.awaitRows("反馈", MORNING - 1);
            String name = "早上已确认 " + word;
            browser.type("视图名称", name);
            browser.press("保存视图");
            assertEquals("4", view(name).findElement(By.className("count")).getText());

            browser.open("/");
            browser.awaitHeading("收件箱");
            view(name).click();
            browser.awaitUrlContaining("q=" + word);
            browser.awaitRows("反馈", MORNING - 1);
            assertEquals("page", view(name).getAttribute("aria-current"), "the view shown");
            view("分配给我的").click();
            browser.awaitUrlContaining("assignee=");
            browser.awaitText(By.tagName("tbody"), firstLine(mine));
            view(name).click();
            browser.awaitUrlContaining("q=" + word);
            browser.awaitRows("反馈", MORNING - 1);
            return name;
        }

        /** The Download link of the page shown, read with the browser's session: exactly the rows it lists. */
        void exportsWhatTheyFiltered(String view) throws Exception {
            Set<String> shown = browser.all(By.cssSelector("tbody tr[data-id]")).stream()
                    .map(r -> r.getAttribute("data-id")).collect(Collectors.toSet());
            String link = browser.one(By.linkText("下载 CSV")).getAttribute("href");
            String session = browser.driver().manage().getCookies().stream()
                    .map(c -> c.getName() + "=" + c.getValue()).collect(Collectors.joining("; "));
            HttpResponse<String> csv = Http.send(HttpRequest.newBuilder(URI.create(link))
                    .header("Cookie", session).timeout(WAIT).GET().build());
            assertEquals(200, csv.statusCode(), csv.body());
            assertTrue(csv.body().startsWith("\uFEFF"), "a byte order mark, for Excel");
            List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new StringReader(csv.body().substring(1))).getRecords();
            assertEquals(shown, records.stream().map(r -> r.get("feedback_id")).collect(Collectors.toSet()),
                    "the rows of view " + view);
            assertEquals(shown.size(), records.size());
            assertTrue(records.stream().allMatch(r -> r.get("status").equals("acknowledged")));
        }

        /** At 375 px: nothing scrolls sideways, and a feedback is worked from its page. */
        void worksOneOnAPhone(String word, String id) {
            browser.driver().executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", 375, "height", 812, "deviceScaleFactor", 2, "mobile", true));
            try {
                browser.open("/?q=" + word);
                browser.awaitRows("反馈", MORNING);
                assertNoSidewaysScroll();
                browser.one(By.linkText(firstLine(id))).click();
                browser.awaitHeading("反馈 " + id);
                assertNoSidewaysScroll();
                browser.choose("状态", "处理中");
                browser.type("备注", "在手机上接手");
                browser.press("保存");
                browser.awaitText(By.cssSelector("[role=status]"), "已保存。");
                assertEquals("in_progress", api.json("/api/feedback/" + id).get("status").getAsString());
            } finally {
                browser.driver().executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
            }
        }

        void resolvesTheCartProblemInOneMove(List<String> cart) {
            String problem = Awaitility.await("the cart's reports grouped").atMost(WAIT).until(() -> cart.stream()
                    .map(id -> ProblemReports.problemOf(api, id)).collect(Collectors.toSet()),
                    ids -> ids.size() == 1 && !ids.contains(null)).iterator().next();
            Awaitility.await("all the cart's reports in it").atMost(WAIT)
                    .until(() -> ProblemReports.members(api, problem).size() == CART_REPORTS);
            browser.open("/problems/" + problem);
            browser.awaitHeading("问题 " + problem);
            browser.awaitRows("其反馈", CART_REPORTS);
            assertEquals(List.of("new"), cart.stream().map(id -> api.json("/api/feedback/" + id).get("status")
                    .getAsString()).distinct().toList(), "new reports");

            browser.choose("将其反馈改为", "已解决");
            browser.type("备注", "购物车已加速");
            browser.press("变更");

            browser.awaitText(By.cssSelector("[role=status]"), "已将 3 条反馈改为“已解决”。");
            assertEquals(List.of("resolved"), cart.stream().map(id -> api.json("/api/feedback/" + id).get("status")
                    .getAsString()).distinct().toList(), "all its feedback resolved");
        }

        private String larkTime() {
            return browser.one(By.xpath("//dt[normalize-space()='反馈时间（飞书本地时间）']/following-sibling::dd[1]"))
                    .getText();
        }

        private String firstLine(String id) {
            return api.json("/api/feedback/" + id).get("description").getAsString().lines().findFirst()
                    .orElseThrow();
        }

        private void assertNoSidewaysScroll() {
            Map<?, ?> widths = (Map<?, ?>) browser.driver().executeScript("var e = document.documentElement;"
                    + "return {scroll: e.scrollWidth, client: e.clientWidth};");
            assertEquals(375L, widths.get("client"), browser.url());
            assertTrue((Long) widths.get("scroll") <= 375L, browser.url() + " scrolls sideways: " + widths);
        }

        private WebElement view(String name) {
            By link = By.xpath("//nav[@aria-labelledby='views-title']//a[span[normalize-space(.)='" + name + "']]");
            return new WebDriverWait(browser.driver(), WAIT).ignoring(StaleElementReferenceException.class)
                    .until(ExpectedConditions.elementToBeClickable(link));
        }
    }
}
