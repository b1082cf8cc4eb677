package dev.larkinbox.domain.problem;

import dev.larkinbox.domain.feedback.FaultKind;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The words of app feedback that mean one thing in Chinese and in English (支付, 付款, pay, checkout), with the
 * misspellings pinyin input makes of them (闪腿 for 闪退): each is a concept, so that reports of one fault written in
 * either language, or both, share it. Words that say nothing of the fault (我, 的, please, the app) are left out. A
 * concept that names a fault kind is what the report's fault kinds already say.
 */
final class FeedbackVocabulary {
    /** Marks a concept among a description's pieces; normalised text has no such character. */
    static final char CONCEPT = '#';

    private static final Map<String, String> CHINESE = new HashMap<>();
    private static final Map<String, String> ENGLISH = new HashMap<>();
    /** The concept of words that say nothing of the fault: they are left out. */
    static final String FILLER = "";
    private static final int LONGEST_CHINESE;
    /** The first characters of the Chinese words: most characters start none, and are passed at once. */
    private static final Set<Character> CHINESE_FIRST = new HashSet<>();
    private static final Map<String, String> MISSPELT;
    /** The first words of the English phrases: only these are looked up with the words after them. */
    private static final Set<String> PHRASE_FIRST = new HashSet<>();
    private static final int MISSPELT_FROM = 4;
    private static final Map<FaultKind, String> KIND_CONCEPTS = Map.of(FaultKind.CRASH, "#crash",
            FaultKind.FREEZE, "#freeze", FaultKind.LAG, "#lag", FaultKind.SLOW_PAGE_LOAD, "#slow",
            FaultKind.WHITE_SCREEN, "#white", FaultKind.BLACK_SCREEN, "#black", FaultKind.CANNOT_OPEN, "#cannot_open",
            FaultKind.OTHER, "#error");

    /** Chinese characters that carry no meaning of their own in a report: particles, pronouns, adverbs. */
    static final Set<Character> CHINESE_FILLER = Set.of('的', '了', '就', '都', '也', '我', '你', '您', '是', '在', '很',
            '太', '又', '还', '一', '后', '时', '着', '吗', '呢', '吧', '啊', '呀', '请', '把', '被', '给', '这', '那', '个',
            '有', '没', '会', '能', '要', '下', '之', '以', '点', '再', '才', '得', '地', '和', '跟', '让', '好', '用',
            '说', '它', '他', '她', '们', '么', '怎', '每', '次', '候', '然', '直', '接', '总', '经', '已', '什', '为');

    /** English words that carry no meaning of their own in a report. */
    static final Set<String> ENGLISH_FILLER = Set.of("a", "an", "the", "i", "im", "my", "me", "we", "our", "you", "your",
            "it", "its", "is", "are", "was", "were", "be", "been", "am", "to", "of", "in", "on", "at", "for", "with",
            "and", "or", "but", "when", "while", "after", "before", "then", "so", "just", "again", "every", "time",
            "times", "this", "that", "there", "here", "can", "will", "do", "does", "did", "not", "no", "app", "apps",
            "application", "please", "pls", "plz", "thanks", "thank", "hi", "hello", "hey", "team", "fyi", "bug",
            "fix", "asap", "help", "very", "really", "too", "still", "also", "all", "any", "some", "trying", "try",
            "tried", "get", "gets", "got", "keeps", "keep", "s", "t", "u", "ur", "has", "have", "had", "by", "from",
            "up", "out", "into", "screen", "page", "would", "could", "should", "like", "want", "need", "let", "if",
            "what", "why", "how", "now", "always", "since", "version", "update", "updated", "updating", "urgent",
            "nothing", "something", "lot", "lots", "much", "many", "more", "option", "options", "support", "add",
            "nice", "great", "love", "mode",
            // what any report may say beside its fault: how annoying it is, what was tried, on which phone
            "annoying", "annoy", "same", "other", "phone", "cache", "cleared", "clear", "reinstall", "reinstalled",
            "luck", "wifi", "happens", "happen", "worked", "work", "yesterday", "today", "week", "third", "iphone",
            "pixel", "android", "ios", "samsung", "huawei", "fine", "both", "ok", "issue", "problem", "terrible",
            "useless", "suggest", "suggestion", "hope", "wish", "feature");

    static {
        // what any report may say beside its fault, none of it a concept
        concept(FILLER, List.of("客服", "你好", "您好", "谢谢", "麻烦", "看一下", "尽快", "修复", "解决", "影响", "使用",
                "垃圾", "软件", "怎么回事", "反馈", "一下", "版本", "更新", "升级", "新版", "手机", "重装", "缓存", "网络",
                "昨天", "今天", "好几次", "第三次", "出现", "问题", "应用", "程序", "页面", "界面", "一样", "还是", "试了",
                "试过", "换了", "华为", "苹果", "小米", "急", "希望", "建议", "可以", "能不能", "支持", "增加", "功能",
                "求"), List.of());
        concept("#crash", List.of("闪退", "闪腿", "闪推", "崩溃", "崩馈", "崩了", "崩掉", "秒退", "自动退出", "直接退出",
                "退回桌面"), List.of("crash", "crashes", "crashed", "crashing", "quits", "quit", "force close",
                "closes itself", "shuts down"));
        concept("#freeze", List.of("卡死", "卡住", "冻住", "死机", "没反应", "无响应", "不动"),
                List.of("freeze", "freezes", "frozen", "hang", "hangs", "stuck", "unresponsive", "stops responding",
                        "not responding"));
        concept("#lag", List.of("卡顿", "卡吨", "很卡", "好卡", "特别卡", "不流畅", "一卡一卡", "卡得"),
                List.of("lag", "laggy", "lags", "lagging", "stutter", "stutters", "choppy"));
        concept("#slow", List.of("慢", "加载", "架载", "转圈", "半天"),
                List.of("slow", "slowly", "forever", "ages", "load", "loads", "loading", "spinner"));
        concept("#white", List.of("白屏", "百屏", "空白", "一片白"), List.of("white", "blank"));
        concept("#black", List.of("黑屏", "黑平", "全黑", "黑的"), List.of("black"));
        concept("#cannot_open", List.of("打不开", "进不去", "无法打开", "开不了"),
                List.of("cannot open", "can t open", "won t open", "unable to open", "cannot get into"));
        concept("#error", List.of("报错", "错误", "失败", "繁忙", "出错"),
                List.of("error", "errors", "fails", "failed", "fail", "failing", "wrong"));
        concept("#pay", List.of("支付", "付款", "付宽", "付钱", "结账", "买单"),
                List.of("pay", "paying", "payment", "payments", "checkout"));
        concept("#coupon", List.of("优惠券", "优惠卷", "用券"), List.of("coupon", "coupons", "voucher"));
        concept("#cart", List.of("购物车"), List.of("cart", "basket"));
        concept("#search", List.of("搜索", "搜商品"), List.of("search", "searching", "searches"));
        concept("#order", List.of("订单"), List.of("order", "orders"));
        concept("#live", List.of("直播"), List.of("live", "livestream", "stream"));
        concept("#photo", List.of("图片", "照片", "相片"), List.of("photo", "photos", "picture", "pictures", "image",
                "images", "pic"));
        concept("#voice", List.of("语音"), List.of("voice"));
        concept("#call", List.of("通话", "电话"), List.of("call", "calls", "calling"));
        concept("#video", List.of("视频", "视屏"), List.of("video", "videos"));
        concept("#group", List.of("群聊", "进群"), List.of("group"));
        concept("#notify", List.of("通知", "推送"), List.of("notification", "notifications", "notify", "push"));
        concept("#play", List.of("播放"), List.of("play", "playing", "player", "playback"));
        concept("#fullscreen", List.of("全屏"), List.of("fullscreen", "full screen"));
        concept("#danmaku", List.of("弹幕"), List.of("danmaku", "bullet comments"));
        concept("#download", List.of("下载", "离线下载"), List.of("download", "downloads", "downloading"));
        concept("#member", List.of("会员"), List.of("membership", "member", "vip", "premium"));
        concept("#transfer", List.of("转账", "转帐"), List.of("transfer", "transfers", "transferring"));
        concept("#withdraw", List.of("提现"), List.of("withdraw", "withdrawal", "withdrawing"));
        concept("#scan", List.of("扫码", "扫一扫", "二维码"), List.of("scan", "scanner", "scanning", "qr"));
        concept("#card", List.of("银行卡", "绑卡", "绑定"), List.of("bank card", "card", "cards"));
        concept("#bill", List.of("账单", "帐单"), List.of("bill", "bills", "statement"));
        concept("#hotel", List.of("酒店", "订房"), List.of("hotel", "hotels"));
        concept("#flight", List.of("机票", "航班"), List.of("flight", "flights"));
        concept("#map", List.of("地图"), List.of("map", "maps"));
        concept("#refund", List.of("退票", "退款"), List.of("refund", "refunds"));
        concept("#sync", List.of("同步"), List.of("sync", "syncing", "synchronise"));
        concept("#export", List.of("导出"), List.of("export", "exporting"));
        concept("#upload", List.of("上传"), List.of("upload", "uploading", "uploads"));
        concept("#attachment", List.of("附件"), List.of("attachment", "attachments"));
        concept("#calendar", List.of("日历"), List.of("calendar"));
        concept("#document", List.of("文档"), List.of("document", "documents", "doc", "docs"));
        concept("#login", List.of("登录", "登陆"), List.of("login", "log in", "sign in", "signin"));
        concept("#dark", List.of("深色", "夜间", "暗黑", "黑暗"), List.of("dark", "night"));
        concept("#edit", List.of("编辑", "修改"), List.of("edit", "editing", "edited"));
        concept("#price", List.of("降价", "价格"), List.of("price", "prices"));
        concept("#speed", List.of("倍速"), List.of("speed", "3x", "2x"));
        concept("#pip", List.of("画中画", "小窗"), List.of("pip", "picture in picture"));
        concept("#font", List.of("字体", "大字"), List.of("font", "fonts"));
        concept("#english", List.of("英文", "英语"), List.of("english"));
        concept("#offline", List.of("离线", "没网"), List.of("offline", "without internet"));
        concept("#markdown", List.of(), List.of("markdown"));
        concept("#excel", List.of(), List.of("excel"));
        LONGEST_CHINESE = CHINESE.keySet().stream().mapToInt(String::length).max().orElse(1);
        CHINESE.keySet().forEach(word -> CHINESE_FIRST.add(word.charAt(0)));
        MISSPELT = misspellings();
        ENGLISH.keySet().stream().filter(words -> words.indexOf(' ') > 0)
                .forEach(words -> PHRASE_FIRST.add(words.substring(0, words.indexOf(' '))));
    }

    private FeedbackVocabulary() {
    }

    private static void concept(String concept, List<String> chinese, List<String> english) {
        chinese.forEach(word -> CHINESE.put(word, concept));
        english.forEach(word -> ENGLISH.put(word, concept));
    }

    /** The concept of the Chinese (or mixed) text that starts at {@code from}, with its length; null when none. */
    static Map.Entry<String, Integer> chineseAt(String text, int from) {
        if (!CHINESE_FIRST.contains(text.charAt(from))) {
            return null;
        }
        for (int length = Math.min(LONGEST_CHINESE, text.length() - from); length > 0; length--) {
            String concept = CHINESE.get(text.substring(from, from + length));
            if (concept != null) {
                return Map.entry(concept, length);
            }
        }
        return null;
    }

    /** The concept of an English word or phrase of words joined by spaces; null when none. */
    static String english(String words) {
        return ENGLISH.get(words);
    }

    /** Whether the word may start a phrase the vocabulary knows ("force close"). */
    static boolean startsPhrase(String word) {
        return PHRASE_FIRST.contains(word);
    }

    /**
     * The concept of a word the vocabulary knows, misspelt by one letter left out, added, changed or swapped with
     * the next ("crahses"); null when none. Short words are not guessed at: "pat" is not "pay".
     */
    static String misspelt(String word) {
        if (word.length() < MISSPELT_FROM) {
            return null;
        }
        String concept = MISSPELT.get(word);
        for (int i = 0; i < word.length() && concept == null; i++) {
            concept = MISSPELT.get(withoutLetter(word, i));
        }
        return concept;
    }

    /** Every English word of the vocabulary and each of it with a letter left out: one lookup finds a slip. */
    private static Map<String, String> misspellings() {
        Map<String, String> misspelt = new HashMap<>();
        ENGLISH.forEach((word, concept) -> {
            if (word.indexOf(' ') < 0) {
                misspelt.putIfAbsent(word, concept);
                for (int i = 0; i < word.length(); i++) {
                    misspelt.putIfAbsent(withoutLetter(word, i), concept);
                }
            }
        });
        return misspelt;
    }

    private static String withoutLetter(String word, int i) {
        return word.substring(0, i) + word.substring(i + 1);
    }

    /** The concept a report's fault kind already says, null for none. */
    static String of(FaultKind kind) {
        return KIND_CONCEPTS.get(kind);
    }
}
