// The reference docs' figures for `npm run bench -- --only docs`: how long Chromium takes to a
// usable page (Scalar rendered, docs/page.js's mark), served by docs:serve with a cold cache and
// a warm one, and opened from the file; and what the first visit downloads. Timings live here,
// not in the docs tests, whose budgets are bytes and requests.
import { existsSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { chromium, type BrowserContext } from "playwright-core";
import { buildDocs, docsPage, serveDocs } from "../scripts/docs.ts";

const chromiumPath = "/usr/bin/chromium";
const runs = 5;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

/** Milliseconds from navigation to a usable page, and what it took over the wire. */
async function visit(context: BrowserContext, url: string): Promise<{ ms: number; requests: number; transferredBytes: number; decodedBytes: number }> {
  const page = await context.newPage();
  try {
    const started = performance.now();
    await page.goto(url);
    await page.locator("html[data-docs-ready=true]").waitFor({ state: "attached", timeout: 120_000 });
    const ms = Math.round(performance.now() - started);
    const load = await page.evaluate(() => {
      const entries = [...performance.getEntriesByType("navigation"), ...performance.getEntriesByType("resource")] as PerformanceResourceTiming[];
      return { requests: entries.filter((e) => e.transferSize > 0).length, transferredBytes: entries.reduce((s, e) => s + e.transferSize, 0), decodedBytes: entries.reduce((s, e) => s + e.decodedBodySize, 0) };
    });
    return { ms, ...load };
  } finally {
    await page.close();
  }
}

export async function docsBenchmarks() {
  if (!existsSync(chromiumPath)) {
    console.warn(`Skipping the docs benchmark: no Chromium at ${chromiumPath} (sudo apt-get install chromium).`);
    return undefined;
  }
  buildDocs();
  const server = await serveDocs(0);
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"] });
  try {
    const cold: Awaited<ReturnType<typeof visit>>[] = [];
    const warm: Awaited<ReturnType<typeof visit>>[] = [];
    const file: number[] = [];
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      cold.push(await visit(context, `${server.url}/`));
      warm.push(await visit(context, `${server.url}/`));
      file.push((await visit(context, pathToFileURL(docsPage).href)).ms);
      await context.close();
    }
    const first = cold[0] as Awaited<ReturnType<typeof visit>>;
    return {
      usableMs: { servedColdCache: median(cold.map((v) => v.ms)), servedWarmCache: median(warm.map((v) => v.ms)), fromFile: median(file) },
      firstVisit: { requests: first.requests, transferredBytes: first.transferredBytes, decodedBytes: first.decodedBytes },
      secondVisitTransferredBytes: median(warm.map((v) => v.transferredBytes)),
    };
  } finally {
    await browser.close();
    await server.close();
  }
}
