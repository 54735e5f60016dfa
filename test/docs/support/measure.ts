// What a reader would call cut: content past a block's edge with no scrollbar they can see.
import type { Page } from "playwright-core";
import { overflowingBlocks, stripContrast, type Overflow } from "./in-page.ts";

/**
 * WCAG 2.1's least contrast for the parts of a control a reader must see (1.4.11, non-text
 * contrast): a scrollbar thumb fainter than this against its track is as good as none. Redoc's
 * own thumb (#ededf2 on a #f7f7fa panel) is about 1.1:1.
 */
export const visibleContrast = 3;

export interface Cut extends Omit<Overflow, "index" | "strip"> {
  contrast?: number;
}

/**
 * The blocks matching `selector` that are cut. A block whose content is wider (taller) than its
 * box is cut unless a reader can see a scrollbar in that direction: `overflow-x` (`-y`) is `auto`
 * or `scroll`, the scrollbar takes room (at least 1 px: Chromium runs with its scrollbars shown,
 * see browser.ts), and its thumb stands out from its track by `visibleContrast`, measured on a
 * screenshot of the block. A block that sticks out of the page is cut too.
 */
export async function cutBlocks(page: Page, selector: string): Promise<Cut[]> {
  const cut: Cut[] = [];
  for (const { index, strip, ...found } of await page.evaluate(overflowingBlocks, selector)) {
    const scrolls = (found.overflow === "auto" || found.overflow === "scroll") && found.scrollbar >= 1;
    if (!scrolls) {
      cut.push(found);
      continue;
    }
    const png = await page.locator(selector).nth(index).screenshot();
    const contrast = await page.evaluate(stripContrast, { png: `data:image/png;base64,${png.toString("base64")}`, strip });
    if (contrast < visibleContrast) cut.push({ ...found, contrast: Math.round(contrast * 100) / 100 });
  }
  return cut;
}
