// Every page of the built hub, checked in a real browser. The Makefile
// builds the site and passes its folder as SITE_DIR.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { checkSite, report, PREFIX } from "./lib.mjs";

const dir = process.env.SITE_DIR;
const out = join(import.meta.dirname, "out");

// Pages a person should look at, in each width and colour scheme.
const SHOTS = { "index.html": "home", "map/index.html": "map" };

test("every page of the hub passes the accessibility checks", { timeout: 30 * 60 * 1000 }, async () => {
  assert.ok(dir, "SITE_DIR is not set: run this through make test, which builds the site first");
  await mkdir(out, { recursive: true });
  let brief = null, term = null;
  const { pages, failures } = await checkSite(dir, {
    onPage: async (page, context, origin) => {
      let name = SHOTS[page];
      if (!name && !brief && /^briefs\/[^/]+\/index\.html$/.test(page)) name = brief = "brief";
      if (!name && !term && /^functions\/[^/]+\/index\.html$/.test(page)) name = term = "term";
      if (!name) return;
      const tab = await context.newPage();
      for (const width of [1280, 375]) {
        for (const scheme of ["light", "dark"]) {
          await tab.setViewportSize({ width, height: 900 });
          await tab.emulateMedia({ colorScheme: scheme });
          await tab.goto(origin + PREFIX + page.replace(/index\.html$/, ""));
          const path = join(out, `${name}-${width}-${scheme}.png`);
          // A full-page capture can fail once on a busy machine; try again.
          await tab.screenshot({ path, fullPage: true }).catch(() => tab.screenshot({ path, fullPage: true }));
        }
      }
      await tab.close();
    },
  });
  report(pages, failures);
  assert.ok(pages.length > 20, `only ${pages.length} pages were found in ${dir}`);
  assert.equal(failures.length, 0, `${failures.length} accessibility violations (listed above)`);
});
