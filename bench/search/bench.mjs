// The hub's search against Pagefind 1.6, on the built hub and on a
// synthetic site of 5,000 briefs (synth.mjs). For each: the bytes a
// browser fetches for a first one-word query (every file, gzipped, the
// search page's own HTML and CSS left out on both sides), the index bytes
// per brief, and the time to a first query's ten results in Chromium. A
// comparison to read, not a test: nothing here fails on a number.
//
//   make bench-search        (or: cd bench/search && npm install && node bench.mjs [sizes...])
import { execFileSync } from "node:child_process";
import { mkdtemp, readFile, readdir, rm, writeFile, stat } from "node:fs/promises";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join, extname, relative } from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { synth } from "./synth.mjs";

const repo = join(import.meta.dirname, "..", "..");
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const WORDS = ["carers", "housing", "advocacy", "assessment", "employment"];
const sizes = process.argv.slice(2).map(Number);
if (!sizes.length) sizes.push(44, 5000);

const gz = (b) => gzipSync(b, { level: 9 }).length;

async function files(dir) {
  const out = [];
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) out.push(join(e.parentPath ?? e.path, e.name));
  }
  return out;
}

function serve(dir) {
  const types = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".json": "application/json", ".wasm": "application/wasm" };
  const server = createServer(async (req, res) => {
    let p = join(dir, decodeURIComponent(new URL(req.url, "http://x").pathname).replace(/^\/hub\//, "/"));
    try {
      if ((await stat(p)).isDirectory()) p = join(p, "index.html");
      const b = await readFile(p);
      res.writeHead(200, { "content-type": types[extname(p)] || "application/octet-stream" });
      res.end(b);
    } catch { res.writeHead(404); res.end(); }
  });
  return new Promise((ok) => server.listen(0, "127.0.0.1", () => ok({ origin: `http://127.0.0.1:${server.address().port}`, close: () => server.close() })));
}

// prepare builds a site of n briefs with alongside, then runs Pagefind on
// a copy whose brief and glossary pages mark their main text for it and
// carry the same four filters.
async function prepare(n, work) {
  let root = repo;
  if (n !== 44) { root = join(work, "src"); await synth(repo, root, n); }
  const site = join(work, "site");
  const t0 = Date.now();
  execFileSync("go", ["run", "./cmd/alongside", "build", "-root", root, "-out", site, "-base-url", "http://127.0.0.1/hub/"], { cwd: repo, stdio: "pipe" });
  const buildMs = Date.now() - t0;
  const entryName = (await readdir(join(site, "search"))).find((f) => f.startsWith("index."));
  const entry = JSON.parse(await readFile(join(site, "search", entryName)));
  const members = JSON.parse(await readFile(join(site, "search", entry.members)));
  const pf = join(work, "pagefind-site");
  execFileSync("cp", ["-r", site, pf]);
  for (let id = 0; id < entry.briefs; id++) {
    const doc = JSON.parse(await readFile(join(site, "search", `${id}.${entry.frags[Math.floor(id / entry.block)]}.json`)));
    const page = join(pf, doc.u, "index.html");
    let filters = "";
    for (const f of entry.facets) {
      f.values.forEach((v, i) => {
        let d = 0;
        for (const x of members[f.key][i]) { d += x; if (d === id) filters += `<span data-pagefind-filter="${f.key}" hidden>${v.name}</span>`; }
      });
    }
    const html = (await readFile(page, "utf8")).replace(/<main\b/, `<main data-pagefind-body`).replace(/<\/main>/, filters + "</main>");
    await writeFile(page, html);
  }
  const g = join(pf, "glossary", "index.html");
  await writeFile(g, (await readFile(g, "utf8")).replace(/<main\b/, "<main data-pagefind-body"));
  await writeFile(join(pf, "pagefind-bench.html"), `<!doctype html><html lang="en"><title>bench</title><body><script type="module">
window.run = async (q) => { const t = performance.now(); const pf = await import("./pagefind/pagefind.js");
  const r = await pf.search(q); const docs = await Promise.all(r.results.slice(0, 10).map((x) => x.data()));
  return { ms: performance.now() - t, count: r.results.length, first: docs[0] && docs[0].url }; };
</script></body></html>`);
  const t1 = Date.now();
  execFileSync(join(import.meta.dirname, "node_modules", ".bin", "pagefind"), ["--site", pf, "--output-subdir", "pagefind"], { stdio: "pipe" });
  return { site, pf, entry, buildMs, pagefindMs: Date.now() - t1 };
}

// indexBytes adds up the index files, gzipped: for Pagefind its index,
// fragments, filters, meta and entry, not its scripts, styles and
// WebAssembly (those are counted in the first query).
async function indexBytes(dir, pagefind) {
  let total = 0;
  for (const f of await files(dir)) {
    const r = relative(dir, f);
    if (pagefind && !/^(index|fragment|filter)\/|\.pf_meta$|^pagefind-entry\.json$/.test(r)) continue;
    total += gz(await readFile(f));
  }
  return total;
}

// firstQuery loads a fresh page, then measures what one query fetches.
async function firstQuery(browser, origin, dir, url, q, ours) {
  const ctx = await browser.newContext();
  const tab = await ctx.newPage();
  // Every request from the start: the hub's script fetches its entry file
  // as the page loads, before the reader types.
  const fetched = new Set();
  tab.on("request", (r) => fetched.add(new URL(r.url()).pathname));
  await tab.goto(origin + url);
  if (ours) await tab.locator("#search_input").waitFor();
  let ms;
  if (ours) {
    ms = await tab.evaluate((q) => new Promise((ok) => {
      const input = document.getElementById("search_input"), status = document.getElementById("search_status");
      input.value = q;
      const t = performance.now();
      new MutationObserver(() => ok(performance.now() - t - 150)).observe(status, { childList: true, characterData: true, subtree: true });
      input.dispatchEvent(new Event("input"));
    }), q);
  } else {
    ms = (await tab.evaluate((q) => window.run(q), q)).ms;
  }
  await tab.waitForTimeout(200);
  // The page itself and its style sheet are left out on both sides; the
  // scripts count, as they are loaded for search alone.
  let bytes = 0, n = 0;
  for (const p of fetched) {
    const f = join(dir, p.replace(/^\/hub\//, ""));
    if (/\/search\/$|\.css$|bench\.html$/.test(p)) continue;
    try { bytes += gz(await readFile(f)); n++; } catch { /* not a file of the site */ }
  }
  await ctx.close();
  return { bytes, ms, files: n };
}

const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"] });
try {
  for (const n of sizes) {
    const work = await mkdtemp(join(tmpdir(), "alongside-search-bench-"));
    try {
      const p = await prepare(n, work);
      const a = await serve(p.site), b = await serve(p.pf);
      const rows = [];
      for (const q of WORDS) {
        const ours = await firstQuery(browser, a.origin, p.site, "/hub/search/", q, true);
        const theirs = await firstQuery(browser, b.origin, p.pf, "/hub/pagefind-bench.html", q, false);
        rows.push({ q, ours, theirs });
      }
      a.close(); b.close();
      const docs = p.entry.docs;
      const ourIndex = await indexBytes(join(p.site, "search")), theirIndex = await indexBytes(join(p.pf, "pagefind"), true);
      const mean = (f) => Math.round(rows.reduce((s, r) => s + f(r), 0) / rows.length);
      console.log(`\n${n} briefs (${docs} documents with the glossary); built in ${p.buildMs} ms, Pagefind indexed in ${p.pagefindMs} ms`);
      console.log("query        ours bytes  files  ms    | pagefind bytes  files  ms    | ratio");
      for (const r of rows) {
        console.log(`${r.q.padEnd(12)} ${String(r.ours.bytes).padStart(10)} ${String(r.ours.files).padStart(6)} ${r.ours.ms.toFixed(0).padStart(5)} | ${String(r.theirs.bytes).padStart(14)} ${String(r.theirs.files).padStart(6)} ${r.theirs.ms.toFixed(0).padStart(5)} | ${(r.ours.bytes / r.theirs.bytes).toFixed(2)}`);
      }
      console.log(`mean first-query bytes: ours ${mean((r) => r.ours.bytes)}, Pagefind ${mean((r) => r.theirs.bytes)} (ratio ${(mean((r) => r.ours.bytes) / mean((r) => r.theirs.bytes)).toFixed(2)})`);
      console.log(`mean first-query ms: ours ${mean((r) => r.ours.ms)}, Pagefind ${mean((r) => r.theirs.ms)}`);
      console.log(`index bytes per document, gzipped: ours ${Math.round(ourIndex / docs)}, Pagefind ${Math.round(theirIndex / docs)}`);
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }
} finally {
  await browser.close();
}
