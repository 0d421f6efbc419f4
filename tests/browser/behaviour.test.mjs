// How the hub behaves for a reader, with JavaScript and without it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, PREFIX } from "./lib.mjs";

const dir = process.env.SITE_DIR;

async function withPage(options, fn) {
  assert.ok(dir, "SITE_DIR is not set: run this through make test, which builds the site first");
  const server = await serve(dir);
  const browser = await launch(options);
  try {
    const tab = await browser.context.newPage();
    await fn(tab, server.origin + PREFIX);
  } finally {
    await browser.close();
    await server.close();
  }
}

test("a brief reads the same without JavaScript: text, contents, sources, citation and help link", async () => {
  await withPage({ javaScript: false }, async (tab, base) => {
    await tab.goto(base + "briefs/amhps-and-the-mental-health-act/");
    assert.ok(await tab.locator(".citation").isVisible(), "the brief shows no citation");
    for (const f of ["cite.ris", "cite.bib", "cite.json"]) {
      const href = await tab.locator(`.cite-files a[href="${f}"]`).getAttribute("href");
      const res = await tab.request.get(new URL(href, tab.url()).href);
      assert.equal(res.status(), 200, `${f} is not there`);
    }
    assert.equal(await tab.locator("h1").textContent(), "AMHPs and the Mental Health Act");
    assert.ok(await tab.locator(".content-note a").isVisible(), "the content note links to help");
    assert.ok(await tab.locator("nav.toc li").count() >= 3);
    assert.ok(await tab.locator("ol.sources li").count() >= 1);
    assert.ok(await tab.locator("#help_link").isVisible());
  });
});

test("printed, a brief keeps its text and sources and drops the navigation", async () => {
  await withPage({}, async (tab, base) => {
    await tab.goto(base + "briefs/economic-case/");
    await tab.emulateMedia({ media: "print" });
    assert.equal(await tab.locator("nav.site-nav").isVisible(), false, "navigation is printed");
    assert.equal(await tab.locator(".site-footer").isVisible(), false, "the footer is printed");
    assert.ok(await tab.locator("ol.sources").isVisible(), "sources are not printed");
    assert.ok(await tab.locator("main h1").isVisible());
  });
});

test("forced colours (Windows high contrast) keep the focus visible", async () => {
  await withPage({}, async (tab, base) => {
    await tab.emulateMedia({ forcedColors: "active" });
    await tab.goto(base);
    await tab.keyboard.press("Tab");
    // Normally the outline is transparent (the yellow background shows
    // focus); in forced colours the background is dropped, so the outline
    // must become a real colour.
    const o = await tab.evaluate(() => {
      const c = getComputedStyle(document.activeElement);
      return { style: c.outlineStyle, color: c.outlineColor, width: parseFloat(c.outlineWidth) };
    });
    assert.equal(o.style, "solid");
    assert.ok(o.width >= 2, `outline ${o.width}px wide`);
    assert.notEqual(o.color, "rgba(0, 0, 0, 0)", "the focus outline is transparent in forced colours");
  });
});

test("on a 375 px phone the map's table scrolls inside its box and says so", async () => {
  await withPage({}, async (tab, base) => {
    await tab.setViewportSize({ width: 375, height: 800 });
    await tab.goto(base + "map/");
    const box = await tab.evaluate(() => {
      const s = document.querySelector(".table-scroll");
      return { scroll: s.scrollWidth, client: s.clientWidth, page: document.documentElement.scrollWidth };
    });
    assert.ok(box.scroll > box.client, `the table (${box.scroll} px) fits its box (${box.client} px): this test needs a table that scrolls`);
    assert.ok(box.page <= 375, `the page itself is ${box.page} px wide`);
    assert.ok(await tab.locator(".scroll-hint").isVisible(), "nothing tells the reader the table scrolls sideways");
    const shadow = await tab.evaluate(() => getComputedStyle(document.querySelector(".table-scroll")).backgroundImage);
    assert.match(shadow, /radial-gradient/, "the box shows no shadow at its edges");
  });
  await withPage({}, async (tab, base) => {
    await tab.setViewportSize({ width: 1280, height: 800 });
    await tab.goto(base + "map/");
    assert.equal(await tab.locator(".scroll-hint").isVisible(), false, "the hint shows on a wide screen");
  });
});

test("in lists, a brief's title is larger than its summary, on a phone and on a desktop", async () => {
  for (const width of [375, 1280]) {
    await withPage({}, async (tab, base) => {
      await tab.setViewportSize({ width, height: 800 });
      await tab.goto(base + "briefs/");
      const size = await tab.evaluate(() => {
        const li = document.querySelector(".item-list li");
        const px = (el) => parseFloat(getComputedStyle(el).fontSize);
        return { title: px(li.querySelector("a")), summary: px(li.querySelector("p")) };
      });
      assert.ok(size.title > size.summary, `at ${width} px the title is ${size.title} px and the summary ${size.summary} px`);
    });
  }
});
