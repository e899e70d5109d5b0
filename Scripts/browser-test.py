#!/usr/bin/env python3
"""Browser test of `druglabel serve`: index the corpus, start the server, open the search page in
headless Chromium, search 托珠单抗 in 注意事项 through the form, open the label from the first hit,
check that table 1 is an HTML table with the hand-read values, and save screenshots.

Chromium is driven over its DevTools protocol on a pipe (--remote-debugging-pipe), so nothing
beyond Python's standard library and Debian's chromium is needed. The page itself needs no
JavaScript; the test uses it only to type into the form and read the page.

usage: browser-test.py BINARY OUTPUT_DIR
"""
import base64, json, os, re, shutil, subprocess, sys, tempfile, time

binary, out = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)
work = tempfile.mkdtemp(prefix="druglabel-browser-")
db = os.path.join(work, "index.sqlite")
subprocess.run([binary, "index", "Corpus", "--db", db], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
server = subprocess.Popen([binary, "serve", "--db", db, "--port", "0"], stderr=subprocess.PIPE, text=True)
line = server.stderr.readline()
match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
if not match:
    sys.exit(f"server did not start: {line}")
base = f"http://127.0.0.1:{match.group(1)}"

chrome_in, to_chrome = os.pipe()      # Chromium reads commands on its fd 3
from_chrome, chrome_out = os.pipe()   # and writes answers on its fd 4
def wire_pipe():
    # In the child, before the fds not kept are closed: the pipe ends become fds 3 and 4 (by way
    # of high numbers, in case either end already is 3 or 4).
    os.dup2(chrome_in, 100); os.dup2(chrome_out, 101)
    os.dup2(100, 3); os.dup2(101, 4)

chrome = subprocess.Popen(
    ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--remote-debugging-pipe",
     "--window-size=1280,1000", f"--user-data-dir={work}/profile", "about:blank"],
    pass_fds=(3, 4), preexec_fn=wire_pipe,
    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
os.close(chrome_in); os.close(chrome_out)
reader = os.fdopen(from_chrome, "rb")
pending, next_id, session = b"", 0, None
failures = []

def send(method, params=None, wait=True):
    global next_id
    next_id += 1
    message = {"id": next_id, "method": method, "params": params or {}}
    if session and not method.startswith("Target."):
        message["sessionId"] = session
    os.write(to_chrome, json.dumps(message).encode() + b"\0")
    return receive(lambda m: m.get("id") == next_id) if wait else None

def receive(wanted, timeout=30):
    global pending
    deadline = time.time() + timeout
    while time.time() < deadline:
        while b"\0" in pending:
            raw, pending = pending.split(b"\0", 1)
            message = json.loads(raw)
            if wanted(message):
                if "error" in message:
                    raise RuntimeError(message["error"])
                return message.get("result", message.get("params", {}))
        chunk = os.read(from_chrome, 1 << 20)
        if not chunk:
            raise RuntimeError("chromium closed the pipe")
        pending += chunk
    raise TimeoutError("no answer from chromium")

def evaluate(expression):
    result = send("Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": True})
    return result.get("result", {}).get("value")

def load(action):
    action()
    receive(lambda m: m.get("method") == "Page.loadEventFired")

def screenshot(name):
    data = send("Page.captureScreenshot", {"format": "png"})["data"]
    path = os.path.join(out, name)
    with open(path, "wb") as f:
        f.write(base64.b64decode(data))
    print(f"screenshot: {path}")

def check(what, ok):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        failures.append(what)

try:
    target = send("Target.createTarget", {"url": "about:blank"})["targetId"]
    session = send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
    send("Page.enable")
    send("Runtime.enable")
    load(lambda: send("Page.navigate", {"url": base + "/"}))
    check("the search page lists the corpus", evaluate("document.querySelectorAll('ul.labels li').length") == 5)
    screenshot("1-search-page.png")

    # Type the query, choose the section, submit the form as a person would.
    load(lambda: evaluate("""(() => {
        document.querySelector('input[name=q]').value = '托珠单抗';
        document.querySelector('select[name=section]').value = 'warnings_and_cautions';
        document.querySelector('form').submit(); })()"""))
    hits = evaluate("[...document.querySelectorAll('.hits li')].map(li => li.textContent.replace(/\\s+/g, ' ').trim())")
    marks = evaluate("[...document.querySelectorAll('.hits mark')].map(m => m.textContent)")
    link = evaluate("document.querySelector('.hits a')?.getAttribute('href')") or ""
    print(f"     hit: {hits[0] if hits else None}; link: {link}")
    check("one hit for 托珠单抗 in 注意事项, in the label, linking to its paragraph at line 1075",
          len(hits or []) == 1 and "阿基仑赛注射液" in hits[0] and "【注意事项】" in hits[0] and link.endswith("#L1075"))
    check("the match is marked", marks == ["托珠单抗"])
    screenshot("2-search-results.png")

    load(lambda: evaluate("document.querySelector('.hits a').click()"))
    check("the hit opens the label page", evaluate("location.pathname") == "/label/axicabtagene-ciloleucel-label-2024")
    check("at the hit's paragraph, the match marked there",
          evaluate("location.hash") == "#L1075"
          and "托珠单抗" in (evaluate("[...document.querySelectorAll('#L1075 mark')].map(m => m.textContent).join()") or ""))
    check("the boxed warning is set apart", "细胞因子释放综合征" in (evaluate("document.querySelector('aside.boxed-warning h2').textContent") or ""))
    check("the outline lists 25 sections", evaluate("document.querySelectorAll('nav.outline a[href^=\"#s-\"]').length") == 25)
    screenshot("3-label-page.png")

    row = evaluate("""(() => {
        const table = document.querySelector('#t-1 table');
        if (!table) return null;
        table.closest('figure').scrollIntoView();
        const tr = [...table.querySelectorAll('tbody tr')].find(r => r.querySelector('th')?.textContent === '发热');
        return { rows: table.querySelectorAll('tbody tr:not(.group)').length,
                 arms: [...table.querySelectorAll('thead tr:first-child th[colspan="2"]')].map(th => th.textContent),
                 fever: tr ? [...tr.querySelectorAll('td')].map(td => td.textContent) : null };
    })()""")
    check("table 1 is an HTML table of 67 rows under two arms",
          row is not None and row["rows"] == 67 and row["arms"] == ["中国临床研究（N=24）", "ZUMA-1（N=108）"])
    check("table 1's 发热 row reads 100 46 86 16", row is not None and row["fever"] == ["100", "46", "86", "16"])
    time.sleep(0.2)
    screenshot("4-table-1.png")

    # Tables of prose cells whose columns are a guess say so, on the table and on its rows.
    uncertain = evaluate("""(() => [...document.querySelectorAll('figure.table.uncertain')].map(f => ({
        id: f.id, note: !!f.querySelector('.uncertain-note'), rows: f.querySelectorAll('tr.uncertain').length })))()""")
    print(f"     uncertain tables: {uncertain}")
    check("tables 3 and 4 are marked uncertain, with a note and their doubtful rows",
          uncertain is not None and {u["id"] for u in uncertain} >= {"t-3", "t-4"} and all(u["note"] for u in uncertain))
    evaluate("document.querySelector('#t-3')?.scrollIntoView()")
    time.sleep(0.2)
    screenshot("5-uncertain-table.png")
finally:
    chrome.kill()
    server.terminate()
    server.wait(timeout=10)
    shutil.rmtree(work, ignore_errors=True)

check("the server stopped cleanly on SIGTERM", server.returncode == 0)
if failures:
    sys.exit(f"{len(failures)} browser check(s) failed")
print("browser test passed")
