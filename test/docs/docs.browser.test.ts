// The built reference docs in a real browser (Debian's Chromium, driven by playwright-core),
// with every request to another host blocked and recorded: the page must be self-contained,
// list and render the five operations, find things, and open each operation by its link.
import { describe, expect, it } from "vitest";
import { hasChromium, useDocsInChromium } from "./support/browser.ts";
import { operationsInDocs } from "./support/docs-spec.ts";

describe.skipIf(!hasChromium)("the reference docs in Chromium", () => {
  const docs = useDocsInChromium();

  it("lists the five operations in the navigation", async () => {
    const page = await docs.open(docs.url());
    // Each tag's operations, read while it is open: opening the next may close it.
    const links = new Set<string | null>();
    for (const tag of ["Albums", "Library"]) {
      await page.locator('[data-component-name="Menu/MenuItem"]', { hasText: new RegExp(`^${tag}$`) }).click();
      await page.locator(`[data-component-name="Menu/MenuItem"] a[href="#/${operationsInDocs.find((o) => o.anchor.startsWith(tag.toLowerCase()))?.anchor}"]`).waitFor();
      for (const href of await page.locator('[data-component-name="Menu/MenuItem"] a').evaluateAll((as) => as.map((a) => a.getAttribute("href")))) links.add(href);
    }
    expect([...links]).toEqual(expect.arrayContaining(operationsInDocs.map((o) => `#/${o.anchor}`)));
    await page.close();
  });

  it.each(operationsInDocs)("opens $operationId by its link, with its parameters, responses and samples", async (op) => {
    const page = await docs.open(`${docs.url()}/#/${op.anchor}`);
    const section = page.locator(`[id="${op.anchor}"]`);
    await section.waitFor();
    // Opened: its heading is scrolled into view.
    const heading = section.getByRole("heading", { name: op.summary });
    const box = await heading.boundingBox();
    expect(box && box.y >= 0 && box.y < 900).toBe(true);

    const text = await section.innerText();
    for (const parameter of op.parameters) expect(text).toMatch(new RegExp(`^${parameter}\\b`, "m"));
    expect(text).toContain("Responses");
    for (const status of op.statuses) expect(text).toMatch(new RegExp(`^${status}$`, "m"));

    // The samples: curl first, and the language menu offers TypeScript and Python.
    expect(text).toMatch(/^curl .*https:\/\/api\.music\.amazon\.dev\/v1\//m);
    await section.locator('[data-component-name="Dropdown/Dropdown"] button', { hasText: /^curl$/ }).click();
    const menu = page.getByRole("menu").filter({ hasText: "TypeScript" });
    expect((await menu.innerText()).split("\n")).toEqual(["curl", "TypeScript", "Python"]);
    await menu.getByText("TypeScript", { exact: true }).click();
    // Redoc swaps the sample after the click has returned: read the section until it has.
    await expect.poll(() => section.innerText(), { timeout: 15_000 }).toContain("createAlbumsClient");
    await page.close();
  });

  it("finds the library operations when searching for 'library'", async () => {
    const page = await docs.open(docs.url());
    await page.getByTestId("search-trigger").click();
    await page.keyboard.type("library");
    const results = page.locator("div", { has: page.locator('input[value="library"], input') }).filter({ hasText: "to navigate" }).last();
    for (const summary of ["List the albums in the user's library", "Save an album to the user's library", "Remove an album from the user's library"]) {
      await results.getByText(summary).first().waitFor();
    }
    await page.close();
  });

  // After the pages above: what they asked of the outside world, and what they logged.
  it("loaded nothing from another host, and logged no error but the blocked badge's", () => {
    expect(docs.watch.outsideRequests).toEqual([]);
    expect(docs.watch.unexpectedErrors()).toEqual([]);
  });
});
