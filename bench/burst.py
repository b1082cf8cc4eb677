#!/usr/bin/env python3
"""Requests for a burst (issue 29): N varied feedback events, encrypted and signed as Lark sends them, one request a
line (headers as JSON, a tab, the body), for bench/wrk-once.lua. Run by bench/burst.sh.

  burst.py OUT N --key K --token T [--processes 2]

The feedback is reads.py's: six apps, twenty features, recurring faults in Chinese and English paraphrases,
suggestions and one-offs, so that grouping works for real.
"""
import argparse, json, multiprocessing, os, random, sys, uuid

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import reads  # noqa: E402  (its varied feedback, and through it the kit's wire format)


def lines(args):
    out, start, count, key, token, run = args
    reads.TOKEN = token
    rnd = random.Random(start + 29)
    with open(out, "w") as f:
        for n in range(start, start + count):
            body, headers = reads.larksim.wire(reads.varied(rnd, n, run), key)
            f.write(json.dumps(headers) + "\t" + body.decode() + "\n")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("n", type=int)
    ap.add_argument("--key", required=True)
    ap.add_argument("--token", required=True)
    ap.add_argument("--processes", type=int, default=2)
    a = ap.parse_args()
    run = "8%05d" % random.randrange(100000)
    parts = [(a.out + ".%d" % p, p * a.n // a.processes, (p + 1) * a.n // a.processes - p * a.n // a.processes,
              a.key, a.token, run) for p in range(a.processes)]
    with multiprocessing.Pool(a.processes) as pool:
        pool.map(lines, parts)
    with open(a.out, "w") as f:
        for part in parts:
            with open(part[0]) as p:
                f.write(p.read())
            os.remove(part[0])
    print(a.n, "requests in", a.out)


if __name__ == "__main__":
    main()
