package dev.larkinbox.outbound.db.bench;

import dev.larkinbox.domain.event.EventMeta;
import dev.larkinbox.domain.event.Transport;
import dev.larkinbox.domain.event.UserRef;
import dev.larkinbox.domain.feedback.FaultKind;
import dev.larkinbox.domain.feedback.Feedback;
import dev.larkinbox.domain.feedback.FeedbackType;
import dev.larkinbox.domain.inbox.FeedbackStatus;
import dev.larkinbox.domain.inbox.TriagedFeedback;
import dev.larkinbox.domain.triage.DefaultTriagePolicy;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/**
 * Feedback as a busy inbox gets it, the same for the same seed: several apps; recurring problems of a feature
 * (slow, crashing, blank, frozen) told in Chinese and English paraphrases, a few features far more often than the
 * rest; suggestions, paraphrased too; and one-offs, each its own words.
 */
final class VariedFeedback {
    static final String EVENT_TYPE = "application.application.feedback.created_v6";
    private static final List<String> APPS = List.of("cli_a1b2c3d4e5f60001", "cli_a1b2c3d4e5f60002",
            "cli_a1b2c3d4e5f60003", "cli_a1b2c3d4e5f60004", "cli_a1b2c3d4e5f60005", "cli_a1b2c3d4e5f60006");
    /** A feature: its Chinese and English names and its page. */
    private record Feature(String zh, String en, String path) {
    }

    private static final List<Feature> FEATURES = List.of(new Feature("购物车", "cart", "pages/cart"),
            new Feature("支付", "payment", "pages/pay"), new Feature("订单", "orders", "pages/orders"),
            new Feature("首页", "home", "pages/index"), new Feature("搜索", "search", "pages/search"),
            new Feature("消息", "messages", "pages/inbox"), new Feature("个人中心", "profile", "pages/me"),
            new Feature("商品详情", "product", "pages/item"), new Feature("优惠券", "coupons", "pages/coupon"),
            new Feature("地址", "address", "pages/address"), new Feature("退款", "refund", "pages/refund"),
            new Feature("评论", "reviews", "pages/review"), new Feature("设置", "settings", "pages/settings"),
            new Feature("登录", "login", "pages/login"), new Feature("直播", "live", "pages/live"),
            new Feature("收藏", "favourites", "pages/fav"), new Feature("会员", "membership", "pages/vip"),
            new Feature("客服", "support chat", "pages/service"), new Feature("分享", "sharing", "pages/share"),
            new Feature("签到", "check-in", "pages/checkin"));
    /** A recurring fault: its kind and paraphrases, {0} the feature's name. */
    private record Theme(FaultKind kind, List<String> paraphrases) {
    }

    private static final List<Theme> THEMES = List.of(
            new Theme(FaultKind.SLOW_PAGE_LOAD, List.of("{zh}页面加载很慢，要等十几秒", "打开{zh}页面加载很慢",
                    "{zh}页面加载太慢了，一直转圈", "the {en} page loads very slowly",
                    "{en} page is so slow to load, spinner for ages")),
            new Theme(FaultKind.CRASH, List.of("点击{zh}后应用闪退", "一进{zh}就闪退了", "{zh}的时候应用闪退",
                    "the app crashes when I open {en}", "app crashed on the {en} screen again")),
            new Theme(FaultKind.WHITE_SCREEN, List.of("{zh}页面白屏，什么都不显示", "打开{zh}是白屏",
                    "{zh}一直白屏", "{en} shows a blank white screen", "white screen on {en}, nothing shows")),
            new Theme(FaultKind.FREEZE, List.of("{zh}页面卡住不动了", "在{zh}卡死，点什么都没反应",
                    "{zh}卡住了", "{en} freezes and nothing responds", "the {en} screen froze completely")),
            new Theme(FaultKind.LAG, List.of("{zh}滑动很卡", "{zh}列表滑动卡顿严重", "{zh}操作很卡顿",
                    "scrolling in {en} is laggy", "{en} lags badly when scrolling")));
    private static final List<String> WISHES = List.of("希望{zh}可以支持夜间模式", "建议{zh}增加夜间模式",
            "please add a dark mode to {en}", "would love dark mode in {en}", "希望{zh}能导出记录",
            "建议{zh}支持导出", "please let me export from {en}", "{en} should support exporting");
    private static final List<String> WORDS = List.of("账号", "同步", "图片", "上传", "失败", "声音", "通知",
            "日历", "提醒", "字体", "颜色", "定位", "相机", "扫码", "二维码", "语言", "翻译", "password", "upload",
            "photo", "sound", "calendar", "reminder", "font", "colour", "location", "camera", "scanner", "language",
            "translation", "keyboard", "battery", "wifi", "bluetooth", "widget");

    private final Random random;
    private final DefaultTriagePolicy triage = new DefaultTriagePolicy();

    VariedFeedback(long seed) {
        this.random = new Random(seed);
    }

    /** The {@code n}th report, received then: 70% recurring faults, 10% suggestions, 20% one-offs. */
    TriagedFeedback next(String run, int n, Instant receivedAt) {
        String app = APPS.get(skewed(APPS.size()));
        Feature feature = FEATURES.get(skewed(FEATURES.size()));
        int kind = random.nextInt(10);
        Feedback feedback;
        String id = run + "-" + n;
        if (kind < 7) {
            Theme theme = THEMES.get(random.nextInt(THEMES.size()));
            String text = fill(theme.paraphrases().get(random.nextInt(theme.paraphrases().size())), feature);
            feedback = feedback(id, app, FeedbackType.FAULT, List.of(theme.kind()), text, feature.path());
        } else if (kind < 8) {
            feedback = feedback(id, app, FeedbackType.SUGGESTION, List.of(),
                    fill(WISHES.get(random.nextInt(WISHES.size())), feature), null);
        } else {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < 6; i++) {
                text.append(WORDS.get(random.nextInt(WORDS.size()))).append(' ');
            }
            text.append(n);
            feedback = feedback(id, app, FeedbackType.FAULT, List.of(FaultKind.OTHER), text.toString(),
                    feature.path());
        }
        EventMeta meta = new EventMeta("ev-" + id, EVENT_TYPE, app, "tenant-" + random.nextInt(500), receivedAt,
                receivedAt, Transport.WEBHOOK);
        return TriagedFeedback.arrived(meta, feedback, triage.triage(feedback), FeedbackStatus.NEW);
    }

    /** Mostly the first few: the square of a uniform number leans to zero. */
    private int skewed(int size) {
        double u = random.nextDouble();
        return (int) (u * u * size);
    }

    private static String fill(String template, Feature feature) {
        return template.replace("{zh}", feature.zh()).replace("{en}", feature.en());
    }

    private static Feedback feedback(String id, String app, FeedbackType type, List<FaultKind> kinds, String text,
                                     String path) {
        return new Feedback(id, app, "Acme", UserRef.NONE, type, kinds, null, null, null, text, null, List.of(),
                path);
    }
}
