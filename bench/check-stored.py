#!/usr/bin/env python3
"""Checks through the service's read API that the benchmark's events are all stored, once.

  check-stored.py BASE_URL API_TOKEN EVENTS
  check-stored.py BASE_URL API_TOKEN --count

The gateway's main publishes events bench-1 .. bench-EVENTS: even numbers are feedback, odd ones revocations
(after its warm-up events warmup-1 .., if any, which are left out here).
Pages through GET /api/feedback and GET /api/revocations (limit 200) and compares the event ids. Prints one line;
exits 1 when an event is missing, stored twice, or unexpected. With --count (events whose ids the script does
not know, as the webhook kit makes them) it prints `rows=N distinct=M` over both listings.
"""
import json
import sys
import urllib.parse
import urllib.request


def event_ids(base, token, path):
    ids, cursor = [], None
    while True:
        query = {"limit": "200"}
        if cursor:
            query["cursor"] = cursor
        req = urllib.request.Request(f"{base}{path}?{urllib.parse.urlencode(query)}",
                                     headers={"Authorization": f"Bearer {token}"})
        with urllib.request.urlopen(req, timeout=30) as resp:
            page = json.load(resp)
        ids += [item["event_id"] for item in page["items"]]
        cursor = page.get("next_cursor")
        if not cursor:
            return ids


def main():
    base, token = sys.argv[1].rstrip("/"), sys.argv[2]
    if sys.argv[3] == "--count":
        ids = event_ids(base, token, "/api/feedback") + event_ids(base, token, "/api/revocations")
        print(f"rows={len(ids)} distinct={len(set(ids))}")
        return
    events = int(sys.argv[3])
    ok = True
    parts = []
    for path, parity in (("/api/feedback", 0), ("/api/revocations", 1)):
        ids = [i for i in event_ids(base, token, path) if not i.startswith("warmup-")]
        expected = {f"bench-{i}" for i in range(1, events + 1) if i % 2 == parity}
        got = set(ids)
        dup, missing, unexpected = len(ids) - len(got), len(expected - got), len(got - expected)
        ok &= dup == 0 and missing == 0 and unexpected == 0
        parts.append(f"{path.rsplit('/', 1)[1]}={len(got & expected)}/{len(expected)}"
                     + (f" (duplicates {dup}, missing {missing}, unexpected {unexpected})"
                        if dup or missing or unexpected else ""))
    print("stored " + " ".join(parts) + ("" if ok else " MISMATCH"))
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
