#!/usr/bin/env python3
"""Edit-to-reload latency of `congkhai serve`: the time from writing a record file to having
fetched its page with the new text, through the server-sent reload event, as a browser does.

Usage: serve_latency.py --bin PATH --root SITE [--edits N] [--poll MS]
Prints one line per edit and the median; exits non-zero if a reload never comes.
"""
import argparse
import http.client
import json
import os
import re
import statistics
import subprocess
import threading
import time
import queue


def sse_reader(host, port, events):
    conn = http.client.HTTPConnection(host, port, timeout=600)
    conn.request("GET", "/__congkhai/events", headers={"Accept": "text/event-stream"})
    response = conn.getresponse()
    event, data = None, []
    while True:
        line = response.fp.readline()
        if not line:
            return
        line = line.decode("utf-8").rstrip("\r\n")
        if line == "":
            if event:
                events.put((time.perf_counter(), event, "".join(data)))
            event, data = None, []
        elif line.startswith("event:"):
            event = line[6:].strip()
        elif line.startswith("data:"):
            data.append(line[5:].lstrip())


def fetch(host, port, path):
    conn = http.client.HTTPConnection(host, port, timeout=600)
    conn.request("GET", path)
    response = conn.getresponse()
    body = response.read().decode("utf-8", "replace")
    conn.close()
    return response.status, body


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", required=True)
    parser.add_argument("--root", required=True)
    parser.add_argument("--edits", type=int, default=20)
    parser.add_argument("--poll", type=int)
    parser.add_argument("--settle", type=float, default=0.3,
                        help="seconds between edits (the search index is rebuilt in between)")
    args = parser.parse_args()

    command = [args.bin, "serve", "--port", "0", "--root", args.root, "--lang", "en"]
    if args.poll:
        command += ["--poll", str(args.poll)]
    started = time.perf_counter()
    server = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        first = server.stdout.readline().strip()
        match = re.match(r"serving at http://([^:/]+):(\d+)/", first)
        if not match:
            raise SystemExit(f"unexpected output: {first!r}")
        host, port = match.group(1), int(match.group(2))
        while True:
            try:
                status, _ = fetch(host, port, "/")
                if status == 200:
                    break
            except OSError:
                pass
            time.sleep(0.05)
        print(f"first build served after {time.perf_counter() - started:.1f} s")
        events = queue.Queue()
        threading.Thread(target=sse_reader, args=(host, port, events), daemon=True).start()
        kind = events.get(timeout=60)[1]
        assert kind == "hello", kind

        records = sorted(
            os.path.join(d, f)
            for d, _, fs in os.walk(os.path.join(args.root, "content", "procedures"))
            for f in fs
            if f.endswith(".yaml")
        )
        record = records[len(records) // 2]
        original = open(record, encoding="utf-8").read()
        page_path = None
        to_event, to_page = [], []
        try:
            for i in range(args.edits):
                marker = f"Bước đã sửa lần {i} {time.time_ns()}"
                text = re.sub(r'^(  - title: ")[^"]*(")', lambda m: m.group(1) + marker + m.group(2),
                              original, count=1, flags=re.M)
                assert text != original
                time.sleep(args.settle)  # an editor types between saves; the index catches up
                while not events.empty():
                    events.get_nowait()
                t0 = time.perf_counter()
                with open(record, "w", encoding="utf-8") as f:
                    f.write(text)
                while True:
                    at, kind, data = events.get(timeout=120)
                    if kind != "reload":
                        continue
                    payload = json.loads(data)
                    pages = [p for p in payload["paths"] if p.startswith("thu-tuc/")]
                    if page_path is None and pages:
                        page_path = "/" + pages[0][: -len("index.html")]
                    if payload["all"] or any("/" + p[: -len("index.html")] == page_path for p in pages):
                        break
                t_event = at - t0
                status, body = fetch(host, port, page_path)
                t_page = time.perf_counter() - t0
                if marker not in body:
                    raise SystemExit(f"edit {i}: {page_path} does not show the edit (status {status})")
                to_event.append(t_event * 1000)
                to_page.append(t_page * 1000)
                print(f"edit {i:2}: event {t_event * 1000:7.1f} ms, page fetched {t_page * 1000:7.1f} ms")
        finally:
            with open(record, "w", encoding="utf-8") as f:
                f.write(original)
        print(
            f"median: event {statistics.median(to_event):.1f} ms, "
            f"page {statistics.median(to_page):.1f} ms "
            f"(p90 page {sorted(to_page)[int(len(to_page) * 0.9) - 1]:.1f} ms, {len(to_page)} edits, page {page_path})"
        )
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
