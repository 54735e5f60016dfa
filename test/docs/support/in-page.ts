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
 * Code under the buttons Redoc lays over a code block's top right corner (copy; expand and
 * collapse on examples): the characters whose boxes a visible button covers, by line of code.
 * The curl URL's `?limit=20` was under the copy button.
 */
export function textUnderButtons(): string[] {
  const covered: string[] = [];
  for (const block of document.querySelectorAll('[data-component-name="CodeBlock/CodeBlock"]')) {
    const pre = block.querySelector("pre");
    const controls = block.querySelectorAll('[data-component-name="CodeBlock/CodeBlockControls"] button');
    const buttons = [...controls].map((button) => button.getBoundingClientRect()).filter((r) => r.width > 0 && r.height > 0);
    if (!pre || buttons.length === 0) continue;
    const walker = document.createTreeWalker(pre, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? "";
      let under = "";
      for (let i = 0; i < text.length; i++) {
        if (/\s/.test(text[i] as string)) continue;
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const c = range.getBoundingClientRect();
        if (buttons.some((b) => c.right > b.left && c.left < b.right && c.bottom > b.top && c.top < b.bottom)) under += text[i];
      }
      if (under) covered.push(`${under} (of ${text.trim().slice(0, 70)})`);
    }
  }
  return covered;
}

/** The elements matching `selector` that the browser laid out on more than one line. */
export function splitOverLines(selector: string): string[] {
  return [...document.querySelectorAll(selector)]
    .filter((element) => {
      // An inline element gets one box per line it is on.
      const tops = new Set([...element.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
      return tops.size > 1;
    })
    .map((element) => element.textContent ?? "");
}

/**
 * The menu items a reader sees as highlighted: marked active by Redoc (`data-active`), and
 * painted with a background (Redoc's style for the active item, and for the one under the mouse).
 */
export function highlightedMenuItems(): { active: string[]; painted: string[] } {
  const labels = [...document.querySelectorAll<HTMLElement>('[data-testid="menu-item-label"]')];
  const name = (label: HTMLElement) => label.querySelector("[data-text]")?.getAttribute("data-text") ?? (label.textContent ?? "").trim();
  return {
    active: labels.filter((label) => label.dataset.active === "true").map(name),
    painted: labels.filter((label) => !["transparent", "rgba(0, 0, 0, 0)"].includes(getComputedStyle(label).backgroundColor)).map(name),
  };
}
