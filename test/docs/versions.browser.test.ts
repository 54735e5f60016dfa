// Finding one's way in the docs, in Chromium at a laptop's width and a phone's, over http and
// from the files themselves: the title and its version, the version menu with every release's
// reference one choice away (and back), the guide's sections by their links old and new, and
// the changelog beside the pages.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { docsDir, docsPage } from "../../scripts/docs.ts";
import { projectRoot } from "../../scripts/redocly.ts";
import { siteVersions } from "../../scripts/docs/site.ts";
import { hasChromium, useDocsInChromium, widths } from "./support/browser.ts";
import { guideSections, info } from "./support/docs-spec.ts";

const fileUrl = pathToFileURL(docsPage).href;
const versions = siteVersions();
/** A release with a page of its own (not the working description's): 1.0.0 while 2.0.0 is drafted. */
const release = versions.find((v) => v.dir !== "");

/** What the version menu offers, and which entry is this page's. */
const menuOf = (page: Page) =>
  page.locator("#docs-version").evaluate((select) => ({
    labels: [...(select as HTMLSelectElement).options].map((o) => o.text),
    selected: (select as HTMLSelectElement).selectedOptions[0]?.text,
  }));

/** The version Scalar shows beside the heading. */
const badge = (page: Page) => page.getByText(/^v\d+\.\d+\.\d+$/).first().innerText();

describe.skipIf(!hasChromium)("finding one's way in the reference docs, in Chromium", () => {
  const docs = useDocsInChromium();
  const bases = () => [
    { over: "http", base: `${docs.url()}/index.html` },
    { over: "file", base: fileUrl },
  ];

  it("has a release to offer: releases/ holds one whose bundle is not the working one", () => {
    expect(release?.dir).toMatch(/^releases\/\d+\.\d+\.\d+\/$/);
  });

  describe.each(widths)("%i px wide", (width) => {
    it.each(["http", "file"])("shows the title with its version, and a menu of every version, over %s", async (over) => {
      const { base } = bases().find((b) => b.over === over) as { base: string };
      const page = await docs.open(base, width);
      expect(await page.title()).toBe(`${info.title} (${info.version})`);
      await expect.poll(() => page.getByRole("heading", { level: 1 }).first().innerText()).toBe(info.title);
      expect(await badge(page)).toBe(`v${info.version}`);
      expect(await menuOf(page)).toEqual({ labels: versions.map((v) => v.label), selected: versions[0]?.label });
      await page.close();
    });

    it.each(["http", "file"])("opens a release's reference with one choice in the version menu, and comes back, over %s", async (over) => {
      const { base } = bases().find((b) => b.over === over) as { base: string };
      const page = await docs.open(base, width);
      await page.locator("#docs-version").selectOption({ label: release?.label as string });
      await page.waitForURL(new RegExp(`${release?.dir}index\\.html$`));
      await page.locator("html[data-docs-ready=true]").waitFor({ state: "attached" });
      expect(await badge(page)).toBe(`v${release?.version}`);
      expect((await menuOf(page)).selected).toBe(release?.label);
      // Its changelog is the one beside the working description's page, not a copy.
      expect(await page.locator("#docs-changelog").evaluate((a) => (a as HTMLAnchorElement).href)).toBe(new URL("CHANGELOG.md", base).href);
      await page.locator("#docs-version").selectOption({ index: 0 });
      await page.waitForURL((url) => url.href.replace(/#.*/, "") === base);
      await page.close();
    });
  });

  it.each(guideSections.flatMap((section) => bases().flatMap(({ over }) => [{ ...section, over, by: "link", hash: section.link }, { ...section, over, by: "Redoc link", hash: section.oldLink }])))(
    "opens the guide's $label by its $by $hash over $over",
    async (section) => {
      const { base } = bases().find((b) => b.over === section.over) as { base: string };
      const page = await docs.open(base + section.hash, 390);
      const heading = page.locator(`[id$="/${section.anchor}"], [id="${section.anchor}"]`).getByRole("heading", { name: section.label, exact: true }).first();
      await expect.poll(async () => (await heading.boundingBox())?.y ?? -1).toBeGreaterThanOrEqual(0);
      expect((await heading.boundingBox())?.y).toBeLessThan(900 / 2);
      await page.close();
    },
  );

  it("links the changelog beside the page, from the bar and from the Changes section, and serves it as text", async () => {
    const page = await docs.open(`${docs.url()}/#tag/changes`);
    const inSection = page.locator('[id$="/tag/changes"] a', { hasText: "changelog" }).first();
    for (const link of [page.locator("#docs-changelog"), inSection]) {
      expect(await link.evaluate((a) => (a as HTMLAnchorElement).href)).toBe(`${docs.url()}/CHANGELOG.md`);
    }
    await page.close();
    const answer = await fetch(`${docs.url()}/CHANGELOG.md`);
    const changelog = join(projectRoot, "CHANGELOG.md");
    if (existsSync(changelog)) {
      expect(answer.headers.get("content-type")).toBe("text/plain; charset=utf-8");
      expect(await answer.text()).toBe(readFileSync(changelog, "utf8"));
      expect(readFileSync(join(docsDir, "CHANGELOG.md"), "utf8")).toBe(readFileSync(changelog, "utf8"));
    } else {
      // Until a first release writes one there is none, and the server says so rather than answering with the page.
      expect(answer.status).toBe(404);
    }
  });

  it("loaded nothing from another host, and logged no error", () => {
    expect(docs.watch.outsideRequests).toEqual([]);
    expect(docs.watch.consoleErrors).toEqual([]);
  });
});
