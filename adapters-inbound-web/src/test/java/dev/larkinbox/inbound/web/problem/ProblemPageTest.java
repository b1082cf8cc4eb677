package dev.larkinbox.inbound.web.problem;

import static dev.larkinbox.inbound.web.support.WebServer.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.larkinbox.domain.feedback.FaultKind;
import dev.larkinbox.domain.inbox.FeedbackStatus;
import dev.larkinbox.domain.problem.GroupNewFeedback;
import dev.larkinbox.domain.problem.GroupNewFeedbackCommand;
import dev.larkinbox.inbound.web.support.Arrivals;
import dev.larkinbox.inbound.web.support.WebServer;
import dev.larkinbox.inbound.web.support.WebServer.Reply;
import java.time.Instant;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The problems list and a problem's page: what the reports share, its feedback, moving and merging it. */
class ProblemPageTest {
    @RegisterExtension
    static final WebServer web = WebServer.start();

    private final WebServer.Visitor erin = web.signIn("erin");

    @Test
    void theListShowsTheAppsProblemWithItsReportsAndLinksToItsPage() {
        String app = Arrivals.unique("cli_problems_");
        String problem = problemOf(app, FaultKind.SLOW_PAGE_LOAD, "The cart is slow", "The cart is slow today");

        Document page = erin.get("/problems?app=" + app).page();

        assertEquals("Problems", page.selectFirst("h1").text());
        List<Element> rows = page.select("tbody tr");
        assertEquals(1, rows.size(), page.select("tbody").text());
        assertEquals("/problems/" + problem, rows.get(0).selectFirst("a").attr("href"));
        assertEquals("2", rows.get(0).select("td").get(1).text(), "its reports");
        assertEquals("new", rows.get(0).select("td").get(5).text());
    }

    @Test
    void aFilterThatCannotBeUsedIsShownWithTheReason() {
        Document page = erin.get("/problems?app=" + Arrivals.unique("cli_none_") + "&spiking=maybe&sort=size")
                .page();

        assertEquals(List.of("Spiking must be true or false.", "Sort must be last_seen or count."),
                page.select("[role=alert] li").eachText());
        assertEquals("No problem matches these filters.", page.selectFirst("tbody tr").text());
    }

    @Test
    void aProblemsPageShowsWhatItsReportsShareAndItsFeedback() {
        String app = Arrivals.unique("cli_problems_");
        String problem = problemOf(app, FaultKind.SLOW_PAGE_LOAD, "The cart is slow", "The cart is slow today");

        Document page = erin.get("/problems/" + problem).page();

        assertEquals("Problem " + problem, page.selectFirst("h1").text());
        List<String> fields = page.select("dl.fields dd").eachText();
        assertTrue(fields.contains(app), fields.toString());
        assertTrue(fields.contains("pages/cart/index"), fields.toString());
        assertEquals(2, page.select("section[aria-labelledby=members] tbody tr a").size());
        assertTrue(page.select("select#status option").eachText().stream().noneMatch("new"::equals),
                "nothing leads back to new");
    }

    @Test
    void aChineseReaderReadsWhyTheReportsAreOneProblemInChinese() {
        String app = Arrivals.unique("cli_problems_");
        String problem = problemOf(app, FaultKind.SLOW_PAGE_LOAD, "The cart is slow", "The cart is slow today");

        Document page = erin.get("/problems/" + problem, "Accept-Language", "zh-CN").page();

        assertEquals(List.of("按应用 " + app + "、类型故障、故障类型 [页面加载慢]、路径 pages/cart/index归类", "尚无同类问题"),
                page.select("ul[aria-labelledby=reasons] li").eachText());
    }

    @Test
    void movingAProblemMovesEachOfItsFeedbackAndSaysHowMany() {
        String app = Arrivals.unique("cli_problems_");
        String problem = problemOf(app, FaultKind.SLOW_PAGE_LOAD, "The cart is slow", "The cart is slow today");

        Reply moved = erin.post("/problems/" + problem, form("status", "acknowledged", "note", "on it"));

        assertEquals(200, moved.status());
        assertEquals("Moved 2 feedback to acknowledged.", moved.page().selectFirst("[role=status]").text());
        assertEquals(List.of("acknowledged", "acknowledged"),
                moved.page().select("section[aria-labelledby=members] tbody tr td:eq(2)").eachText());
    }

    @Test
    void aMergeWithoutATargetOrIntoNoProblemIsRefusedWithTheReason() {
        String problem = problemOf(Arrivals.unique("cli_problems_"), FaultKind.CRASH, "It crashes");
        String nowhere = Arrivals.unique("nowhere_");

        Reply empty = erin.post("/problems/" + problem + "/merge", form("into", " "));
        Reply unknown = erin.post("/problems/" + problem + "/merge", form("into", nowhere));

        assertEquals("Not merged: say which problem to merge it into.",
                empty.page().selectFirst("[role=alert]").text());
        assertEquals("Not merged: there is no problem " + nowhere + ".",
                unknown.page().selectFirst("[role=alert]").text());
        assertEquals(200, erin.get("/problems/" + problem).status(), "still there");
    }

    @Test
    void aMergeTakesThePersonToTheProblemItWentInto() {
        String app = Arrivals.unique("cli_problems_");
        String kept = problemOf(app, FaultKind.CRASH, "It crashes at checkout");
        String gone = problemOf(app, FaultKind.WHITE_SCREEN, "White screen at start");

        Reply merged = erin.post("/problems/" + gone + "/merge", form("into", kept));

        assertEquals(303, merged.status(), merged.body());
        assertEquals("/problems/" + kept + "?merged=" + gone, merged.location());
        Document page = erin.get(merged.location()).page();
        assertEquals("Problem " + gone + " was merged into this one.", page.selectFirst("[role=status]").text());
        assertEquals(2, page.select("section[aria-labelledby=members] tbody tr a").size());
        assertEquals(404, erin.get("/problems/" + gone).status());
    }

    @Test
    void aProblemsPageOffersTheLikelyDuplicatesByTitleAndMergesOneIntoItWithItsButton() {
        String app = Arrivals.unique("cli_problems_");
        String pay = problemOf(app, FaultKind.CRASH, "付款的时候闪退");
        String english = problemOf(app, FaultKind.FREEZE, "The app crashes when I pay");
        problemOf(app, FaultKind.SLOW_PAGE_LOAD, "购物车加载很慢");
        problemOf(Arrivals.unique("cli_other_"), FaultKind.FREEZE, "The app crashes when I pay");

        Element offered = erin.get("/problems/" + pay).page().selectFirst("section[aria-labelledby=duplicates]");

        assertEquals("Likely duplicates", offered.selectFirst("h2").text());
        List<Element> rows = offered.select("tbody tr");
        assertEquals(1, rows.size(), "the problem of the app whose title reads alike: " + offered.text());
        assertEquals("The app crashes when I pay", rows.get(0).selectFirst("a").text());
        assertEquals("/problems/" + english, rows.get(0).selectFirst("a").attr("href"));
        assertEquals("title 1.00 alike this one's, other fault kinds or another page",
                rows.get(0).select("td").get(2).text());
        Element mergeIt = rows.get(0).selectFirst("form");
        assertEquals("Merge", mergeIt.selectFirst("button").text());
        assertEquals(rows.get(0).selectFirst("a").id(), mergeIt.selectFirst("button").attr("aria-describedby"));
        assertTrue(offered.select("input[name=into][type=text]").isEmpty(), "no box for another problem's id");

        Reply merged = erin.post(mergeIt.attr("action"), form("into", mergeIt.selectFirst("input[name=into]").val()));

        assertEquals(303, merged.status(), merged.body());
        assertEquals("/problems/" + pay + "?merged=" + english, merged.location());
        Document page = erin.get(merged.location()).page();
        assertEquals("Problem " + english + " was merged into this one.", page.selectFirst("[role=status]").text());
        assertEquals(2, page.select("section[aria-labelledby=members] tbody tr a").size());
        assertEquals("None: no other problem of this app reads alike.",
                page.selectFirst("section[aria-labelledby=duplicates] tbody tr").text());
    }

    @Test
    void aChineseReaderReadsWhyALikelyDuplicateIsOfferedInChinese() {
        String app = Arrivals.unique("cli_problems_");
        String pay = problemOf(app, FaultKind.CRASH, "付款的时候闪退");
        problemOf(app, FaultKind.FREEZE, "The app crashes when I pay");

        Element offered = erin.get("/problems/" + pay, "Accept-Language", "zh-CN").page()
                .selectFirst("section[aria-labelledby=duplicates]");

        assertEquals("标题与本问题的相似度为 1.00，故障类型或页面不同", offered.select("tbody tr td").get(2).text());
    }

    @Test
    void formsPostedWithoutTheSessionsTokenAreRefusedAndChangeNothing() {
        String app = Arrivals.unique("cli_problems_");
        String problem = problemOf(app, FaultKind.CRASH, "It crashes");
        String other = problemOf(app, FaultKind.WHITE_SCREEN, "White screen");

        Reply move = erin.post("/problems/" + problem, form("csrf", "forged", "status", "acknowledged"));
        Reply merge = erin.post("/problems/" + problem + "/merge", form("csrf", "", "into", other));

        assertEquals(403, move.status());
        assertEquals(403, merge.status());
        assertEquals(200, erin.get("/problems/" + problem).status(), "not merged away");
        assertEquals(FeedbackStatus.NEW, web.store().find(memberOf(problem)).orElseThrow().status());
    }

    @Test
    void aProblemThatIsNotThereIsAPageSayingSo() {
        Reply missing = erin.get("/problems/" + Arrivals.unique("missing_"));

        assertEquals(404, missing.status());
        assertEquals("No such problem", missing.page().selectFirst("h1").text());
    }

    @Test
    void aTitleHoldingMarkupIsShownAsText() {
        String app = Arrivals.unique("cli_problems_");
        String evil = "<script>alert('title')</script>";
        String problem = problemOf(app, FaultKind.CRASH, evil);

        Reply list = erin.get("/problems?app=" + app);
        Reply one = erin.get("/problems/" + problem);

        assertEquals(evil, list.page().selectFirst("tbody tr a").text());
        assertEquals(evil, one.page().selectFirst("h2#what").text());
        assertTrue(list.page().select("main script").isEmpty() && one.page().select("main script").isEmpty());
    }

    /** The reports arrive and are grouped, as the grouping job does; the problem they make up. */
    private static String problemOf(String app, FaultKind kind, String... descriptions) {
        List<String> ids = java.util.Arrays.stream(descriptions).map(d -> Arrivals.fault(web.store(), app, kind, d,
                Instant.now())).toList();
        web.bean(GroupNewFeedback.class).group(new GroupNewFeedbackCommand(GroupNewFeedbackCommand.MAX_BATCH));
        List<String> problems = ids.stream().map(id -> web.store().find(id).orElseThrow().problemId()).distinct()
                .toList();
        assertEquals(1, problems.size(), "one problem of " + ids);
        return problems.get(0);
    }

    private static String memberOf(String problem) {
        return web.store().problems().feedback(problem, dev.larkinbox.domain.paging.PageRequest.first(1)).items()
                .get(0).feedback().feedbackId();
    }
}
