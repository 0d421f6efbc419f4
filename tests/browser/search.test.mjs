// The search page as a reader meets it: full-text search as they type,
// filters, the address, the keyboard, axe with results shown, and the page
// with JavaScript off. The site is served under /hub/ (PREFIX), as on a
// GitHub Pages project site. The fixed queries and the stems come from
// internal/search/testdata, the same files the Go tests read.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { runInNewContext } from "node:vm";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { serve, PREFIX, CHROMIUM, AXE_PATH, AXE_TAGS, AXE_EXTRA_RULES } from "./lib.mjs";

const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--no-first-run"];

const dir = process.env.SITE_DIR;
const repo = join(import.meta.dirname, "..", "..");
const testdata = join(repo, "internal", "search", "testdata");

// One server and one browser for the whole file; each test has a fresh
// context (its own cache, history and settings).
let server, browser;
before(async () => {
  assert.ok(dir, "SITE_DIR is not set: run this through make test, which builds the site first");
  server = await serve(dir);
  // A browser without a saved profile: playwright gives it a new, empty
  // one, removed when it closes.
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function withPage({ javaScript = true } = {}, fn) {
  const context = await browser.newContext({ javaScriptEnabled: javaScript });
  try {
    const tab = await context.newPage();
    await tab.route("**/*", (r) => (new URL(r.request().url()).hostname === "127.0.0.1" ? r.continue() : r.abort()));
    await fn(tab, server.origin + PREFIX);
  } finally {
    await context.close();
  }
}

// search types q and waits until the status line reports on it.
async function search(tab, q) {
  await tab.getByLabel("Words to look for").fill(q);
  await tab.waitForFunction((q) => document.getElementById("search_status").textContent.includes(`“${q.trim()}”`), q);
  return tab.locator("#search_status").textContent();
}

// The script's own functions, run in node without a page: nothing in the
// script needs eval, but a test may load it like this.
async function scriptExports() {
  const module = {};
  runInNewContext(await readFile(join(repo, "layouts", "assets", "search.js"), "utf8"), { module, URL });
  return module.exports;
}

test("the script stems every word of the hub as the generator does", async () => {
  const { stem, words } = await scriptExports();
  const lines = (await readFile(join(testdata, "stems.txt"), "utf8")).trim().split("\n");
  assert.ok(lines.length > 1000, `only ${lines.length} words in stems.txt`);
  const wrong = lines.map((l) => l.split(" ")).filter(([w, s]) => stem(w) !== s);
  assert.deepEqual(wrong.slice(0, 10).map(([w, s]) => `${w}: ${stem(w)}, not ${s}`), []);
  assert.deepEqual([...words("Carer’s café: co-production")], ["carer's", "cafe", "co", "production"]);
});

test("the fixed queries give their expected first result in the browser", async () => {
  const queries = (await readFile(join(testdata, "queries.txt"), "utf8")).split("\n")
    .filter((l) => l && !l.startsWith("#")).map((l) => l.split("\t"));
  assert.ok(queries.length >= 10);
  await withPage({}, async (tab, base) => {
    await tab.goto(base + "search/");
    for (const [q, want] of queries) {
      await search(tab, q);
      const href = await tab.locator("#search_results > li a").first().getAttribute("href");
      assert.equal(new URL(href, tab.url()).pathname + new URL(href, tab.url()).hash, PREFIX + want.slice(1), `first result for "${q}"`);
    }
  });
});

test("a word found only in the text of a brief finds that brief, with the word marked", async () => {
  await withPage({}, async (tab, base) => {
    await tab.goto(base + "search/");
    // The word is in no title or summary: the A to Z list does not have it.
    assert.doesNotMatch(await tab.locator("#search_list").textContent(), /violence/i);
    assert.match(await search(tab, "violence"), /^1 result for “violence”$/);
    const first = tab.locator("#search_results > li").first();
    assert.equal(await first.locator("a").getAttribute("href"), "../briefs/multiple-disadvantage/");
    assert.equal((await first.locator(".search-snippet mark").first().textContent()).toLowerCase(), "violence");
    // While results show, the sentence about all briefs is hidden with its list.
    assert.equal(await tab.getByText(/^All \d+ briefs, A to Z$/).isVisible(), false);
    assert.equal(await tab.locator("#search_list").isVisible(), false);
    await tab.getByLabel("Words to look for").fill("");
    await tab.waitForFunction(() => !document.getElementById("search_browse").hidden);
    assert.ok(await tab.getByText(/^All 44 briefs, A to Z$/).isVisible());
  });
});

test("filtering by a function changes the count, and the live region says so", async () => {
  await withPage({}, async (tab, base) => {
    await tab.goto(base + "search/");
    const status = tab.locator("#search_status");
    assert.equal(await status.getAttribute("role"), "status");
    const before = await search(tab, "carers");
    const n = Number(before.match(/^(\d+) results/)[1]);
    await tab.locator(".search-filters > summary").click();
    const legend = tab.locator(".search-filters fieldset legend").first();
    assert.equal(await legend.textContent(), "Function");
    const box = tab.locator(".search-filters fieldset").first().locator("input[type=checkbox]").first();
    const label = await tab.locator(`label[for="${await box.getAttribute("id")}"]`).textContent();
    const m = Number(label.match(/\((\d+)\)$/)[1]);
    await box.check();
    await tab.waitForFunction((b) => document.getElementById("search_status").textContent !== b, before);
    const after = await status.textContent();
    assert.match(after, new RegExp(`^${m} results? for “carers”, filtered by `));
    assert.ok(m < n, `the filter left ${m} of ${n} results`);
    assert.equal(await tab.locator("#search_results > li").count(), Math.min(m, 10));
    assert.match(tab.url(), /\?q=carers&function=/);
  });
});

test("the address keeps the query, and the back button goes back to the last search", async () => {
  await withPage({}, async (tab, base) => {
    await tab.goto(base + "search/?q=section+117");
    await tab.waitForFunction(() => /for “section 117”/.test(document.getElementById("search_status").textContent));
    assert.equal(await tab.getByLabel("Words to look for").inputValue(), "section 117");
    await tab.getByLabel("Words to look for").fill("advocacy");
    await tab.keyboard.press("Enter");
    await tab.waitForURL(/\?q=advocacy$/);
    await tab.goBack();
    await tab.waitForFunction(() => /for “section 117”/.test(document.getElementById("search_status").textContent));
    assert.equal(await tab.getByLabel("Words to look for").inputValue(), "section 117");
  });
});

test("search works from the keyboard alone", async () => {
  await withPage({}, async (tab, base) => {
    await tab.goto(base + "search/");
    await tab.getByLabel("Words to look for").focus();
    await tab.keyboard.type("carers");
    await tab.waitForFunction(() => /for “carers”/.test(document.getElementById("search_status").textContent));
    await tab.keyboard.press("Tab"); // the filters
    assert.equal(await tab.evaluate(() => document.activeElement.tagName), "SUMMARY");
    await tab.keyboard.press("Enter");
    await tab.locator(".search-filters input[type=checkbox]").first().waitFor();
    await tab.keyboard.press("Tab");
    assert.equal(await tab.evaluate(() => document.activeElement.type), "checkbox");
    await tab.keyboard.press("Space");
    await tab.waitForFunction(() => /filtered by/.test(document.getElementById("search_status").textContent));
    assert.equal(await tab.evaluate(() => document.activeElement.type), "checkbox", "focus is lost when the filters are drawn again");
    assert.equal(await tab.evaluate(() => document.activeElement.checked), true);
  });
});

test("axe finds nothing on the search page with results and filters shown", async () => {
  await withPage({}, async (tab, base) => {
    // Put in before the page's scripts, as its policy allows no inline one.
    await tab.addInitScript({ path: AXE_PATH });
    await tab.goto(base + "search/");
    await search(tab, "carers assessment");
    await tab.locator(".search-filters > summary").click();
    for (const scheme of ["light", "dark"]) {
      await tab.emulateMedia({ colorScheme: scheme });
      const v = await tab.evaluate(async ([tags, extra]) => {
        const rules = Object.fromEntries(extra.map((id) => [id, { enabled: true }]));
        const r = await window.axe.run(document, { runOnly: { type: "tag", values: tags }, rules, resultTypes: ["violations"] });
        return r.violations.map((x) => `${x.id}: ${x.nodes.map((n) => n.target.join(" ")).join(", ")}`);
      }, [AXE_TAGS, AXE_EXTRA_RULES]);
      assert.deepEqual(v, [], `axe (${scheme})`);
    }
  });
});

test("the page does not move when the script adds the search box", async () => {
  for (const width of [375, 1280]) {
    await withPage({}, async (tab, base) => {
      await tab.setViewportSize({ width, height: 800 });
      await tab.goto(base + "search/");
      await tab.getByLabel("Words to look for").waitFor();
      const cls = await tab.evaluate(() => new Promise((ok) => {
        let sum = 0;
        new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) sum += e.value; })
          .observe({ type: "layout-shift", buffered: true });
        setTimeout(() => ok(sum), 300);
      }));
      assert.equal(cls, 0, `layout shift ${cls} at ${width}px`);
    });
  }
});

test("without JavaScript there is no search box, and the page says how to find a brief", async () => {
  // What a text browser (w3m, lynx) gets: the HTML as served.
  const html = await readFile(join(dir, "search", "index.html"), "utf8");
  assert.doesNotMatch(html, /<(input|button|select|textarea|form)\b/i);
  await withPage({ javaScript: false }, async (tab, base) => {
    await tab.goto(base + "search/");
    assert.equal(await tab.locator("input, button").count(), 0);
    const text = await tab.locator("main").textContent();
    assert.match(text, /A to Z list of all 44 briefs/);
    assert.match(text, /Ctrl and F/);
    assert.ok(await tab.locator("#search_list > li").count() >= 44);
    assert.ok(await tab.getByRole("link", { name: "function", exact: true }).isVisible());
    assert.ok(await tab.getByRole("link", { name: "research priority", exact: true }).isVisible());
  });
});

test("search works under a Content-Security-Policy that allows only the site's own scripts and styles", async () => {
  await withPage({}, async (tab, base) => {
    const refused = [];
    tab.on("console", (m) => { if (/Content Security Policy/i.test(m.text())) refused.push(m.text()); });
    await tab.addInitScript(() => {
      window.__refused = [];
      document.addEventListener("securitypolicyviolation", (e) => window.__refused.push(`${e.effectiveDirective} ${e.blockedURI}`));
    });
    await tab.route("**/search/*", async (route) => {
      if (route.request().resourceType() !== "document") return route.continue();
      const res = await route.fetch();
      return route.fulfill({ response: res, headers: { ...res.headers(),
        "content-security-policy": "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'" } });
    });
    await tab.goto(base + "search/?q=carers");
    await tab.waitForFunction(() => /results? for “carers”/.test(document.getElementById("search_status").textContent));
    assert.ok(await tab.locator("#search_results > li").count() > 0);
    await tab.locator(".search-filters > summary").click();
    await tab.locator(".search-filters input[type=checkbox]").first().check();
    await tab.waitForFunction(() => /filtered by/.test(document.getElementById("search_status").textContent));
    assert.deepEqual(refused, []);
    assert.deepEqual(await tab.evaluate(() => window.__refused), []);
  });
});

test("the search script is under 10 KB gzipped, with no eval and no WebAssembly", async () => {
  const built = await readFile(join(dir, "assets", "search.js"));
  const size = gzipSync(built, { level: 9 }).length;
  assert.ok(size < 10 * 1024, `search.js is ${size} bytes gzipped`);
  const src = await readFile(join(repo, "layouts", "assets", "search.js"), "utf8");
  for (const bad of [/\beval\s*\(/, /\bnew\s+Function\b/, /WebAssembly/, /innerHTML/, /setTimeout\s*\(\s*["'`]/]) {
    assert.doesNotMatch(src, bad);
  }
});

test("an address with filters the index does not know still searches", async () => {
  await withPage({}, async (tab, base) => {
    const errors = [];
    tab.on("pageerror", (e) => errors.push(e.message));
    await tab.goto(base + "search/?q=carers&function=no-such-function&topic=%3Cb%3E&colour=red");
    await tab.waitForFunction(() => /^\d+ results for “carers”$/.test(document.getElementById("search_status").textContent));
    assert.deepEqual(errors, []);
  });
});

test("more results come ten at a time, and focus moves to the first new one", async () => {
  await withPage({}, async (tab, base) => {
    await tab.goto(base + "search/");
    const n = Number((await search(tab, "social")).match(/^(\d+) results/)[1]);
    assert.ok(n > 10, `only ${n} results for "social"`);
    assert.equal(await tab.locator("#search_results > li").count(), 10);
    await tab.getByRole("button", { name: "Show more results" }).click();
    await tab.waitForFunction(() => document.querySelectorAll("#search_results > li").length > 10);
    assert.equal(await tab.locator("#search_results > li").count(), Math.min(n, 20));
    assert.equal(await tab.evaluate(() => document.activeElement === document.querySelectorAll("#search_results > li a")[10]), true);
  });
});

test("a query of only common words says so", async () => {
  await withPage({}, async (tab, base) => {
    await tab.goto(base + "search/");
    await tab.getByLabel("Words to look for").fill("what is the");
    await tab.waitForFunction(() => document.getElementById("search_status").textContent !== "");
    assert.equal(await tab.locator("#search_status").textContent(), "“what is the” is too common to search for. Try a word that says more.");
  });
});

test("a shared address with a filter opens with the filter on", async () => {
  await withPage({}, async (tab, base) => {
    await tab.goto(base + "search/");
    const all = Number((await search(tab, "carers")).match(/^(\d+) results/)[1]);
    await tab.goto(base + "search/?q=carers&function=stewardship");
    await tab.waitForFunction(() => /for “carers”, filtered by Stewardship/.test(document.getElementById("search_status").textContent));
    const n = Number((await tab.locator("#search_status").textContent()).match(/^(\d+) results?/)[1]);
    assert.ok(n > 0 && n < all, `${n} of ${all} results with the filter`);
    await tab.locator(".search-filters > summary").click();
    assert.equal(await tab.locator("#filter_function_stewardship").isChecked(), true);
  });
});
