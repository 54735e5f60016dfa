// Finding one's way in the docs, in Chromium at a laptop's width and a phone's: the title, the
// guide's sections opened by their links (from a server, and from the file itself), one menu
// item highlighted at a time, and the Changes section's link to the changelog beside the page.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { docsDir, docsPage } from "../../scripts/docs.ts";
import { projectRoot } from "../../scripts/redocly.ts";
import { hasChromium, useDocsInChromium } from "./support/browser.ts";
import { guideSections, info, operationsInDocs } from "./support/docs-spec.ts";
import { highlightedMenuItems } from "./support/in-page.ts";

const widths = [1440, 390];
const fileUrl = pathToFileURL(docsPage).href;
const changelog = join(projectRoot, "CHANGELOG.md");

/** A guide section's heading: the one in the element with its id (or, in markdown, the heading that has the id). */
const guideHeading = (anchor: string) => `:is([id="${anchor}"] h2, h2[id="${anchor}"])`;

/** Whether `locator`'s top edge is on screen, near the top: where a link should bring it. */
async function atTop(page: Page, locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  return box !== null && box.y >= 0 && box.y < (page.viewportSize()?.height ?? 0) / 3;
}

/**
 * Scrolls as a reader does, with the mouse wheel over the content (Redoc's menu follows the wheel
 * and keys, not scrollTo), until the heading `selector` names reaches the top; returns what the
 * menu highlighted if, after a step, it kept more than one item highlighted (else nothing). Redoc renders
 * a section only as it comes near, so the heading may not exist yet.
 */
async function wheelTo(page: Page, selector: string): Promise<Array<{ active: string[]; painted: string[] }>> {
  const { width, height } = page.viewportSize() ?? { width: 0, height: 0 };
  await page.mouse.move(width * 0.6, height / 2);
  const top = () => page.evaluate((s) => document.querySelector(s)?.getBoundingClientRect().top ?? Infinity, selector);
  for (let step = 0; step < 100 && (await top()) >= 80; step++) {
    await page.mouse.wheel(0, 120);
    // A highlight fading out while the next fades in is not a double, and how long that takes
    // depends on the machine; a double that stays is one. So a step counts only when the menu
    // never shows a single highlight within 15 s. (Read once more after a moment of one, the
    // menu can be caught mid-fade: the wheel's scroll may not even have reached it yet.)
    const double = async () => {
      const highlighted = await page.evaluate(highlightedMenuItems);
      return highlighted.active.length <= 1 && highlighted.painted.length <= 1 ? undefined : highlighted;
    };
    const stayed = await expect.poll(double, { timeout: 15_000 }).toBeUndefined().then(() => undefined, double);
    // One is enough to fail on, and waiting out the next steps would outlast the test's timeout.
    if (stayed) return [stayed];
  }
  expect(await top()).toBeLessThan(80);
  return [];
}

/** Exactly `label` highlighted, once Redoc's menu has caught up with the page. */
async function expectOnlyHighlighted(page: Page, label: string): Promise<void> {
  await expect.poll(() => page.evaluate(highlightedMenuItems), { timeout: 15_000 }).toEqual({ active: [label], painted: [label] });
}

describe.skipIf(!hasChromium)("finding one's way in the reference docs, in Chromium", () => {
  const docs = useDocsInChromium();

  describe.each(widths)("%i px wide", (width) => {
    it("shows the description's title, with its version once, as the page's title and its first heading", async () => {
      const page = await docs.open(docs.url(), width);
      expect(await page.title()).toBe(info.title);
      const heading = page.locator("h1").first();
      // One pair of parentheses, the version's: the title once read "Albums (v1) (1.0)".
      expect(await heading.innerText()).toBe(`${info.title} (${info.version})`);
      expect(await heading.innerText()).toMatch(/^[^()]+ \([^()]+\)$/);
      expect(await atTop(page, heading)).toBe(true);
      await page.close();
    });

    // Over http and from the file at one width; the way a hash is read does not change with the width.
    it.each(guideSections.flatMap((section) => [
      ...(width === widths[0] ? [{ ...section, over: "http", base: () => `${docs.url()}/` }] : []),
      { ...section, over: "file", base: () => fileUrl },
    ]))("opens the guide's $label by its link $link over $over, highlighting it alone", async (section) => {
      const page = await docs.open(section.base() + section.link, width);
      const heading = page.locator(guideHeading(section.anchor)).first();
      await heading.waitFor();
      expect(await heading.innerText()).toBe(section.label);
      await expect.poll(() => atTop(page, heading)).toBe(true);
      await expectOnlyHighlighted(page, section.label);
      await page.close();
    });

    it("keeps one item highlighted while the reader scrolls from a guide section to the next", async () => {
      const [from, to] = [guideSections[3], guideSections[4]] as [(typeof guideSections)[number], (typeof guideSections)[number]];
      const page = await docs.open(fileUrl + from.link, width);
      await page.locator(guideHeading(from.anchor)).first().waitFor();
      expect(await wheelTo(page, guideHeading(to.anchor))).toEqual([]);
      await expectOnlyHighlighted(page, to.label);
      await page.close();
    });

    it("keeps one item highlighted while the reader scrolls from an operation to the next", async () => {
      const [from, to] = [operationsInDocs[0], operationsInDocs[1]] as [(typeof operationsInDocs)[number], (typeof operationsInDocs)[number]];
      const page = await docs.open(`${fileUrl}#/${from.anchor}`, width);
      await page.locator(`[id="${from.anchor}"] :is(h1, h2)`).first().waitFor();
      expect(await wheelTo(page, `[id="${to.anchor}"] :is(h1, h2)`)).toEqual([]);
      await expectOnlyHighlighted(page, to.summary);
      await page.close();
    });
  });

  it("links the Changes section to CHANGELOG.md beside the page, over http and from the file", async () => {
    for (const [base, beside] of [
      [`${docs.url()}/`, `${docs.url()}/CHANGELOG.md`],
      [fileUrl, pathToFileURL(join(docsDir, "CHANGELOG.md")).href],
    ] as const) {
      const page = await docs.open(`${base}#/changes`);
      const link = page.locator('[id="changes"] a', { hasText: "changelog" });
      expect(await link.evaluate((a) => (a as HTMLAnchorElement).href)).toBe(beside);
      await page.close();
    }
    // The build copies the project's changelog there; until a first release writes one there is
    // none, and the server says so rather than answering with the page.
    const answer = await fetch(`${docs.url()}/CHANGELOG.md`);
    if (existsSync(changelog)) {
      expect(answer.status).toBe(200);
      expect(await answer.text()).toBe(readFileSync(changelog, "utf8"));
    } else {
      expect(answer.status).toBe(404);
    }
  });

  it("loaded nothing from another host, and logged no error but the blocked badge's", () => {
    expect(docs.watch.outsideRequests).toEqual([]);
    expect(docs.watch.unexpectedErrors()).toEqual([]);
  });
});
