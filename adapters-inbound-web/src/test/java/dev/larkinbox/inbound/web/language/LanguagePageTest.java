package dev.larkinbox.inbound.web.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larkinbox.domain.feedback.FaultKind;
import dev.larkinbox.domain.person.Person;
import dev.larkinbox.domain.person.Role;
import dev.larkinbox.domain.problem.GroupNewFeedback;
import dev.larkinbox.domain.problem.GroupNewFeedbackCommand;
import dev.larkinbox.domain.testing.SampleEvents;
import dev.larkinbox.inbound.web.support.Arrivals;
import dev.larkinbox.inbound.web.support.WebServer.Reply;
import dev.larkinbox.inbound.web.support.WebServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every page in Chinese and in English: as the browser asks, as the person switches, remembered for them; and every
 * time on their clock.
 */
class LanguagePageTest {
    @RegisterExtension
    static final WebServer web = WebServer.start();

    private static final String CHINESE = "zh-CN,zh;q=0.9,en;q=0.8";

    @Test
    void everyPageSpeaksTheLanguageTheBrowserAsksFor() {
        String app = Arrivals.unique("cli_lang_");
        String feedback = Arrivals.fault(web.store(), app, FaultKind.CRASH, "It crashes", Instant.now());
        String problem = problemOf(feedback);
        var visitor = member("lin");
        // each page with its heading, in Chinese and in English
        Map<String, List<String>> pages = Map.of(
                "/?app=" + app, List.of("收件箱", "Inbox"),
                "/feedback/" + feedback, List.of("反馈 " + feedback, "Feedback " + feedback),
                "/problems?app=" + app, List.of("问题", "Problems"),
                "/problems/" + problem, List.of("问题 " + problem, "Problem " + problem),
                "/revocations", List.of("撤回记录", "Revocations"),
                "/dashboard", List.of("数据看板", "Dashboard"),
                "/preferences", List.of("语言和时区", "Language and clock"),
                "/feedback/no-such-feedback", List.of("没有这条反馈", "No such feedback"));
        pages.forEach((path, headings) -> {
            Document zh = visitor.get(path, "Accept-Language", CHINESE).page();
            Document en = visitor.get(path, "Accept-Language", "en-GB,en;q=0.9").page();
            assertEquals("zh-CN", zh.selectFirst("html").attr("lang"), path);
            assertEquals(headings.get(0), zh.selectFirst("h1").text(), path);
            assertEquals("en", en.selectFirst("html").attr("lang"), path);
            assertEquals(headings.get(1), en.selectFirst("h1").text(), path);
        });
        Document zh = visitor.get("/feedback/" + feedback, "Accept-Language", "zh").page();
        assertEquals("P1 紧急", zh.selectFirst("select#priority option[selected]").text(), "labels too");
        assertEquals("待处理", zh.selectFirst("select#status option[selected]").text());
        assertEquals("崩溃", zh.select("dl.fields dt:containsOwn(故障类型) + dd").text());
        Document inbox = visitor.get("/?app=" + app, "Accept-Language", "zh-Hans-CN").page();
        assertEquals(List.of("P1 紧急", "稳定性", "待处理"),
                inbox.select("tbody tr td").eachText().subList(0, 3), "the API keeps English; the page does not");
    }

    @Test
    void theSignInPageAndItsRefusalsSpeakItToo() {
        Document form = web.anonymous().get("/sign-in", "Accept-Language", CHINESE).page();
        assertEquals("API 令牌", form.selectFirst("label[for=token]").text());
        assertEquals("zh-CN", form.selectFirst("html").attr("lang"));
        Document traditional = web.anonymous().get("/sign-in", "Accept-Language", "zh-TW").page();
        assertEquals("en", traditional.selectFirst("html").attr("lang"), "traditional Chinese readers get English");
    }

    @Test
    void aSwitchedLanguageIsRememberedByTheBrowserAndForThePerson() {
        var before = web.anonymous();
        Reply switched = before.post("/language", WebServer.form("lang", "zh-CN", "back", "/sign-in"));
        assertEquals(303, switched.status());
        assertEquals("/sign-in", switched.location());
        String cookie = switched.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
        assertEquals("inbox_lang=zh-CN", cookie);
        assertEquals("登录", before.withCookie(cookie).get("/sign-in", "Accept-Language", "en").page()
                .selectFirst("button[type=submit]:not([name])").text(), "the cookie wins over the browser's language");

        String name = Arrivals.unique("mei_");
        var mei = member(name);
        Reply chosen = mei.post("/language", WebServer.form("lang", "zh-CN", "back", "/problems"));
        assertEquals("/problems", chosen.location());
        var elsewhere = member(name);
        assertEquals("问题", elsewhere.get("/problems", "Accept-Language", "en").page().selectFirst("h1").text(),
                "kept for the person: another browser of theirs shows Chinese with no cookie");
        assertEquals("Problems", member(Arrivals.unique("ann_")).get("/problems").page().selectFirst("h1")
                .text(), "and for that person alone");
    }

    @Test
    void aPageAnsweringAFormPostedElsewhereSwitchesBackToItsOwnAddress() {
        String problem = problemOf(Arrivals.fault(web.store(), Arrivals.unique("cli_back_"), FaultKind.CRASH,
                "It crashes", Instant.now()));
        var visitor = web.signIn(new Person("bo", "bo", null, Role.ADMIN)); // merges are an admin's

        Document refused = visitor.post("/problems/" + problem + "/merge", WebServer.form("into", "")).page();

        assertEquals("/problems/" + problem, refused.selectFirst("form.language input[name=back]").val());
    }

    @Test
    void aSwitchGoesBackOnlyToAPageOfThisInboxAndAFormOfAnotherSiteChangesNothing() {
        Reply away = web.anonymous().post("/language", WebServer.form("lang", "en", "back", "//evil.example/"));
        assertEquals("/", away.location());
        String name = Arrivals.unique("kai_");
        var kai = member(name);
        Reply forged = kai.post("/language", WebServer.form("csrf", "forged", "lang", "zh-CN", "back", "/"));
        assertEquals(403, forged.status());
        assertEquals("Problems", member(name).get("/problems").page().selectFirst("h1").text());
    }

    @Test
    void timesAreOnTheReadersClockWithTheExactTimeOnHoverAndLarksZonelessTimeAsSent() {
        String app = Arrivals.unique("cli_clock_");
        Instant received = Instant.now().minus(Duration.ofHours(3)).minusSeconds(60);
        String feedback = Arrivals.fault(web.store(), app, FaultKind.CRASH, "It crashes", received);
        var visitor = member("zoe");

        Document shanghai = visitor.get("/?app=" + app).page();
        var time = shanghai.selectFirst("tbody time");
        assertEquals("3 hours ago", time.text());
        assertEquals(received.toString(), time.attr("datetime"));
        assertTrue(time.attr("title").endsWith("+08:00 (Asia/Shanghai)"), "the default clock: " + time.attr("title"));

        Document berlin = visitor.withCookie("inbox_zone=Europe/Berlin").get("/?app=" + app, "Accept-Language", "zh")
                .page();
        assertEquals("3 小时前", berlin.selectFirst("tbody time").text());
        assertTrue(berlin.selectFirst("tbody time").attr("title").endsWith("(Europe/Berlin)"),
                "the zone the browser told: " + berlin.selectFirst("tbody time").attr("title"));

        Document page = visitor.withCookie("inbox_zone=Europe/Berlin").get("/feedback/" + feedback).page();
        assertEquals("2024-05-01 16:00:00 (as Lark sent it, without a time zone)",
                page.select("dl.fields dt:containsOwn(Reported at) + dd").text(), "never converted as if UTC");
    }

    @Test
    void aZoneChosenOnThePreferencesPageIsKeptForThePerson() {
        String name = Arrivals.unique("ida_");
        var ida = member(name);
        Reply refused = ida.post("/preferences", WebServer.form("zone", "Beijing"));
        assertEquals(200, refused.status());
        assertTrue(refused.page().selectFirst("[role=alert]").text().startsWith("Not saved"));

        Reply saved = ida.post("/preferences", WebServer.form("zone", "America/New_York"));
        assertEquals(303, saved.status());
        assertTrue(saved.headers().allValues("Set-Cookie").stream()
                .anyMatch(c -> c.startsWith("inbox_zone=America/New_York")));
        var elsewhere = member(name).withCookie("inbox_zone=Asia/Tokyo");
        assertEquals("America/New_York", elsewhere.get("/preferences").page().selectFirst("input#zone").val(),
                "the person's choice wins over what another browser tells");
    }

    @Test
    void anotherFeaturesBundleIsResolvedBesideTheInboxsInEitherLanguage() {
        var li = member("li");
        Document zh = li.get("/other-feature", "Accept-Language", CHINESE).page();
        assertEquals("来自另一个功能的问候，li", zh.selectFirst("h1").text());
        assertEquals("收件箱", zh.selectFirst("main p").text());
        Document en = li.get("/other-feature").page();
        assertEquals("Hello from another feature, li", en.selectFirst("h1").text());
        assertEquals("Inbox", en.selectFirst("main p").text());
    }

    @Test
    void theDashboardSaysItsChartsAndFaultKindsInChinese() {
        String app = Arrivals.unique("cli_dash_zh_");
        Arrivals.fault(web.store(), app, FaultKind.SLOW_PAGE_LOAD, "slow", Instant.now());
        web.store().append(SampleEvents.applied(Arrivals.unique("ev_"), app, "oav_3", "3.0.0", Instant.now()));
        Document page = member("wu").get("/dashboard", "Accept-Language", CHINESE).page();
        assertTrue(page.select("[role=img]").eachAttr("aria-label").contains("未完结反馈按时长统计"));
        assertTrue(page.select("svg text").eachText().contains("页面加载慢"));
        assertTrue(page.select("svg text").eachText().contains("3.0.0 申请发布"));
    }

    /** The problem the feedback makes up once grouped, as the grouping job does. */
    private static String problemOf(String feedback) {
        web.bean(GroupNewFeedback.class).group(new GroupNewFeedbackCommand(GroupNewFeedbackCommand.MAX_BATCH));
        return web.store().find(feedback).orElseThrow().problemId();
    }

    /** A member of the team signed in as the sign-in with Lark does: each their own person, with their own choices. */
    private static WebServer.Visitor member(String name) {
        return web.signIn(new Person(name, name, null, Role.MEMBER));
    }
}
