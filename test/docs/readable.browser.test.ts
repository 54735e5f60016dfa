// Docs a reader can read, measured in Chromium at a laptop's width and a phone's: no code (a
// sample in any language, a response example, the guide's) cut at the panel's edge or hidden
// under its copy button, no error code split over two lines. Screenshots of both widths are
// saved beside the page (dist/docs/screenshot-<width>.png) for a person to look at.
import { join } from "node:path";
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { docsDir } from "../../scripts/docs.ts";
import { hasChromium, useDocsInChromium } from "./support/browser.ts";
import { guideSections, operationsInDocs } from "./support/docs-spec.ts";
import { splitOverLines, textUnderButtons } from "./support/in-page.ts";
import { cutBlocks } from "./support/measure.ts";

const widths = [1440, 390];
const languages = ["curl", "TypeScript", "Python"];

/** Everything in `within` that is cut or hidden: code blocks, tables, and text under copy buttons. */
async function unreadable(page: Page, within: string): Promise<unknown[]> {
  const cut = await cutBlocks(page, `${within} pre, ${within} .md-table-wrapper`);
  const covered = await page.evaluate(textUnderButtons);
  return [...cut, ...covered];
}

/** Picks a language in the request samples' menu, whichever one is shown now. */
async function showSamplesIn(page: Page, section: Locator, language: string): Promise<void> {
  const samples = section.locator(".panel-request-samples");
  // Its menu opens below the button, fixed: with the button at the screen's bottom edge (where
  // a click's scrolling leaves it on a phone) the menu would be off screen. A reader scrolls first.
  await samples.evaluate((panel) => panel.scrollIntoView({ block: "start" }));
  await samples.locator('[data-component-name="Dropdown/Dropdown"] button', { hasText: new RegExp(`^(${languages.join("|")})$`) }).click();
  await page.getByRole("menu").filter({ hasText: "TypeScript" }).getByText(language, { exact: true }).click();
  await samples.locator('[data-component-name="Dropdown/Dropdown"] button', { hasText: new RegExp(`^${language}$`) }).waitFor();
}

describe.skipIf(!hasChromium)("the reference docs, read in Chromium", () => {
  const docs = useDocsInChromium();

  describe.each(widths)("%i px wide", (width) => {
    it.each(operationsInDocs)("shows all of $operationId's samples and response examples", async (op) => {
      const page = await docs.open(`${docs.url()}/#/${op.anchor}`, width);
      const within = `[id="${op.anchor}"]`;
      const section = page.locator(within);
      await section.locator("pre").first().waitFor();

      const found: Record<string, unknown[]> = {};
      for (const language of languages) {
        await showSamplesIn(page, section, language);
        found[language] = await unreadable(page, within);
      }
      // Every response example, unfolded: the deepest lines are the longest.
      const responses = section.locator(".panel-response-samples");
      for (const status of op.statuses) {
        await responses.getByRole("button", { name: status, exact: true }).click();
        const expand = responses.getByRole("button", { name: "Expand all" });
        if (await expand.count()) await expand.click();
        found[status] = await unreadable(page, within);
      }
      expect(found).toEqual(Object.fromEntries(Object.keys(found).map((key) => [key, []])));
      await page.close();
    });

    it("shows the guide whole, and each error code of the Errors table on one line", async () => {
      const page = await docs.open(`${docs.url()}/#/errors`, width);
      await page.locator('[data-section-id="/errors"] table code').first().waitFor();
      const guide = guideSections.map((s) => `[data-section-id="/${s.anchor}"]`).join(", ");
      expect(await cutBlocks(page, `:is(${guide}) :is(pre, .md-table-wrapper)`)).toEqual([]);
      const codes = await page.evaluate(splitOverLines, '[data-section-id="/errors"] table code');
      expect(codes).toEqual([]);
      // The measure sees them: it is not passing over an empty table.
      expect(await page.locator('[data-section-id="/errors"] table code').count()).toBeGreaterThanOrEqual(10);
      // And each row reads without scrolling sideways, codes whole and meanings in lines of words.
      const table = page.locator('[data-section-id="/errors"] .md-table-wrapper');
      expect(await table.evaluate((wrapper) => wrapper.scrollWidth - wrapper.clientWidth)).toBeLessThanOrEqual(1);
      await page.close();
    });

    it("copies a wrapped sample as the description writes it, line for line", async () => {
      const op = operationsInDocs.find((o) => o.operationId === "getLibraryAlbums");
      const page = await docs.open(`${docs.url()}/#/${op?.anchor}`, width);
      await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: docs.url() });
      const samples = page.locator(`[id="${op?.anchor}"] .panel-request-samples`);
      await samples.evaluate((panel) => panel.scrollIntoView({ block: "start" }));
      await samples.locator('[data-component-name="CodeBlock/CodeBlock"] [data-testid="copy-button"]').click();
      // The page writes the clipboard asynchronously, after the click has returned.
      const copied = () => page.evaluate(() => navigator.clipboard.readText()).then((text) => text.trim());
      await expect.poll(copied, { timeout: 15_000 }).toBe(op?.samples[0]?.source.trim());
      await page.close();
    });

    it("saves a screenshot of an operation's samples, for a person to look at", async () => {
      const page = await docs.open(`${docs.url()}/#/library/getlibraryalbums`, width);
      const samples = page.locator('[id="library/getlibraryalbums"] .panel-request-samples');
      await samples.locator("pre").waitFor();
      // One screen, as a reader has it (Redoc's sticky menu makes a full-page capture meaningless).
      // Side by side, the samples are beside the operation's heading; on a phone, after it: scroll.
      if (width < 1000) await samples.evaluate((panel) => panel.scrollIntoView({ block: "start" }));
      await expect.poll(() => page.getByTestId("search-trigger").textContent()).not.toContain("Loading");
      await page.screenshot({ path: join(docsDir, `screenshot-${width}.png`) });
      await page.close();
    });
  });

  it("loaded nothing from another host, and logged no error but the blocked badge's", () => {
    expect(docs.watch.outsideRequests).toEqual([]);
    expect(docs.watch.unexpectedErrors()).toEqual([]);
  });
});
