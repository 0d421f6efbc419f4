// The checks must be able to fail: each fixture page has one known fault,
// and each must be caught by its rule. The good pages must pass.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { checkSite, report } from "./lib.mjs";

const fixtures = join(import.meta.dirname, "fixtures", "faulty");

// Each faulty page, and the rule that must report it.
const EXPECTED = {
  "image-without-alt.html": "image-alt",
  "low-contrast.html": "color-contrast",
  "skipped-heading.html": "heading-order",
  "empty-link.html": "link-name",
  "lower-contrast.html": "color-contrast-enhanced",
  "invalid.html": "html-validity",
  "wide.html": "reflow-320",
  "no-skip-link.html": "skip-link-first",
  "hidden-skip-link.html": "skip-link-visible",
  "help-moved.html": "help-link-position",
  "heavy.html": "page-weight",
  "third-party.html": "third-party-request",
  "delayed-refresh.html": "meta-refresh",
  "csp-violation.html": "csp-violation",
};
// Pages with no fault, which must pass: a plain page, and a redirect page
// like the generator's alias pages, which must be checked as itself.
const GOOD = ["index.html", "moved.html"];

test("the checks catch each known fault, and pass a good page", { timeout: 5 * 60 * 1000 }, async () => {
  const { pages, failures } = await checkSite(fixtures);
  report(pages, failures, (line) => console.log("fixture " + line));
  for (const [page, rule] of Object.entries(EXPECTED)) {
    assert.ok(failures.some((f) => f.page === page && f.rule === rule), `${page}: the ${rule} fault was not caught`);
  }
  for (const page of GOOD) {
    assert.deepEqual(failures.filter((f) => f.page === page), [], `${page} has no fault and should pass every check`);
  }
  const known = new Set([...Object.keys(EXPECTED), ...GOOD]);
  assert.deepEqual(pages.filter((p) => !known.has(p)), [], "every fixture page is listed in EXPECTED or GOOD");
});
