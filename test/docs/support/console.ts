// Scalar's console as a reader drives it: credentials typed once in the introduction's
// Authentication box, then an operation's "Test Request", its Send button, and what comes back.
import type { Page } from "playwright-core";
import { expect } from "vitest";
import { sectionOf } from "./docs-spec.ts";

/** Types both credentials once, in the introduction: every request from the page carries them. */
export async function typeCredentials(page: Page, apiKey: string, token: string): Promise<void> {
  await page.getByLabel("Value", { exact: true }).first().fill(apiKey);
  await page.getByLabel("Bearer Token", { exact: true }).first().fill(token);
}

export interface Answer {
  status: string;
  /** The dialog's text once the answer is in: status, headers and body. */
  text: string;
}

/**
 * Opens an operation (a same-page link: the credentials stay), presses its "Test Request",
 * sets the parameters given (path variables and query parameters, by name; `null` leaves a
 * query parameter out), sends, and reads the answer with its response headers unfolded.
 */
export async function send(page: Page, anchor: string, parameters: Record<string, string | null> = {}): Promise<Answer> {
  await page.evaluate((hash) => {
    location.hash = hash;
  }, anchor);
  const section = page.locator(sectionOf(anchor)).first();
  await section.getByRole("button", { name: /^Test Request/ }).click();
  const dialog = page.getByRole("dialog");
  for (const [name, value] of Object.entries(parameters)) {
    if (value === null) {
      await dialog.getByRole("checkbox", { name: `Include ${name} in request` }).uncheck();
      continue;
    }
    const row = dialog.locator("tr", { has: page.locator('[aria-label*="Key"]', { hasText: new RegExp(`^${name}$`) }) }).first();
    await row.locator('[aria-label*="Value"]').fill(value);
  }
  await dialog.getByRole("button", { name: /^Send/ }).first().click();
  // The answer replaces the placeholder: "Status: 200 OK" among its figures.
  await expect.poll(async () => /Status:\s*\d{3}/.test(await dialog.innerText()), { timeout: 15_000 }).toBe(true);
  await dialog.getByRole("button", { name: /Response Headers/ }).click();
  const text = await dialog.innerText();
  const status = /Status:\s*(\d{3})/.exec(text)?.[1] ?? "";
  return { status, text };
}

/** Closes the console, as Escape does. */
export async function closeConsole(page: Page): Promise<void> {
  await page.keyboard.press("Escape");
  await page.getByRole("dialog").waitFor({ state: "detached" });
}
