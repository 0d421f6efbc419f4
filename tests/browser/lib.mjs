// The accessibility checks, shared by the test of the real site and the
// test that proves each check can fail. Everything runs on this machine:
// a static server on 127.0.0.1, Debian's Chromium driven by
// playwright-core, axe-core injected into each page, and the W3C Nu HTML
// Checker (vnu-jar) run with the machine's Java.
import { createServer } from "node:http";
import { readFile, readdir, mkdtemp, rm, stat } from "node:fs/promises";
import { execFile } from "node:child_process";
import { tmpdir } from "node:os";
import { join, extname, relative, dirname } from "node:path";
import { gzipSync } from "node:zlib";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
export const AXE_PATH = require.resolve("axe-core/axe.min.js");
export const VNU_JAR = require.resolve("vnu-jar/build/dist/vnu.jar");
export const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];
// One rule beyond those tags: the hub's own design rule (site.css) is 7:1
// contrast for all text, in both schemes, which is axe's AAA contrast rule.
export const AXE_EXTRA_RULES = ["color-contrast-enhanced"];
export const BUDGET = 14 * 1024; // bytes of HTML + CSS, gzipped
// The sub-path the site is served under; it must match the path of the
// -base-url the site was built with (the 404 page uses it).
export const PREFIX = process.env.BASE_PATH || "/hub/";
// The widths at which the help link must be in the same place everywhere.
export const HELP_WIDTHS = [1280, 320];

const TYPES = {
  ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript",
  ".xml": "application/xml", ".txt": "text/plain", ".png": "image/png", ".svg": "image/svg+xml",
};

// serve answers GET /hub/... from dir, as GitHub Pages would serve a
// project site, with 404.html for anything missing. It binds 127.0.0.1.
export async function serve(dir) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    let file = null;
    if (path.startsWith(PREFIX) && !path.includes("..")) {
      file = join(dir, path.slice(PREFIX.length));
      try {
        if ((await stat(file)).isDirectory()) file = join(file, "index.html");
        await stat(file);
      } catch { file = null; }
    }
    if (!file) {
      res.writeHead(404, { "content-type": TYPES[".html"] });
      res.end(await readFile(join(dir, "404.html")).catch(() => "not found"));
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] || "application/octet-stream" });
    res.end(await readFile(file));
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address();
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((ok) => server.close(ok)) };
}

// htmlPages lists every .html file under dir, as slash paths, sorted.
export async function htmlPages(dir) {
  const out = [];
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile() && e.name.endsWith(".html")) out.push(relative(dir, join(e.parentPath ?? e.path, e.name)).split("\\").join("/"));
  }
  return out.sort();
}

export async function launch({ javaScript = true } = {}) {
  const profile = await mkdtemp(join(tmpdir(), "alongside-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    javaScriptEnabled: javaScript,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  return { context, close: async () => { await context.close(); await rm(profile, { recursive: true, force: true }); } };
}

// pageWeight is the gzipped size of an HTML file and the stylesheets it
// links (quoted or not). A linked stylesheet that is not in dir is an error.
export async function pageWeight(dir, page) {
  const html = await readFile(join(dir, page));
  let total = gzipSync(html, { level: 9 }).length;
  for (const [tag] of html.toString().matchAll(/<link\b[^>]*>/gi)) {
    if (!/\brel\s*=\s*["']?[^"'>]*\bstylesheet\b/i.test(tag)) continue;
    const m = tag.match(/\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i);
    if (!m) continue;
    const href = (m[1] ?? m[2] ?? m[3]).split(/[?#]/)[0];
    if (/^[a-z]+:/i.test(href)) continue; // another host: the request check reports it
    const file = href.startsWith("/") ? href.slice(PREFIX.length) : join(dirname(page), href);
    total += gzipSync(await readFile(join(dir, file)), { level: 9 }).length;
  }
  return total;
}

// vnu runs the Nu HTML Checker over every page once and returns its errors.
export function vnu(dir, pages) {
  return new Promise((resolve, reject) => {
    const files = pages.map((p) => join(dir, p));
    execFile("java", ["-jar", VNU_JAR, "--errors-only", "--format", "json", ...files],
      { maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
        let report;
        try { report = JSON.parse(stderr || stdout); } catch (e) {
          return reject(new Error(`vnu did not run: ${err ? err.message : e.message}\n${stderr}`));
        }
        resolve(report.messages.filter((m) => m.type === "error").map((m) => ({
          page: relative(dir, decodeURIComponent(new URL(m.url).pathname)),
          rule: "html-validity",
          detail: `line ${m.lastLine}: ${m.message}`,
        })));
      });
  });
}

// checkPage runs the browser checks on one page. It returns failures and
// the help link's position, which the caller compares across pages.
export async function checkPage(context, origin, page) {
  const failures = [];
  const fail = (rule, detail) => failures.push({ page, rule, detail });
  const tab = await context.newPage();
  const url = origin + PREFIX + page.replace(/index\.html$/, "");
  const local = (u) => u.startsWith("data:") || new URL(u).hostname === "127.0.0.1";
  tab.on("request", (r) => { if (!local(r.url())) fail("third-party-request", r.url()); });
  // Requests to other hosts are reported above and never leave the
  // machine. A redirect page (an alias, <meta http-equiv="refresh">) is
  // checked as itself: its refresh is taken out before the browser sees
  // it, or it would navigate away in the middle of the checks.
  await tab.route("**/*", async (route) => {
    const req = route.request();
    if (!local(req.url())) return route.abort("blockedbyclient");
    if (req.url() !== url || req.resourceType() !== "document") return route.continue();
    const res = await route.fetch();
    const body = (await res.text()).replace(/<meta\b[^>]*http-equiv\s*=\s*["']?refresh\b[^>]*>/gi, (tag) => {
      const delay = parseFloat((tag.match(/content\s*=\s*["']?\s*([\d.]+)/i) || [])[1]);
      if (delay > 0) fail("meta-refresh", `the page moves on by itself after ${delay} seconds (WCAG 2.2.1)`);
      return "";
    });
    return route.fulfill({ response: res, body });
  });
  // 8. Content Security Policy: every violation on the page is recorded
  // from the first moment, and reported once the checks are done. axe is
  // put in the page the same way, before anything else runs, so that the
  // page's own policy (which allows no inline script) does not block it.
  await tab.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) => {
      window.__cspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile || "page"}:${e.lineNumber})`);
    });
  });
  await tab.addInitScript({ path: AXE_PATH });
  await tab.setViewportSize({ width: 1280, height: 900 });
  await tab.emulateMedia({ colorScheme: "light", reducedMotion: "reduce" });
  await tab.goto(url, { waitUntil: "load" });

  // 4. The first Tab focuses the skip link; following it focuses main.
  await tab.keyboard.press("Tab");
  const first = await tab.evaluate(() => {
    const a = document.activeElement;
    if (!a) return null;
    const r = a.getBoundingClientRect();
    const visible = r.width >= 1 && r.height >= 1 && r.right > 0 && r.bottom > 0 && r.left < innerWidth && r.top < innerHeight;
    return { tag: a.tagName, cls: a.className, text: a.textContent.trim(), href: a.getAttribute("href"), visible };
  });
  if (!first || first.tag !== "A" || !/skip/i.test(first.text)) {
    fail("skip-link-first", `first Tab focused ${first ? `<${first.tag.toLowerCase()}> "${first.text}"` : "nothing"}`);
  } else {
    if (!first.visible) fail("skip-link-visible", "the focused skip link is not on the screen (WCAG 2.4.7)");
    await tab.keyboard.press("Enter");
    const after = await tab.evaluate(() => document.activeElement && document.activeElement.tagName);
    if (after !== "MAIN") fail("skip-link-target", `after the skip link, focus is on <${String(after).toLowerCase()}>, not <main>`);
  }

  // 5. The help link, in the header; where it is, at each width in
  // HELP_WIDTHS, is compared across pages by checkSite.
  const helpBox = () => tab.evaluate(() => {
    const a = document.getElementById("help_link");
    if (!a) return null;
    const r = a.getBoundingClientRect();
    return { inHeader: !!a.closest("header"), text: a.textContent.trim(), x: Math.round(r.x + scrollX), y: Math.round(r.y + scrollY), w: Math.round(r.width), h: Math.round(r.height) };
  });
  const help = {};
  help[1280] = await helpBox();
  if (!help[1280]) fail("help-link", "no element with id help_link");
  else if (!help[1280].inHeader) fail("help-link", "the help link is not inside <header>");

  // 1. axe-core, in the light and the dark colour scheme.
  for (const scheme of ["light", "dark"]) {
    await tab.emulateMedia({ colorScheme: scheme, reducedMotion: "reduce" });
    const violations = await tab.evaluate(async ([tags, extra]) => {
      const rules = Object.fromEntries(extra.map((id) => [id, { enabled: true }]));
      const r = await window.axe.run(document, { runOnly: { type: "tag", values: tags }, rules, resultTypes: ["violations"] });
      return r.violations.map((v) => ({ id: v.id, targets: v.nodes.map((n) => n.target.join(" ")) }));
    }, [AXE_TAGS, AXE_EXTRA_RULES]);
    for (const v of violations) for (const t of v.targets) fail(v.id, `${t} (${scheme})`);
  }

  // 3. Reflow: nothing scrolls sideways at 320 CSS px.
  await tab.setViewportSize({ width: 320, height: 800 });
  const overflow = await tab.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  if (overflow > 0) fail("reflow-320", `the page is ${overflow}px wider than a 320px screen`);
  help[320] = await helpBox();

  // 8. No Content Security Policy violation, from loading to here. The
  // events are queued as tasks, so give them one turn to arrive.
  const csp = await tab.evaluate(() => new Promise((ok) => setTimeout(() => ok(window.__cspViolations || []), 50)));
  for (const v of csp) fail("csp-violation", v);

  await tab.close();
  return { failures, help };
}

// checkSite runs every check on every page of dir, served under /hub/.
export async function checkSite(dir, { onPage } = {}) {
  const pages = await htmlPages(dir);
  const failures = [];
  const server = await serve(dir);
  const browser = await launch();
  const helpAt = new Map();
  try {
    for (const page of pages) {
      const r = await checkPage(browser.context, server.origin, page);
      failures.push(...r.failures);
      helpAt.set(page, r.help);
      const weight = await pageWeight(dir, page);
      if (weight > BUDGET) failures.push({ page, rule: "page-weight", detail: `${weight} bytes gzipped, over ${BUDGET}` });
      if (onPage) await onPage(page, browser.context, server.origin);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  // 5. The help link is in the same place on every page, at each width.
  for (const width of HELP_WIDTHS) {
    const spots = new Map();
    for (const [page, help] of helpAt) {
      const h = help[width];
      if (!h) continue;
      const key = `${h.x},${h.y},${h.w}x${h.h}`;
      if (!spots.has(key)) spots.set(key, []);
      spots.get(key).push(page);
    }
    if (spots.size < 2) continue;
    const [common] = [...spots.entries()].sort((a, b) => b[1].length - a[1].length);
    for (const [key, ps] of spots) {
      if (key === common[0]) continue;
      for (const p of ps) failures.push({ page: p, rule: "help-link-position", detail: `at ${key} when ${width}px wide, not ${common[0]} as on ${common[1].length} other pages` });
    }
  }
  failures.push(...(await vnu(dir, pages)));
  failures.sort((a, b) => (a.page + a.rule + a.detail).localeCompare(b.page + b.rule + b.detail));
  return { pages, failures };
}

export function report(pages, failures, log = console.log) {
  for (const f of failures) log(`FAIL ${f.page} ${f.rule} ${f.detail}`);
  log(`a11y: ${pages.length} pages, ${failures.length} violations`);
}
