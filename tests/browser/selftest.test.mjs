// The checks must be able to fail: each fixture page has one known fault,
// and each must be caught by its rule. The good page must pass.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { checkSite, report } from "./lib.mjs";

const fixtures = join(import.meta.dirname, "fixtures", "faulty");

const EXPECTED = {
  "image-without-alt.html": "image-alt",
  "low-contrast.html": "color-contrast",
  "skipped-heading.html": "heading-order",
  "empty-link.html": "link-name",
};

test("the checks catch each known fault, and pass a good page", { timeout: 5 * 60 * 1000 }, async () => {
  const { pages, failures } = await checkSite(fixtures);
  report(pages, failures, (line) => console.log("fixture " + line));
  for (const [page, rule] of Object.entries(EXPECTED)) {
    assert.ok(failures.some((f) => f.page === page && f.rule === rule), `${page}: the ${rule} fault was not caught`);
  }
  const good = failures.filter((f) => f.page === "index.html");
  assert.deepEqual(good, [], "the good fixture page should pass every check");
});
