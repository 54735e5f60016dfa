// Debian's Chromium, driven by playwright-core (`npx playwright install` cannot download here),
// with the flags that keep it from reaching out on its own. Missing: skipped with what to install,
// except under CI=true.
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";
import { missingTools } from "./tools.ts";

export const chromiumPath = "/usr/bin/chromium";

/** Why the browser tests of `what` cannot run here, or undefined when they can. Throws under CI=true. */
export function missingChromium(what: string): string | undefined {
  return missingTools(what, { chromium: existsSync(chromiumPath) ? chromiumPath : undefined }, "sudo apt-get install chromium");
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"],
  });
}
