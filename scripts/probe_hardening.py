#!/usr/bin/env python3
"""Probes of issue 9 against a running server: hostile uploads and reads during a large
import. Prints, per probe, the answer, its time, the server's peak resident memory during
the probe, and the slowest answer of /healthz meanwhile; then the member reads that
failed while a 100,000-member import ran.

Usage: python3 scripts/probe_hardening.py [path/to/release/dangvu]
Needs only the Python standard library; writes its files in a temporary folder.
"""

import io
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
import zipfile

BINARY = sys.argv[1] if len(sys.argv) > 1 else "target/release/dangvu"
PORT = 18089
BASE = f"http://127.0.0.1:{PORT}"
MIB = 1024 * 1024


def run(db, *args, stdin=None):
    out = subprocess.run([BINARY, "--db", db, *args], input=stdin, capture_output=True,
                         text=True, check=True)
    return out.stdout.strip()


def request(method, path, token, body=None, content_type=None, timeout=600):
    req = urllib.request.Request(BASE + path, data=body, method=method)
    req.add_header("Authorization", f"Bearer {token}")
    if content_type:
        req.add_header("Content-Type", content_type)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            return resp.status, resp.read()
    except urllib.error.HTTPError as err:
        return err.code, err.read()


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


class Watch:
    """Samples the server's memory and the latency of /healthz while a probe runs."""

    def __init__(self, pid):
        self.pid, self.peak, self.slowest, self.done = pid, 0, 0.0, False
        self.threads = [threading.Thread(target=self.memory), threading.Thread(target=self.health)]

    def memory(self):
        while not self.done:
            self.peak = max(self.peak, rss_kib(self.pid))
            time.sleep(0.02)

    def health(self):
        while not self.done:
            start = time.time()
            try:
                urllib.request.urlopen(BASE + "/healthz", timeout=60).read()
            except OSError:
                pass
            self.slowest = max(self.slowest, time.time() - start)
            time.sleep(0.1)

    def __enter__(self):
        for t in self.threads:
            t.start()
        return self

    def __exit__(self, *exc):
        self.done = True
        for t in self.threads:
            t.join()


def zipped(name, chunks, level=6):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as archive:
        with archive.open(name, "w", force_zip64=True) as entry:
            for chunk in chunks:
                entry.write(chunk)
    return buffer.getvalue()


MEMBER_HEADER = (b"ma,ho_ten,gioi_tinh,ngay_sinh,dan_toc,ton_giao,so_cccd,que_quan,"
                 b"ngay_vao_dang,ngay_chinh_thuc,ma_to_chuc,trang_thai,ngay_trang_thai\n")


def bad_rows(n):
    yield MEMBER_HEADER
    for start in range(0, n, 10_000):
        yield b"".join(b"X%d,,?,31/02/2020,,,12,,,,,?,\n" % i
                       for i in range(start, min(n, start + 10_000)))


def huge_shared_string(size):
    yield b"<sst><si><t>"
    block = b"a" * (16 * MIB)
    for _ in range(size // len(block)):
        yield block
    yield b"</t></si></sst>"


def zeros(size):
    block = bytes(64 * MIB)
    for _ in range(size // len(block)):
        yield block


def big_import(members):
    orgs = ["ma,ten,loai,ma_cap_tren", "PX,Đảng bộ thử tải,HUYEN,"]
    cells = members // 1000
    orgs += [f"PX.{c:03d},Chi bộ thử {c},CHI_BO_CO_SO,PX" for c in range(cells)]
    rows = [MEMBER_HEADER.decode()]
    for i in range(members):
        rows.append(f"PX-{i:06d},Nguyễn Văn Thử {i},NAM,1980-01-01,Kinh,,,,2010-05-01,"
                    f"2011-05-01,PX.{i // 1000:03d},,\n")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("to_chuc.csv", "\n".join(orgs) + "\n")
        archive.writestr("dang_vien.csv", "".join(rows))
    return buffer.getvalue()


def probe(server, token, label, body, content_type):
    with Watch(server.pid) as watch:
        start = time.time()
        status, answer = request("POST", "/api/v1/import?dry_run=true", token, body, content_type)
        elapsed = time.time() - start
    problems = ""
    try:
        problems = f" problems={len(json.loads(answer).get('problems', []))}"
    except ValueError:
        pass
    print(f"{label}: upload {len(body) / MIB:.1f} MiB -> {status} in {elapsed:.1f} s, "
          f"answer {len(answer) / 1024:.0f} KiB{problems}, server peak RSS "
          f"{watch.peak / 1024:.0f} MiB, slowest /healthz meanwhile {watch.slowest * 1000:.0f} ms")


def reads_during_import(server, token, codes):
    statuses, done = {}, threading.Event()

    def reader(offset):
        i = offset
        while not done.is_set():
            status, _ = request("GET", f"/api/v1/members/{codes[i % len(codes)]}", token)
            statuses[status] = statuses.get(status, 0) + 1
            i += 7

    body = big_import(100_000)
    readers = [threading.Thread(target=reader, args=(k,)) for k in range(4)]
    for t in readers:
        t.start()
    with Watch(server.pid) as watch:
        start = time.time()
        status, answer = request("POST", "/api/v1/import", token, body, "application/zip",
                                 timeout=3600)
        elapsed = time.time() - start
    done.set()
    for t in readers:
        t.join()
    print(f"100,000-member import: {status} in {elapsed:.1f} s "
          f"({answer[:120]!r}), server peak RSS {watch.peak / 1024:.0f} MiB")
    print(f"member reads meanwhile (4 clients): {statuses}")


def main():
    work = tempfile.mkdtemp(prefix="dangvu-probe-")
    db = os.path.join(work, "probe.db")
    run(db, "demo")
    run(db, "user", "add", "--username", "thudo", "--role", "quan_tri", "--password-stdin",
        stdin="mot cau mat khau that dai\n")
    token = run(db, "token", "create", "--username", "thudo")
    server = subprocess.Popen([BINARY, "--db", db, "serve", "--listen", f"127.0.0.1:{PORT}",
                               "--upload-dir", os.path.join(work, "uploads")],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(BASE + "/healthz", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        print(f"server idle RSS {rss_kib(server.pid) / 1024:.0f} MiB")
        probe(server, token, "200,000 bad rows (zip)", zipped("dang_vien.csv", bad_rows(200_000)),
              "application/zip")
        probe(server, token, "2,000,000 bad rows (zip)",
              zipped("dang_vien.csv", bad_rows(2_000_000), 9), "application/zip")
        probe(server, token, "xlsx, one 1 GiB shared string",
              zipped("xl/sharedStrings.xml", huge_shared_string(1024 * MIB), 9),
              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        probe(server, token, "zip bomb, 10 GiB of zeros",
              zipped("dang_vien.csv", zeros(10 * 1024 * MIB), 9), "application/zip")
        status, body = request("GET", "/api/v1/members?org=VX.01&as_of=2020-07-31&limit=500", token)
        codes = [m["code"] for m in json.loads(body)["members"]]
        reads_during_import(server, token, codes)
    finally:
        server.terminate()
        server.wait()
    leftovers = os.listdir(os.path.join(work, "uploads"))
    print(f"upload folders left after the stop: {len(leftovers)}")


if __name__ == "__main__":
    main()
