#!/usr/bin/env python3
"""Reads at scale (issue 29): fills the service with varied feedback through its real webhook, then times every API
call and page. Run by bench/reads.sh, which starts the service; usable against any running service.

  reads.py fill URL N --key K --token T [--processes 4] [--connections 4]
      N varied feedback events, encrypted and signed as Lark sends them (the shared kit's larksim.wire), each sent
      once, with a few versions applied for and approved per app; prints events/s and fails unless every answer
      was 200 stored.
  reads.py measure URL --api-token T [--requests 30] [--out FILE]
      every API call and page, each REQUESTS times after 3 unmeasured, one at a time: p50, p95, max in ms, as a
      markdown table (to FILE too).

The feedback: six apps, twenty features, recurring faults (slow, crash, white screen, freeze, lag) in Chinese and
English paraphrases, a few apps and features far more often than the rest, suggestions (10%) and one-offs (20%), as
adapters-outbound-db's VariedFeedback makes them for the grouping bench.
"""
import argparse, http.client, json, multiprocessing, os, random, re, statistics, sys, threading, time, urllib.parse, uuid

sys.path.insert(0, os.environ.get("KIT_DIR", os.path.join(os.path.dirname(__file__), "..", "..", "shared", "bench")))
import larksim  # noqa: E402  (the shared kit: the wire format Lark uses)

APPS = ["cli_a1b2c3d4e5f6%04d" % i for i in range(1, 7)]
FEATURES = [("购物车", "cart", "pages/cart"), ("支付", "payment", "pages/pay"), ("订单", "orders", "pages/orders"),
            ("首页", "home", "pages/index"), ("搜索", "search", "pages/search"), ("消息", "messages", "pages/inbox"),
            ("个人中心", "profile", "pages/me"), ("商品详情", "product", "pages/item"), ("优惠券", "coupons", "pages/coupon"),
            ("地址", "address", "pages/address"), ("退款", "refund", "pages/refund"), ("评论", "reviews", "pages/review"),
            ("设置", "settings", "pages/settings"), ("登录", "login", "pages/login"), ("直播", "live", "pages/live"),
            ("收藏", "favourites", "pages/fav"), ("会员", "membership", "pages/vip"), ("客服", "support chat", "pages/service"),
            ("分享", "sharing", "pages/share"), ("签到", "check-in", "pages/checkin")]
THEMES = [  # Lark's fault_type codes: 1 crash, 2 lag, 3 white screen, 4 freeze, 5 slow load
    (5, ["{zh}页面加载很慢，要等十几秒", "打开{zh}页面加载很慢", "{zh}页面加载太慢了，一直转圈", "the {en} page loads very slowly",
         "{en} page is so slow to load, spinner for ages"]),
    (1, ["点击{zh}后应用闪退", "一进{zh}就闪退了", "{zh}的时候应用闪退", "the app crashes when I open {en}",
         "app crashed on the {en} screen again"]),
    (3, ["{zh}页面白屏，什么都不显示", "打开{zh}是白屏", "{zh}一直白屏", "{en} shows a blank white screen",
         "white screen on {en}, nothing shows"]),
    (4, ["{zh}页面卡住不动了", "在{zh}卡死，点什么都没反应", "{zh}卡住了", "{en} freezes and nothing responds",
         "the {en} screen froze completely"]),
    (2, ["{zh}滑动很卡", "{zh}列表滑动卡顿严重", "{zh}操作很卡顿", "scrolling in {en} is laggy", "{en} lags badly when scrolling"])]
WISHES = ["希望{zh}可以支持夜间模式", "建议{zh}增加夜间模式", "please add a dark mode to {en}", "would love dark mode in {en}",
          "希望{zh}能导出记录", "建议{zh}支持导出", "please let me export from {en}", "{en} should support exporting"]
WORDS = ["账号", "同步", "图片", "上传", "失败", "声音", "通知", "日历", "提醒", "字体", "颜色", "定位", "相机", "扫码", "二维码",
         "语言", "翻译", "password", "upload", "photo", "sound", "calendar", "reminder", "font", "colour", "location",
         "camera", "scanner", "language", "translation", "keyboard", "battery", "wifi", "bluetooth", "widget"]
COMMON_TEXT = "闪退"          # in about a seventh of the reports
NOTHING_TEXT = "没有这样的反馈zq"  # in none


def skewed(rnd, n):
    """An index, the first ones far more often than the last (as VariedFeedback.skewed)."""
    return min(n - 1, int(n * rnd.random() ** 2.5))


def varied(rnd, n, run):
    app = APPS[skewed(rnd, len(APPS))]
    zh, en, path = FEATURES[skewed(rnd, len(FEATURES))]
    kind = rnd.randrange(10)
    if kind < 7:
        code, phrases = THEMES[rnd.randrange(len(THEMES))]
        text, ftype, faults = rnd.choice(phrases).format(zh=zh, en=en), 1, [code]
    elif kind < 8:
        text, ftype, faults = rnd.choice(WISHES).format(zh=zh, en=en), 2, []
    else:
        text = "".join(rnd.choice(WORDS) + (" " if rnd.random() < 0.5 else "") for _ in range(4)) + " 第%d次" % n
        ftype, faults = 1, [1 + rnd.randrange(5)]
    event = larksim.feedback_event(uuid.uuid4().hex, TOKEN, app_id=app, feedback_id="%s%09d" % (run, n),
                                   feedback_type=ftype, fault_type=faults, description=text,
                                   tenant=rnd.choice(["t_%02d" % i for i in range(40)]))
    event["event"]["feedback_path"] = path
    event["event"]["user_id"] = larksim._uid("user-%d" % rnd.randrange(5000))
    if ftype != 1:
        event["event"].pop("fault_type", None)
    return event


def version_event(kind, app, version_id, version, at_ms):
    """An application for a version or its approval, as the fixtures have them."""
    operator = larksim._uid("op-" + app)
    if kind == "apply":
        body = {"operator_id": operator, "online_version": None,
                "under_audit_version": {"app_id": app, "version": version, "version_id": version_id,
                                        "create_time": str(at_ms // 1000), "publish_time": str(at_ms // 1000)},
                "app_status": 1}
        event_type = "application.application.app_version.publish_apply_v6"
    else:
        body = {"operator_id": operator, "version_id": version_id, "creator_id": operator, "app_id": app,
                "operation": "audited", "remark": "ok", "audit_source": "administrator"}
        event_type = "application.application.app_version.audit_v6"
    return {"schema": "2.0", "header": larksim.header(event_type, uuid.uuid4().hex, TOKEN, create_ms=at_ms),
            "event": body}


TOKEN = ""
KEY = ""


def post(conn, payload):
    body, headers = larksim.wire(payload, KEY)
    conn.request("POST", "/webhook/event", body=body, headers=headers)
    answer = conn.getresponse()
    text = answer.read()
    return answer.status, text


def send_slice(args):
    url, start, count, seed, threads, key, token, run = args
    global KEY, TOKEN
    KEY, TOKEN = key, token
    host = urllib.parse.urlsplit(url)
    failures, lock = [], threading.Lock()
    per = (count + threads - 1) // threads

    def worker(t):
        rnd = random.Random(seed * 1000 + t)
        conn = http.client.HTTPConnection(host.hostname, host.port, timeout=30)
        for n in range(start + t * per, min(start + count, start + (t + 1) * per)):
            for attempt in range(20):
                try:
                    status, text = post(conn, varied(rnd, n, run))
                except (OSError, http.client.HTTPException):
                    conn.close()
                    conn = http.client.HTTPConnection(host.hostname, host.port, timeout=30)
                    status, text = 0, b""
                if status != 503 and status != 0:
                    break
                time.sleep(0.2 * (attempt + 1))  # the service asked to come back, as Lark does
            if status != 200 or b'"stored"' not in text:
                with lock:
                    failures.append("%s %s" % (status, text[:200]))
        conn.close()

    workers = [threading.Thread(target=worker, args=(t,)) for t in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    return failures


def fill(a):
    global KEY, TOKEN
    KEY, TOKEN = a.key, a.token
    run = "9%05d" % random.randrange(100000)
    host = urllib.parse.urlsplit(a.url)
    conn = http.client.HTTPConnection(host.hostname, host.port, timeout=30)
    now_ms = int(time.time() * 1000)
    for i, app in enumerate(APPS):  # two releases per app: one a week ago, one yesterday
        for back, name in ((7, "1.%d.0" % i), (1, "1.%d.1" % i)):
            vid = "oav_%s_%s" % (app[-4:], name.replace(".", "_"))
            for kind, offset in (("apply", 0), ("approve", 3600_000)):
                status, text = post(conn, version_event(kind, app, vid, name, now_ms - back * 86400_000 + offset))
                if status != 200:
                    sys.exit("version event refused: %s %s" % (status, text[:200]))
    conn.close()
    started = time.time()
    slices = [(a.url, p * a.n // a.processes, (p + 1) * a.n // a.processes - p * a.n // a.processes, p + 29,
               a.connections, a.key, a.token, run) for p in range(a.processes)]
    with multiprocessing.Pool(a.processes) as pool:
        failures = [f for fs in pool.map(send_slice, slices) for f in fs]
    took = time.time() - started
    print("FILL events=%d seconds=%.1f events_per_s=%.0f refused=%d" % (a.n, took, a.n / took, len(failures)))
    for f in failures[:5]:
        print("  refused: " + f)
    sys.exit(1 if failures else 0)


class Refused(Exception):
    """A call answered other than 200: the table says so and the run fails at its end."""


class Client:
    def __init__(self, url, api_token):
        self.host = urllib.parse.urlsplit(url)
        self.api = {"Authorization": "Bearer " + api_token}
        self.conn = http.client.HTTPConnection(self.host.hostname, self.host.port, timeout=60)
        body = urllib.parse.urlencode({"token": api_token, "name": "bench"})
        self.conn.request("POST", "/sign-in", body=body,
                          headers={"Content-Type": "application/x-www-form-urlencoded"})
        answer = self.conn.getresponse()
        answer.read()
        cookie = answer.getheader("Set-Cookie")
        if answer.status not in (302, 303) or not cookie:
            sys.exit("sign-in failed: %s" % answer.status)
        self.page = {"Cookie": cookie.split(";")[0]}

    def get(self, path, page=False, extra=None):
        self.conn.request("GET", path, headers=dict(self.page if page else self.api, **(extra or {})))
        answer = self.conn.getresponse()
        body = answer.read()
        if answer.status != 200:
            raise Refused("%s %s" % (answer.status, body[:120].decode(errors="replace")))
        return body

    def json(self, path):
        return json.loads(self.get(path))

    def post_json(self, path, payload):
        """A change that may take minutes (a bulk change goes through the workflow one feedback at a time)."""
        conn = http.client.HTTPConnection(self.host.hostname, self.host.port, timeout=1800)
        conn.request("POST", path, body=json.dumps(payload),
                     headers=dict(self.api, **{"Content-Type": "application/json"}))
        answer = conn.getresponse()
        body = answer.read()
        conn.close()
        if answer.status != 200:
            raise Refused("%s %s" % (answer.status, body[:120].decode(errors="replace")))
        return json.loads(body)


def measure(a):
    c = Client(a.url, a.api_token)
    newest = c.json("/api/feedback?limit=1")["items"][0]
    fid = newest["feedback_id"]
    app = APPS[0]
    problems = c.json("/api/problems?sort=count&limit=1")["items"]
    pid = problems[0]["problem_id"] if problems else None
    versions = c.json("/api/versions?app_id=" + app)["items"]
    q = urllib.parse.quote
    # Someone's work: the token's owner takes one app's crashes (a few thousand feedback, through the workflow as a
    # bulk change does), so that "Assigned to me" and an assignee filter read real rows; done once per database.
    me = c.json("/api/me")
    mine = me.get("open_id") or me.get("openId")
    taken = c.post_json("/api/feedback/bulk?app_id=%s&q=%s" % (APPS[5], q(COMMON_TEXT)),
                        {"all_matching": True, "assignee": mine})
    print("ASSIGNED to the token's owner: changed=%s unchanged=%s" % (taken.get("changed"), taken.get("unchanged")))
    views = re.findall(r'<a href="([^"]*)"[^>]*><span class="view-name"', c.get("/", True).decode())
    views = [v.replace("&amp;", "&") for v in views]
    zh = {"Accept-Language": "zh-CN"}
    next_page = re.search(r'href="(/\?[^"]*cursor=[^"]*)"', c.get("/", True).decode()).group(1).replace("&amp;", "&")
    calls = [
        ("API", "feedback, newest first", "/api/feedback"),
        ("API", "feedback, status=open", "/api/feedback?status=open"),
        ("API", "feedback, sort=priority", "/api/feedback?sort=priority"),
        ("API", "feedback, app_id", "/api/feedback?app_id=" + APPS[5]),
        ("API", "feedback, priority=P1", "/api/feedback?priority=P1"),
        ("API", "feedback, assignee (none has one)", "/api/feedback?assignee=nobody"),
        ("API", "feedback, q common (%s)" % COMMON_TEXT, "/api/feedback?q=" + q(COMMON_TEXT)),
        ("API", "feedback, q matching nothing", "/api/feedback?q=" + q(NOTHING_TEXT)),
        ("API", "feedback, second page", "/api/feedback?cursor=" + q(c.json("/api/feedback")["next_cursor"] or "")),
        ("API", "one feedback", "/api/feedback/" + fid),
        ("API", "its history", "/api/feedback/%s/history" % fid),
        ("API", "its replies", "/api/feedback/%s/replies" % fid),
        ("API", "problems, last seen", "/api/problems"),
        ("API", "problems, sort=count", "/api/problems?sort=count"),
        ("API", "problems, status=open", "/api/problems?status=open"),
        ("API", "revocations", "/api/revocations"),
        ("API", "versions of an app", "/api/versions?app_id=" + app),
        ("page", "inbox", "/"),
        ("page", "inbox, search common", "/?q=" + q(COMMON_TEXT)),
        ("page", "inbox, search matching nothing", "/?q=" + q(NOTHING_TEXT)),
        ("page", "inbox, status=open by priority", "/?status=open&sort=priority"),
        ("page", "a feedback", "/feedback/" + fid),
        ("page", "problems", "/problems"),
        ("page", "revocations", "/revocations"),
        ("page", "dashboard (30 days)", "/dashboard"),
        ("page", "dashboard, 90 days", "/dashboard?days=90"),
        ("page", "dashboard, 7 days, one app", "/dashboard?days=7&app=" + app),
        ("API", "me", "/api/me"),
        ("API", "feedback, assignee (the owner's)", "/api/feedback?assignee=" + q(mine)),
        ("API", "feedback, assignee, sort=priority", "/api/feedback?sort=priority&assignee=" + q(mine)),
        ("API", "feedback, feedback_type=suggestion", "/api/feedback?feedback_type=suggestion"),
        ("API", "export CSV, q matching nothing", "/api/feedback?q=" + q(NOTHING_TEXT), {"Accept": "text/csv"}),
        ("page", "inbox in zh-CN", "/", zh),
        ("page", "inbox, view Assigned to me", views[0] if views else "/"),
        ("page", "inbox, view Unassigned P1/P2", views[1] if len(views) > 1 else "/"),
        ("page", "inbox, assignee (the owner's)", "/?assignee=" + q(mine)),
        ("page", "inbox, assignee by priority", "/?sort=priority&assignee=" + q(mine)),
        ("page", "inbox, status=open", "/?status=open"),
        ("page", "inbox, status=resolved", "/?status=resolved"),
        ("page", "inbox, type=suggestion", "/?type=suggestion"),
        ("page", "inbox, one app", "/?app=" + APPS[5]),
        ("page", "inbox, search common by priority", "/?sort=priority&q=" + q(COMMON_TEXT)),
        ("page", "inbox, search common in zh-CN", "/?q=" + q(COMMON_TEXT), zh),
        ("page", "inbox, second page", next_page),
        ("page", "a feedback's version (live inbox)", "/feedback/%s/version" % fid),
        ("page", "people", "/people"),
        ("page", "my tokens", "/me/tokens"),
        ("page", "my sessions", "/me/sessions"),
        ("page", "preferences", "/preferences"),
        ("page", "problems, most reports first", "/problems?sort=count"),
        ("page", "CSV download, search matching nothing", "/feedback.csv?q=" + q(NOTHING_TEXT)),
    ]
    if pid:
        calls[15:15] = [("API", "one problem", "/api/problems/" + pid),
                        ("API", "its feedback", "/api/problems/%s/feedback" % pid)]
        calls += [("page", "a problem", "/problems/" + pid)]
    if versions:
        calls += [("page", "a release", "/releases/%s/%s" % (app, versions[0]["version_id"]))]
    rows, refused = [], []
    for kind, name, path, *extra in calls:
        page = kind == "page"
        headers = extra[0] if extra else None
        times = []
        try:
            for _ in range(3):
                c.get(path, page, headers)
            for _ in range(a.requests):
                t = time.perf_counter()
                c.get(path, page, headers)
                times.append((time.perf_counter() - t) * 1000)
        except Refused as e:
            refused.append("%s (%s): %s" % (name, path, e))
            c = Client(a.url, a.api_token)
            continue
        times.sort()
        p95 = times[min(len(times) - 1, int(round(0.95 * len(times))) - 1)]
        rows.append((kind, name, path, statistics.median(times), p95, times[-1]))
    lines = ["| kind | what | path | p50 ms | p95 ms | max ms |", "|---|---|---|---|---|---|"]
    lines += ["| %s | %s | `%s` | %.1f | %.1f | %.1f |" % (k, n, re.sub(r"cursor=[^&]+", "cursor=…", p), p50, p95, mx)
              for k, n, p, p50, p95, mx in rows]
    worst = max(rows, key=lambda r: r[4])
    lines.append("")
    lines.append("READS calls=%d requests_each=%d worst_p95_ms=%.1f (%s) over_100ms=%d" % (
        len(rows), a.requests, worst[4], worst[1], sum(1 for r in rows if r[4] > 100)))
    lines += ["REFUSED " + r for r in refused]
    text = "\n".join(lines)
    print(text)
    if a.out:
        with open(a.out, "w") as f:
            f.write(text + "\n")
    sys.exit(1 if refused else 0)


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    f = sub.add_parser("fill")
    f.add_argument("url")
    f.add_argument("n", type=int)
    f.add_argument("--key", required=True)
    f.add_argument("--token", required=True)
    f.add_argument("--processes", type=int, default=4)
    f.add_argument("--connections", type=int, default=4, help="per process")
    m = sub.add_parser("measure")
    m.add_argument("url")
    m.add_argument("--api-token", required=True)
    m.add_argument("--requests", type=int, default=30)
    m.add_argument("--out")
    a = ap.parse_args()
    fill(a) if a.cmd == "fill" else measure(a)


if __name__ == "__main__":
    main()
