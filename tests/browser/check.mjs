// Runs every check on a built site by hand, without the test runner:
//
//   node check.mjs <site folder> [base path, /hub/ by default]
//
// It prints one line per failure, "FAIL <page> <rule> <detail>", then
// "a11y: N pages, M violations" as its last line, and exits 1 if M > 0.
// The base path must match the path of the -base-url the site was built
// with. make test runs the same checks through site.test.mjs.
const [dir, base] = process.argv.slice(2);
if (!dir) {
  console.error("usage: node check.mjs <site folder> [base path]");
  process.exit(2);
}
if (base) process.env.BASE_PATH = base.replace(/^\/?/, "/").replace(/\/?$/, "/");
const { checkSite, report } = await import("./lib.mjs");
const { pages, failures } = await checkSite(dir);
report(pages, failures);
process.exitCode = failures.length ? 1 : 0;
