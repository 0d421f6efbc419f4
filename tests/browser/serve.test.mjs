// alongside serve as an editor meets it: a saved change reloads the open
// page, a mistake shows every problem over the page, and fixing it takes
// them away. The server is the real command, on 127.0.0.1 at a free
// port, stopped by its process id.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { cp, mkdtemp, readFile, writeFile, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { launch, AXE_PATH, AXE_TAGS, AXE_EXTRA_RULES } from "./lib.mjs";

const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; base-uri 'none'";
const repo = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const binary = process.env.ALONGSIDE;

function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once("error", fail);
    s.listen(0, "127.0.0.1", () => { const { port } = s.address(); s.close(() => ok(port)); });
  });
}

// startServe copies the project into a temporary folder and serves it.
// before, if given, may change the copy before serve starts.
async function startServe(before) {
  assert.ok(binary, "ALONGSIDE is not set: run this through make test, which builds the command first");
  const root = await mkdtemp(join(tmpdir(), "alongside-serve-"));
  for (const part of ["site.yaml", "content", "layouts"]) await cp(join(repo, part), join(root, part), { recursive: true });
  // Pages allow only the site's own scripts, styles and connections, as
  // the published site does; add the policy to the copy if the layouts
  // do not have it yet, so that the reload script is held to it.
  const base = join(root, "layouts", "base.html");
  const layout = await readFile(base, "utf8");
  if (!layout.includes("Content-Security-Policy")) {
    await writeFile(base, layout.replace('<meta charset="utf-8">', `<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="${CSP}">`));
  }
  if (before) await before(root);
  const port = await freePort();
  const child = spawn(binary, ["serve", "-root", root, "-addr", `127.0.0.1:${port}`], { stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (d) => { stderr += d; });
  const origin = await new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`serve did not start in 60s\n${stderr}`)), 60000);
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
      const m = out.match(/^preview at (http:\/\/127\.0\.0\.1:\d+)\/ /m);
      if (m) { clearTimeout(timer); ok(m[1]); }
    });
    child.once("exit", (code) => { clearTimeout(timer); fail(new Error(`serve stopped (${code})\n${stderr}`)); });
  });
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((ok) => child.once("exit", ok));
      process.kill(child.pid, "SIGINT");
      const timer = setTimeout(() => { if (child.exitCode === null) process.kill(child.pid, "SIGKILL"); }, 10000);
      await exited;
      clearTimeout(timer);
    }
    await rm(root, { recursive: true, force: true });
  };
  return { root, origin, stop, child };
}

// axe runs through the browser's debugging protocol, which a page's
// Content-Security-Policy does not apply to, so the policy stays on.
async function axe(tab) {
  await tab.evaluate(await readFile(AXE_PATH, "utf8"));
  const out = [];
  for (const scheme of ["light", "dark"]) {
    await tab.emulateMedia({ colorScheme: scheme, reducedMotion: "reduce" });
    const v = await tab.evaluate(async ([tags, extra]) => {
      const rules = Object.fromEntries(extra.map((id) => [id, { enabled: true }]));
      const r = await window.axe.run(document, { runOnly: { type: "tag", values: tags }, rules, resultTypes: ["violations"] });
      return r.violations.map((x) => `${x.id}: ${x.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    }, [AXE_TAGS, AXE_EXTRA_RULES]);
    out.push(...v.map((x) => `${x} (${scheme})`));
  }
  return out;
}

test("serve: a saved change reloads the page; a mistake shows the problems over it; the fix takes them away", async () => {
  const s = await startServe();
  const browser = await launch();
  try {
    const tab = await browser.context.newPage();
    tab.on("request", (r) => assert.equal(new URL(r.url()).hostname, "127.0.0.1", `request to ${r.url()}`));
    const blocked = [];
    tab.on("console", (m) => { if (/Content Security Policy/i.test(m.text())) blocked.push(m.text()); });
    const file = join(s.root, "content", "briefs", "advocacy.md");
    const good = await readFile(file, "utf8");
    await tab.setViewportSize({ width: 1280, height: 700 });
    await tab.goto(s.origin + "/briefs/advocacy/");
    const title = await tab.locator("h1").textContent();
    assert.ok(title.length > 0);
    await tab.evaluate(() => window.scrollTo(0, 400));
    await tab.waitForFunction(() => window.scrollY === 400);

    // 1. An edit: the page reloads by itself with the new text, where it was.
    // A line added at the end, so that the test does not depend on the
    // brief's wording.
    const marker = "A sentence added while previewing.";
    await writeFile(file, good + "\n\n" + marker + "\n");
    await tab.waitForFunction((m) => document.body.textContent.includes(m), marker, { timeout: 15000 });
    await tab.waitForFunction(() => window.scrollY === 400, null, { timeout: 5000 });

    // 2. Broken front matter: the overlay lists the problem as check does,
    // takes focus, reads at 320 px and passes axe in both schemes.
    await writeFile(file, (good + "\n\n" + marker + "\n").replace("title:", "title: \"unclosed"));
    const overlay = tab.locator("#alongside_problems");
    await overlay.waitFor({ state: "visible", timeout: 15000 });
    assert.equal(await overlay.getAttribute("role"), "alert");
    const text = await overlay.textContent();
    assert.match(text, /content\/briefs\/advocacy\.md:\d+:\d+: error: the title has text after its closing quotation mark/);
    assert.match(text, /hint: /);
    assert.equal(await tab.evaluate(() => document.activeElement && document.activeElement.id), "alongside_problems");
    assert.ok(await tab.evaluate((m) => document.querySelector("main").textContent.includes(m), marker), "the last good page stays behind the overlay");
    assert.deepEqual(await axe(tab), []);
    await tab.setViewportSize({ width: 320, height: 640 });
    assert.equal(await tab.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 0, "the page scrolls sideways at 320px");
    const box = await overlay.boundingBox();
    assert.ok(box.width <= 320, `the overlay is ${box.width}px wide at 320px`);
    await tab.setViewportSize({ width: 1280, height: 700 });
    await tab.keyboard.press("Escape");
    await overlay.waitFor({ state: "hidden" });
    assert.equal(await tab.evaluate(() => document.activeElement && document.activeElement.id), "main_content");

    // 3. The fix: the page reloads and the overlay is gone.
    await writeFile(file, good);
    await tab.waitForFunction((m) => !document.getElementById("alongside_problems") && !document.body.textContent.includes(m), marker, { timeout: 15000 });
    assert.ok(await tab.locator("h1").isVisible());
    assert.deepEqual(await axe(tab), []);
    assert.deepEqual(blocked, [], "the page's Content-Security-Policy blocked something serve added");
  } finally {
    await browser.close();
    await s.stop();
  }
});

test("serve: a first build with errors shows only the problems, and they pass axe", async () => {
  let file, good;
  const s = await startServe(async (root) => {
    file = join(root, "content", "glossary", "amhp.md");
    good = await readFile(file, "utf8");
    await writeFile(file, "---\ntitle: AMHP\n");
  });
  const browser = await launch();
  try {
    const tab = await browser.context.newPage();
    await tab.goto(s.origin + "/briefs/advocacy/");
    assert.equal(await tab.locator("h1").textContent(), "Problems to fix before the site can be built");
    const overlay = tab.locator("#alongside_problems");
    await overlay.waitFor({ state: "visible", timeout: 15000 });
    assert.match(await overlay.textContent(), /content\/glossary\/amhp\.md:1:1: error: the front matter is not closed/);
    assert.deepEqual(await axe(tab), []);
    await writeFile(file, good);
    await tab.waitForFunction(() => !document.getElementById("alongside_problems"), null, { timeout: 15000 });
    assert.notEqual(await tab.locator("h1").textContent(), "Problems to fix before the site can be built");
  } finally {
    await browser.close();
    await s.stop();
  }
});
