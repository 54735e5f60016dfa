// The built reference in a real browser (Debian's Chromium, driven by playwright-core), with
// every request to another host blocked and recorded: the page must be self-contained, list
// and render the five operations with their samples, open each by its link (and by the link
// the Redoc pages had), find things, and keep notes for maintainers off the operations.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../scripts/redocly.ts";
import { hasChromium, useDocsInChromium } from "./support/browser.ts";
import { exampleCaptions, operationsInDocs, sectionOf } from "./support/docs-spec.ts";

/**
 * What reads as a note for maintainers rather than for a client's author: the "Decisions on
 * Amazon's page" the operations carried, corrections of Amazon's examples, this repository and
 * its mock.
 */
const maintainerNote = /Decisions on|Amazon's (page|example|parameter table|curl)|copied from|copy-paste|this (project|repository)|our (mock|client)|npm (start|run|ci)|\bthe mock\b/i;

describe.skipIf(!hasChromium)("the reference docs in Chromium", () => {
  const docs = useDocsInChromium();

  it("lists the five operations in the navigation, by their links", async () => {
    const page = await docs.open(docs.url());
    // The groups open as a reader opens them: Operations, then each tag.
    for (const group of ["tag-group/operations", "tag/albums", "tag/library"]) await page.locator(`a[href="#${group}"]`).first().click();
    await expect
      .poll(() => page.locator('a[href^="#tag/"]').evaluateAll((as) => as.map((a) => a.getAttribute("href"))))
      .toEqual(expect.arrayContaining(operationsInDocs.map((o) => o.link)));
    await page.close();
  });

  it.each(operationsInDocs.flatMap((op) => [{ ...op, by: "link", hash: op.link }, { ...op, by: "Redoc link", hash: op.oldLink }]))(
    "opens $operationId by its $by $hash, with its parameters, responses and samples in curl, TypeScript and Python",
    async (op) => {
      const page = await docs.open(`${docs.url()}/${op.hash}`);
      const section = page.locator(sectionOf(op.anchor)).first();
      const heading = section.getByRole("heading", { name: op.summary });
      // Opened: its heading is scrolled into view.
      await expect.poll(async () => (await heading.boundingBox())?.y ?? -1).toBeGreaterThanOrEqual(0);
      expect((await heading.boundingBox())?.y).toBeLessThan(900);
      expect(page.url()).toMatch(new RegExp(`${op.link}$`));

      const text = await section.innerText();
      for (const parameter of op.parameters) expect(text).toMatch(new RegExp(`^${parameter}$`, "m"));
      for (const status of op.statuses) expect(text).toMatch(new RegExp(`^${status}$`, "m"));
      // The samples: curl first, as the description writes it; the menu offers TypeScript and Python.
      expect(text).toContain(op.samples[0]?.source.split("\n")[0]);
      await section.getByRole("button", { name: /Change code sample language/ }).click();
      const menu = page.getByRole("listbox");
      expect(await menu.getByRole("option").allInnerTexts()).toEqual(["curl", "TypeScript", "Python"]);
      await menu.getByRole("option", { name: "TypeScript" }).click();
      await expect.poll(() => section.innerText()).toContain("createAlbumsClient");
      await page.close();
    },
  );

  it("keeps notes for maintainers off every operation and every example's caption", async () => {
    const page = await docs.open(docs.url());
    const notes: Record<string, string[]> = {};
    for (const op of operationsInDocs) {
      // Scalar renders an operation as the reader comes to it.
      await page.evaluate((hash) => {
        location.hash = hash;
      }, op.link);
      const text = await page.locator(sectionOf(op.anchor)).first().innerText();
      notes[op.operationId] = text.split("\n").filter((line) => maintainerNote.test(line));
    }
    expect(notes).toEqual(Object.fromEntries(operationsInDocs.map((op) => [op.operationId, []])));
    expect(exampleCaptions.length).toBeGreaterThan(10);
    expect(exampleCaptions.filter((caption) => maintainerNote.test(caption))).toEqual([]);
    await page.close();
  });

  it("links the Differences page once, from the introduction; it holds openapi/README.md's sections and the local mock", async () => {
    const page = await docs.open(docs.url());
    expect(await page.locator('a[href$="differences.html"]').count()).toBe(1);
    const intro = page.locator('[id$="description/introduction"]').first();
    await intro.locator('a[href$="differences.html"]').click();
    await page.waitForURL(/differences\.html$/);
    const text = await page.locator("body").innerText();
    const readme = readFileSync(join(projectRoot, "openapi", "README.md"), "utf8");
    // Each decision of the README's table, as the README words it (its "Decided" column).
    const decisions = [...readme.matchAll(/^\| \d+ \| .+? \| (.+?) \| .+ \|$/gm)].map((m) => (m[1] as string).replace(/`/g, ""));
    expect(decisions.length).toBeGreaterThanOrEqual(7);
    for (const decision of decisions) expect(text).toContain(decision);
    for (const heading of ["Where Amazon's page contradicts itself, and what this description decided", "Where this description differs from Amazon's page", "The local mock"]) {
      expect(await page.getByRole("heading", { name: heading }).count()).toBe(1);
    }
    // The Redoc pages' link to the local mock's section lands there.
    await page.goto(`${docs.url()}/#/local-mock`);
    await page.waitForURL(/differences\.html#local-mock$/);
    await page.close();
  });

  it("finds the library operations when searching for 'library'", async () => {
    const page = await docs.open(docs.url());
    await page.getByRole("button", { name: /Search/ }).first().click();
    await page.keyboard.type("library");
    const results = page.getByRole("dialog");
    for (const summary of ["List the albums in the user's library", "Save an album to the user's library", "Remove an album from the user's library"]) {
      await results.getByText(summary).first().waitFor();
    }
    await page.close();
  });

  // After the pages above: what they asked of the outside world, and what they logged.
  it("loaded nothing from another host, and logged no error", () => {
    expect(docs.watch.outsideRequests).toEqual([]);
    expect(docs.watch.consoleErrors).toEqual([]);
  });
});
