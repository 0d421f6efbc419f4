// The editors' report (alongside check -report) is read by editors, some
// with screen readers: it is held to the same axe-core rules as the site,
// in both colour schemes, and must not scroll sideways on a small screen.
import { test } from "node:test";
import assert from "node:assert/strict";
import { dirname, basename } from "node:path";
import { serve, launch, PREFIX, AXE_PATH, AXE_TAGS, AXE_EXTRA_RULES } from "./lib.mjs";

const file = process.env.REPORT_FILE;

test("the editors' report passes the accessibility checks", async () => {
  assert.ok(file, "REPORT_FILE is not set: run this through make test, which writes the report first");
  const server = await serve(dirname(file));
  const browser = await launch({});
  try {
    const tab = await browser.context.newPage();
    tab.on("request", (r) => assert.ok(new URL(r.url()).hostname === "127.0.0.1", `request to ${r.url()}`));
    await tab.goto(server.origin + PREFIX + basename(file));
    assert.equal(await tab.locator("h1").count(), 1);
    assert.ok(await tab.locator("#problems ~ table tbody tr").count() > 0, "the report lists no problems");
    await tab.addScriptTag({ path: AXE_PATH });
    for (const scheme of ["light", "dark"]) {
      await tab.emulateMedia({ colorScheme: scheme, reducedMotion: "reduce" });
      const violations = await tab.evaluate(async ([tags, extra]) => {
        const rules = Object.fromEntries(extra.map((id) => [id, { enabled: true }]));
        const r = await window.axe.run(document, { runOnly: { type: "tag", values: tags }, rules, resultTypes: ["violations"] });
        return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
      }, [AXE_TAGS, AXE_EXTRA_RULES]);
      assert.deepEqual(violations, [], `axe in the ${scheme} scheme`);
    }
    await tab.setViewportSize({ width: 320, height: 800 });
    const overflow = await tab.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `the report is ${overflow}px wider than a 320px screen`);
  } finally {
    await browser.close();
    await server.close();
  }
});
