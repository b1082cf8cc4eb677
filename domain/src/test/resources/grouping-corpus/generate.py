#!/usr/bin/env python3
"""Generates the labelled grouping corpus (corpus.tsv beside this script) from the templates below, with a fixed
seed: the same script writes the same file. See README.md for what it is and what it is not.

Usage: python3 generate.py [--seed 29] [--out corpus.tsv]
       python3 generate.py --unseen --out corpus-unseen.tsv   (objects the vocabulary does not know)
"""
import argparse
import random

# Lark's fault_type numbers.
BLACK, WHITE, CANNOT_OPEN, LAG, CRASH, SLOW, FREEZE, OTHER = 1, 2, 3, 4, 5, 6, 7, 8

# What goes wrong, as users say it: (fault kinds, Chinese phrasings, English phrasings). {o} is the object in the
# user's words (a thing: 购物车 / the cart), {a} the action (付款 / pay).
SYMPTOMS = {
    "crash": ((CRASH,),
              ["{a}的时候闪退", "一{a}就闪退", "点{o}之后app直接闪退了", "{o}闪退", "{a}时应用崩溃", "每次{a}都会崩溃",
               "{o}页面直接崩了", "{a}就自动退出", "打开{o}秒退", "{a}的时候程序闪退回桌面", "{o}一点就闪退"],
              ["app crashes when I {a}", "crash on the {o} screen", "it crashes every time I {a}",
               "{o} crashes the app", "app closes itself when i {a}", "force close when trying to {a}",
               "the app just quits on {o}", "crashed while trying to {a}"]),
    "freeze": ((FREEZE,),
               ["{a}的时候卡死了", "{o}卡住不动", "一{a}就卡死，只能强制关闭", "{o}页面卡死没反应", "{a}时界面冻住了",
                "{o}点了没反应，整个卡死"],
               ["app freezes when I {a}", "{o} freezes and stops responding", "frozen screen after i {a}",
                "it hangs when trying to {a}", "{o} is stuck, nothing responds"]),
    "lag": ((LAG,),
            ["{o}很卡", "{a}的时候特别卡顿", "{o}卡顿严重", "{a}一卡一卡的", "{o}操作很不流畅", "{a}卡得要命"],
            ["{o} is laggy", "very laggy when I {a}", "{o} stutters a lot", "lag when trying to {a}",
             "{o} is choppy and slow to respond"]),
    "slow": ((SLOW,),
             ["{o}加载很慢", "{o}页面打开特别慢，要等十几秒", "{a}要转圈很久", "{o}一直在加载", "打开{o}要等半天",
              "{o}加载太慢了"],
             ["{o} takes forever to load", "{o} page loads really slowly", "spinner for ages when I {a}",
              "it takes 20 seconds to {a}", "{o} is very slow to open"]),
    "white": ((WHITE,),
              ["{o}白屏", "打开{o}一片白", "{a}之后页面白屏了", "{o}显示空白", "{o}是白屏什么都没有"],
              ["white screen on {o}", "{o} shows a blank white page", "blank screen after I {a}",
               "{o} is just white, nothing loads"]),
    "black": ((BLACK,),
              ["{o}黑屏", "{a}的时候黑屏了", "打开{o}全黑", "{o}画面是黑的只有声音"],
              ["black screen on {o}", "screen goes black when i {a}", "{o} is all black"]),
    "cannot_open": ((CANNOT_OPEN,),
                    ["{o}打不开", "{o}进不去", "无法{a}", "{a}一直失败", "点{o}没反应进不去"],
                    ["can't open {o}", "{o} won't open", "unable to {a}", "{a} keeps failing", "cannot get into {o}"]),
    "error": ((OTHER,),
              ["{a}提示网络错误", "{o}报错", "{a}提示系统繁忙请稍后再试", "{o}显示错误代码500", "{a}失败，提示未知错误"],
              ["error message when I {a}", "{o} shows an error", "'something went wrong' when trying to {a}",
               "{o} says error 500", "{a} fails with unknown error"]),
    "crash_freeze": ((CRASH, FREEZE),
                     ["{a}先卡死然后闪退", "{o}卡住几秒后崩溃", "一{a}就卡住接着闪退"],
                     ["{o} freezes then crashes", "app hangs and then crashes when i {a}",
                      "stuck for a few seconds then crash on {o}"]),
}

# app -> (versions, [(object zh, action zh, object en, action en, path)])
APPS = {
    "cli_shop": (["5.2.0", "5.3.1"], {
        "pay": ("支付页面", "付款", "payment page", "pay", "pages/checkout"),
        "coupon": ("优惠券", "用优惠券", "coupon", "apply a coupon", "pages/checkout"),
        "cart": ("购物车", "加购物车", "cart", "add to cart", "pages/cart"),
        "search": ("搜索", "搜商品", "search", "search for products", "pages/search"),
        "orders": ("订单列表", "查看订单", "order list", "view my orders", "pages/orders"),
        "live": ("直播间", "看直播", "live stream", "watch the live stream", "pages/live"),
    }),
    "cli_chat": (["8.0.3", "8.1.0"], {
        "photo": ("发图片", "发送图片", "photo sending", "send a photo", "pages/chat"),
        "voice": ("语音消息", "发语音", "voice message", "send a voice message", "pages/chat"),
        "call": ("视频通话", "打视频电话", "video call", "start a video call", "pages/call"),
        "group": ("群聊", "进群聊", "group chat", "open a group chat", "pages/group"),
        "notify": ("消息通知", "收通知", "notifications", "get notifications", "pages/settings"),
    }),
    "cli_video": (["2.9.4", "3.0.0"], {
        "play": ("视频播放", "播放视频", "video player", "play a video", "pages/player"),
        "fullscreen": ("全屏", "切全屏", "full screen", "go full screen", "pages/player"),
        "danmaku": ("弹幕", "开弹幕", "bullet comments", "turn on bullet comments", "pages/player"),
        "download": ("离线下载", "下载视频", "offline download", "download a video", "pages/download"),
        "vip": ("会员开通", "开会员", "membership purchase", "buy a membership", "pages/vip"),
    }),
    "cli_wallet": (["1.12.0", "1.13.2"], {
        "transfer": ("转账", "转账", "transfer", "transfer money", "pages/transfer"),
        "scan": ("扫码", "扫码付款", "QR scanner", "scan a QR code", "pages/scan"),
        "card": ("绑定银行卡", "绑卡", "bank card binding", "add a bank card", "pages/cards"),
        "bill": ("账单", "查账单", "bills", "check my bills", "pages/bills"),
        "withdraw": ("提现", "提现", "withdrawal", "withdraw money", "pages/transfer"),
    }),
    "cli_travel": (["4.4.0", "4.5.0"], {
        "hotel": ("酒店预订", "订酒店", "hotel booking", "book a hotel", "pages/hotel"),
        "flight": ("机票查询", "查机票", "flight search", "search flights", "pages/flight"),
        "map": ("地图", "看地图", "map", "open the map", "pages/map"),
        "refund": ("退票", "申请退票", "refund", "request a refund", "pages/orders"),
    }),
    "cli_docs": (["6.1.2", "6.2.0"], {
        "sync": ("文档同步", "同步文档", "document sync", "sync my documents", "pages/doc"),
        "export": ("导出PDF", "导出PDF", "PDF export", "export to PDF", "pages/doc"),
        "upload": ("上传附件", "上传附件", "attachment upload", "upload an attachment", "pages/upload"),
        "calendar": ("日历", "打开日历", "calendar", "open the calendar", "pages/calendar"),
    }),
}

# Objects whose words FeedbackVocabulary was not written with (--unseen): how the policy does where its concepts do
# not reach, on character bigrams and word stems alone.
UNSEEN_APPS = {
    "cli_social": (["7.1.0", "7.2.3"], {
        "redpacket": ("红包", "抢红包", "red packet", "grab a red packet", "pages/redpacket"),
        "moments": ("朋友圈", "刷朋友圈", "moments feed", "scroll the moments feed", "pages/moments"),
        "sticker": ("表情包", "发表情包", "sticker", "send a sticker", "pages/chat"),
        "album": ("相册", "打开相册", "album", "open the album", "pages/album"),
    }),
    "cli_fitness": (["3.3.0", "3.4.1"], {
        "steps": ("步数统计", "看步数", "step counter", "check my steps", "pages/steps"),
        "workout": ("跑步记录", "记录跑步", "run tracker", "track a run", "pages/workout"),
        "watch": ("手表连接", "连手表", "watch pairing", "pair my watch", "pages/devices"),
        "diet": ("饮食打卡", "记饮食", "meal log", "log a meal", "pages/diet"),
    }),
}
UNSEEN_FAULTS = [
    ("cli_social", "redpacket", "crash", 40), ("cli_social", "moments", "slow", 30), ("cli_social", "sticker", "crash", 12),
    ("cli_social", "album", "white", 10), ("cli_fitness", "steps", "error", 25), ("cli_fitness", "workout", "freeze", 20),
    ("cli_fitness", "watch", "cannot_open", 15), ("cli_fitness", "diet", "lag", 8),
]

# The recurring faults: (app, object, symptom, weight). Some share a key (app, fault kinds, path) with another
# fault, so that only the description can tell them apart: pay and coupon crash on pages/checkout, photo and voice
# crash on pages/chat, play and fullscreen black on pages/player, transfer and withdraw errors on pages/transfer,
# sync and export crash on pages/doc.
FAULTS = [
    ("cli_shop", "pay", "crash", 60), ("cli_shop", "coupon", "crash", 14), ("cli_shop", "cart", "slow", 40),
    ("cli_shop", "search", "white", 12), ("cli_shop", "orders", "cannot_open", 9), ("cli_shop", "live", "lag", 25),
    ("cli_shop", "pay", "error", 18), ("cli_shop", "cart", "crash_freeze", 6),
    ("cli_chat", "photo", "crash", 35), ("cli_chat", "voice", "crash", 16), ("cli_chat", "call", "black", 20),
    ("cli_chat", "group", "lag", 22), ("cli_chat", "notify", "error", 5), ("cli_chat", "call", "freeze", 10),
    ("cli_video", "play", "black", 30), ("cli_video", "fullscreen", "black", 8), ("cli_video", "danmaku", "lag", 18),
    ("cli_video", "download", "error", 15), ("cli_video", "vip", "crash", 9), ("cli_video", "play", "slow", 24),
    ("cli_wallet", "transfer", "error", 28), ("cli_wallet", "withdraw", "error", 11), ("cli_wallet", "scan", "crash", 20),
    ("cli_wallet", "card", "cannot_open", 13), ("cli_wallet", "bill", "white", 7),
    ("cli_travel", "hotel", "slow", 16), ("cli_travel", "flight", "error", 12), ("cli_travel", "map", "freeze", 10),
    ("cli_travel", "refund", "cannot_open", 6),
    ("cli_docs", "sync", "crash", 14), ("cli_docs", "export", "crash", 12), ("cli_docs", "upload", "error", 15),
    ("cli_docs", "calendar", "white", 5), ("cli_docs", "sync", "slow", 9),
]

# Suggestions: (app, label, Chinese phrasings, English phrasings, weight). A suggestion's key is its app alone.
SUGGESTIONS = [
    ("cli_shop", "dark-mode", ["希望增加深色模式", "能不能出个夜间模式", "建议加一个暗黑模式，晚上看太刺眼"],
     ["please add a dark mode", "dark theme would be nice", "need a night mode, too bright at night"], 12),
    ("cli_shop", "price-alert", ["希望可以设置降价提醒", "建议加个降价通知功能"],
     ["add price drop alerts please", "notify me when the price drops"], 6),
    ("cli_chat", "edit-message", ["希望能编辑已发送的消息", "建议支持修改发出去的消息"],
     ["let me edit sent messages", "please allow editing a message after sending"], 9),
    ("cli_chat", "dark-mode", ["求出深色模式", "希望有夜间模式"], ["dark mode please", "please add a dark theme"], 7),
    ("cli_video", "speed", ["希望支持3倍速播放", "建议增加更多倍速选项"],
     ["add 3x playback speed", "more playback speed options please"], 8),
    ("cli_video", "pip", ["希望支持画中画", "建议加小窗播放"], ["picture in picture please", "support pip mode"], 6),
    ("cli_wallet", "export-bill", ["希望账单能导出Excel", "建议支持导出账单明细"],
     ["let me export bills to excel", "please add bill export"], 7),
    ("cli_wallet", "font", ["字体太小了希望能调大", "建议支持大字体，老人看不清"],
     ["font is too small, let me make it bigger", "please add a large font option"], 6),
    ("cli_travel", "english", ["希望增加英文界面", "建议支持英语"], ["please add an english version", "english ui please"], 5),
    ("cli_docs", "offline", ["希望支持离线编辑", "没网的时候也想能编辑文档"],
     ["please support offline editing", "let me edit documents without internet"], 8),
    ("cli_docs", "markdown", ["希望支持Markdown语法", "建议加markdown快捷输入"],
     ["markdown support please", "would love markdown shortcuts"], 5),
]

# One-offs: a subject and an oddity that no other report shares.
ONE_OFF_SUBJECTS_ZH = ["头像", "昵称", "生日", "地址簿", "发票", "积分", "客服聊天", "分享链接", "二维码名片", "收藏夹",
                       "历史记录", "语言设置", "字体", "夜间模式", "退出登录", "消息红点", "评价", "物流信息", "签到",
                       "草稿箱", "小组件", "铃声", "相册权限", "定位", "通讯录"]
ONE_OFF_ODDITIES_ZH = ["显示成了乱码", "变成了别人的", "日期显示成1970年", "保存后又变回原样", "数字多了一个零",
                       "繁体简体混在一起", "被截断只显示一半", "顺序是乱的", "重复出现两次", "点了以后手机发烫",
                       "图标歪了", "时间慢了八个小时", "横屏时挤在一起", "提示我没有权限", "颜色看不清"]
ONE_OFF_SUBJECTS_EN = ["avatar", "nickname", "birthday field", "address book", "invoice", "reward points",
                       "support chat", "share link", "business card QR", "favourites", "history", "language setting",
                       "font size", "night mode", "sign out button", "unread badge", "review form", "tracking info",
                       "daily check-in", "drafts", "home screen widget", "ringtone", "photo permission", "location",
                       "contacts sync"]
ONE_OFF_ODDITIES_EN = ["shows garbled characters", "shows someone else's data", "says the year is 1970",
                       "reverts after saving", "has an extra zero", "mixes traditional and simplified characters",
                       "is cut off halfway", "is in the wrong order", "appears twice", "makes my phone hot",
                       "has a crooked icon", "is eight hours off", "overlaps in landscape", "says I have no permission",
                       "colour is unreadable"]

OPENERS_ZH = ["", "", "", "你好，", "您好，", "客服你好，", "急！", "【bug】", "反馈一下：", "怎么回事，"]
OPENERS_EN = ["", "", "", "hi, ", "Hello team, ", "URGENT: ", "[bug] ", "fyi ", "hey "]
CONTEXT_ZH = ["", "", "", "重装了也没用", "网络是好的", "换了手机也一样", "昨天还好好的", "试了好几次了", "清了缓存还是这样",
              "已经是第三次了", "用的是华为P40", "iPhone 13 上出现的", "wifi和4G都试过"]
CONTEXT_EN = ["", "", "", "reinstalled, no luck", "my wifi is fine", "same on my other phone", "worked yesterday",
              "tried many times", "cleared cache, still happens", "third time this week", "on a Pixel 7",
              "iPhone 13 here", "tried both wifi and 4G"]
CLOSERS_ZH = ["", "", "", "请尽快修复", "麻烦看一下", "谢谢", "太影响使用了", "垃圾软件", "！！！", "😡", "求解决"]
CLOSERS_EN = ["", "", "", "please fix asap", "thanks", "very annoying", "!!!", "😡", "pls help", "fix it"]
VERSION_ZH = ["更新到{v}之后", "升级{v}以后", "{v}版本", "新版{v}"]
VERSION_EN = ["after updating to {v}", "since {v}", "version {v}", "on {v}"]

# Chinese typos of pinyin input (a homophone picked) and a common misspelling.
TYPOS_ZH = {"闪退": "闪腿", "登录": "登陆", "卡顿": "卡吨", "付款": "付宽", "加载": "架载", "白屏": "百屏", "黑屏": "黑平",
            "崩溃": "崩馈", "转账": "转帐", "视频": "视屏"}
# Words a Chinese writer puts in English.
MIXED = {"闪退": "crash", "崩溃": "crash", "卡死": "卡死", "白屏": "白屏", "付款": "pay", "支付页面": "pay页面",
         "视频通话": "video call", "直播间": "live", "弹幕": "danmaku", "加载": "loading", "搜索": "search",
         "购物车": "cart", "扫码": "扫QR码", "转账": "transfer", "全屏": "fullscreen"}


def typo_en(rnd, text):
    words = text.split(" ")
    i = rnd.randrange(len(words))
    w = words[i]
    if len(w) > 3:
        j = rnd.randrange(1, len(w) - 1)
        w = rnd.choice([w[:j] + w[j + 1:], w[:j] + w[j + 1] + w[j] + w[j + 2:], w[:j] + w[j] + w[j:]])
    words[i] = w
    return " ".join(words)


def typo_zh(rnd, text):
    present = [k for k in TYPOS_ZH if k in text]
    return text.replace(rnd.choice(present), TYPOS_ZH[rnd.choice(present)], 1) if present else text


def mix(rnd, text):
    present = [k for k in MIXED if k in text]
    for k in rnd.sample(present, min(len(present), rnd.choice([1, 2]))):
        text = text.replace(k, MIXED[k], 1)
    return text


def dress(rnd, core, lang, versions):
    """A core phrasing as a user writes it: maybe an opener, a version, some context, a closer; short or long."""
    zh = lang != "en"
    parts = [rnd.choice(OPENERS_ZH if zh else OPENERS_EN)]
    if rnd.random() < 0.25:
        parts.append(rnd.choice(VERSION_ZH if zh else VERSION_EN).format(v=rnd.choice(versions)) + ("" if zh else " "))
    parts.append(core)
    sep = "，" if zh else ", "
    if rnd.random() < 0.55:
        context = rnd.choice(CONTEXT_ZH if zh else CONTEXT_EN)
        if context:
            parts.append(sep + context)
    closer = rnd.choice(CLOSERS_ZH if zh else CLOSERS_EN)
    if closer:
        parts.append(("" if closer in ("！！！", "!!!", "😡") else sep) + closer)
    text = "".join(parts)
    if not zh and rnd.random() < 0.4:
        text = text.lower()
    if rnd.random() < 0.2:
        text = typo_zh(rnd, text) if zh else typo_en(rnd, text)
    if lang == "mixed":
        text = mix(rnd, text)
    return text


def language(rnd):
    r = rnd.random()
    return "zh" if r < 0.62 else "en" if r < 0.87 else "mixed"


def fault_report(rnd, app, obj, symptom):
    versions, objects = APPS[app]
    o_zh, a_zh, o_en, a_en, path = objects[obj]
    kinds, zh, en = SYMPTOMS[symptom]
    lang = language(rnd)
    if rnd.random() < 0.04:
        # says no more than the fault kind it was filed with
        core = rnd.choice({"crash": ["闪退", "又闪退了"], "freeze": ["卡死了"], "lag": ["好卡"], "slow": ["太慢了"],
                           "white": ["白屏"], "black": ["黑屏了"], "cannot_open": ["打不开"], "error": ["报错了"],
                           "crash_freeze": ["卡死闪退"]}[symptom]) if lang != "en" else \
            {"crash": "crash", "freeze": "frozen", "lag": "so laggy", "slow": "too slow", "white": "white screen",
             "black": "black screen", "cannot_open": "won't open", "error": "error",
             "crash_freeze": "freeze and crash"}[symptom]
    else:
        core = rnd.choice(en if lang == "en" else zh).format(o=o_en if lang == "en" else o_zh,
                                                                 a=a_en if lang == "en" else a_zh)
    return kinds, path, dress(rnd, core, lang, versions)


def one_off(rnd, used):
    app = rnd.choice(sorted(APPS))
    versions, objects = APPS[app]
    lang = language(rnd)
    while True:
        s, o = rnd.randrange(len(ONE_OFF_SUBJECTS_ZH)), rnd.randrange(len(ONE_OFF_ODDITIES_ZH))
        if (app, s, o) not in used:
            used.add((app, s, o))
            break
    if lang == "en":
        core = "the " + ONE_OFF_SUBJECTS_EN[s] + " " + ONE_OFF_ODDITIES_EN[o]
    else:
        core = ONE_OFF_SUBJECTS_ZH[s] + ONE_OFF_ODDITIES_ZH[o]
    path = rnd.choice(sorted({v[4] for v in objects.values()} | {"pages/settings", "pages/me"}))
    kinds = rnd.choice([(OTHER,), (OTHER,), (OTHER,), (CRASH,), (WHITE,), (LAG,)])
    return app, kinds, path, dress(rnd, core, lang, versions)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=29)
    ap.add_argument("--out", default="corpus.tsv")
    ap.add_argument("--scale", type=int, default=6, help="reports per unit of a fault's weight")
    ap.add_argument("--unseen", action="store_true", help="faults of objects the vocabulary does not know, no suggestions")
    a = ap.parse_args()
    rnd = random.Random(a.seed)
    rows = []
    global APPS
    faults, suggestions = FAULTS, SUGGESTIONS
    if a.unseen:
        APPS, faults, suggestions = UNSEEN_APPS, UNSEEN_FAULTS, []
    for app, obj, symptom, weight in faults:
        label = f"{app}/{obj}-{symptom}"
        for _ in range(weight * a.scale // 2 + rnd.randrange(weight * a.scale // 2 + 1)):
            kinds, path, text = fault_report(rnd, app, obj, symptom)
            rows.append((app, "fault", kinds, path, label, text))
    for app, topic, zh, en, weight in suggestions:
        label = f"{app}/suggest-{topic}"
        for _ in range(weight * a.scale // 2 + rnd.randrange(weight * a.scale // 2 + 1)):
            lang = language(rnd)
            core = rnd.choice(en if lang == "en" else zh)
            rows.append((app, "suggestion", (), "", label, dress(rnd, core, lang, APPS[app][0])))
    used = set()
    for i in range(len(rows) * 15 // 85):
        app, kinds, path, text = one_off(rnd, used)
        rows.append((app, "fault", kinds, path, f"{app}/one-off-{i}", text))
    rnd.shuffle(rows)  # arrival order: the reports of every problem interleaved
    with open(a.out, "w", encoding="utf-8") as out:
        out.write("# app\ttype\tfault kinds\tpath\tlabel\tdescription  (generated by generate.py --seed %d%s; see "
                  "README.md)\n" % (a.seed, " --unseen" if a.unseen else ""))
        for app, kind, kinds, path, label, text in rows:
            assert "\t" not in text and "\n" not in text
            out.write("\t".join([app, kind, ",".join(map(str, kinds)), path, label, text]) + "\n")


if __name__ == "__main__":
    main()
