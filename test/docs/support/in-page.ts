// Measurements that run inside the docs page (page.evaluate): each reads only its argument and
// the document, so Playwright can send it to the browser as it is.

/** A block whose content goes past its box in one direction (or past the page's edge). */
export interface Overflow {
  /** Its position among the blocks matching the selector, for a locator's nth(). */
  index: number;
  block: string;
  axis: "x" | "y" | "page";
  content: number;
  box: number;
  overflow: string;
  /** The room its scrollbar takes in that direction, in px (0: none a reader could use). */
  scrollbar: number;
  /** Where that scrollbar is drawn, in px from the block's top left corner. */
  strip: { x: number; y: number; width: number; height: number };
}

/** The rendered blocks matching `selector` whose content is wider or taller than their box. */
export function overflowingBlocks(selector: string): Overflow[] {
  const found: Overflow[] = [];
  const pageWidth = document.documentElement.clientWidth;
  [...document.querySelectorAll<HTMLElement>(selector)].forEach((block, index) => {
    if (block.clientWidth === 0 && block.clientHeight === 0) return;
    const style = getComputedStyle(block);
    const border = { top: parseFloat(style.borderTopWidth), right: parseFloat(style.borderRightWidth), bottom: parseFloat(style.borderBottomWidth), left: parseFloat(style.borderLeftWidth) };
    const name = `${block.tagName.toLowerCase()} "${(block.textContent ?? "").trim().slice(0, 60)}"`;
    const barX = block.offsetHeight - block.clientHeight - border.top - border.bottom;
    const barY = block.offsetWidth - block.clientWidth - border.left - border.right;
    // 1 px of slack: sub-pixel layout rounds scroll and client sizes apart.
    if (block.scrollWidth > block.clientWidth + 1) {
      const strip = { x: border.left, y: border.top + block.clientHeight, width: block.clientWidth, height: barX };
      found.push({ index, block: name, axis: "x", content: block.scrollWidth, box: block.clientWidth, overflow: style.overflowX, scrollbar: barX, strip });
    }
    if (block.scrollHeight > block.clientHeight + 1) {
      const strip = { x: border.left + block.clientWidth, y: border.top, width: barY, height: block.clientHeight };
      found.push({ index, block: name, axis: "y", content: block.scrollHeight, box: block.clientHeight, overflow: style.overflowY, scrollbar: barY, strip });
    }
    const rect = block.getBoundingClientRect();
    if (rect.left < -1 || rect.right > pageWidth + 1) {
      found.push({ index, block: name, axis: "page", content: Math.round(rect.right), box: pageWidth, overflow: "", scrollbar: 0, strip: { x: 0, y: 0, width: 0, height: 0 } });
    }
  });
  return found;
}

/**
 * The contrast (WCAG's ratio, 1 to 21) between the most common colour of a strip of a PNG (the
 * scrollbar's track, or the block behind it) and the colour that stands out most from it (the
 * thumb). Decoded here because the browser has a PNG decoder and the test's Node has none.
 */
export async function stripContrast({ png, strip }: { png: string; strip: Overflow["strip"] }): Promise<number> {
  const image = new Image();
  image.src = png;
  await image.decode();
  const canvas = document.createElement("canvas");
  canvas.width = image.width;
  canvas.height = image.height;
  const context = canvas.getContext("2d") as CanvasRenderingContext2D;
  context.drawImage(image, 0, 0);
  const { data } = context.getImageData(Math.floor(strip.x), Math.floor(strip.y), Math.max(1, Math.floor(strip.width)), Math.max(1, Math.floor(strip.height)));
  const counts = new Map<number, number>();
  for (let i = 0; i < data.length; i += 4) {
    const rgb = ((data[i] as number) << 16) | ((data[i + 1] as number) << 8) | (data[i + 2] as number);
    counts.set(rgb, (counts.get(rgb) ?? 0) + 1);
  }
  const luminance = (rgb: number) => {
    const [r, g, b] = [rgb >> 16, (rgb >> 8) & 255, rgb & 255].map((v) => {
      const c = v / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const common = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
  let best = 1;
  for (const rgb of counts.keys()) {
    const [light, dark] = [luminance(rgb), luminance(common)].sort((a, b) => b - a) as [number, number];
    best = Math.max(best, (light + 0.05) / (dark + 0.05));
  }
  return best;
}

/**
 * Text a reader cannot see because something fixed or sticky lies over it (the floating menu
 * button Redoc put over body text on a phone): for each block of text on screen, below the bars
 * stuck to the top of the page, the element at the centre of each of its lines must be the
 * block or inside it. Returns what lies over what.
 */
export function coveredText(): string[] {
  const width = document.documentElement.clientWidth;
  const height = window.innerHeight;
  const stuck = [...document.querySelectorAll<HTMLElement>("body *")].filter((element) => {
    const position = getComputedStyle(element).position;
    return position === "fixed" || position === "sticky";
  });
  // The bars across the top of the page, one under the other: text scrolls under them, as on any page.
  let below = 0;
  for (let grew = true; grew; ) {
    grew = false;
    for (const r of stuck.map((element) => element.getBoundingClientRect())) {
      if (r.width >= width * 0.9 && r.top <= below + 1 && r.bottom > below && r.height < height / 3) {
        below = r.bottom;
        grew = true;
      }
    }
  }
  const covered: string[] = [];
  for (const block of document.querySelectorAll<HTMLElement>("main p, main li, main td, main h1, main h2, main h3, [id$='/description/introduction'] p")) {
    for (const line of block.getClientRects()) {
      if (line.width === 0 || line.height === 0) continue;
      const y = line.top + line.height / 2;
      if (y <= below + 2 || y >= height - 1) continue;
      // Points along the line: a button over its end covers it as much as one over its middle.
      for (const share of [0.05, 0.3, 0.5, 0.7, 0.95]) {
        const x = line.left + line.width * share;
        if (x <= 0 || x >= width) continue;
        const hit = document.elementFromPoint(x, y);
        // Covered by something that stays put as the page scrolls (text clipped by its own box,
        // as Scalar folds a long section under "Show more", is another matter).
        const over = stuck.find((element) => element.contains(hit));
        if (hit && over && !block.contains(hit) && !hit.contains(block) && !over.contains(block)) {
          covered.push(`"${(block.textContent ?? "").trim().slice(0, 50)}" under ${over.tagName.toLowerCase()}.${String(over.className).slice(0, 60)}`);
          break;
        }
      }
    }
  }
  return covered;
}

/** Images that did not load (a badge whose image is blocked shows its text and a gap). */
export function brokenImages(): string[] {
  return [...document.images].filter((image) => !image.complete || image.naturalWidth === 0).map((image) => image.currentSrc || image.src);
}
