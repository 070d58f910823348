/**
 * Screen placement of labels that hang under points in the 3D view (the height markers): pure
 * arithmetic on CSS pixels, so the rule is tested without a browser.
 */
/** How far under its point a label first hangs, and the gap between stacked labels, px. */
const LABEL_DROP_PX = 22;
const LABEL_GAP_PX = 3;

interface ScreenBox {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/**
 * Drops for labels hung under points on the screen (x, y: CSS px; w, h: the label's size) so that no
 * two overlap: taken left to right, each hangs at the first drop, in steps of its own height, that
 * clears the ones already placed. Returns the drops in the order given.
 */
export function stackLabels(items: readonly { x: number; y: number; w: number; h: number }[]): number[] {
  const order = items.map((_, i) => i).sort((a, b) => items[a]!.x - items[b]!.x);
  const placed: ScreenBox[] = [];
  const drops = new Array<number>(items.length).fill(LABEL_DROP_PX);
  for (const i of order) {
    const { x, y, w, h } = items[i]!;
    let drop = LABEL_DROP_PX;
    for (let tries = 0; tries < items.length; tries++) {
      const box = { x0: x - w / 2, x1: x + w / 2, y0: y + drop - h / 2, y1: y + drop + h / 2 };
      const hit = placed.find((b) => b.x0 < box.x1 + LABEL_GAP_PX && box.x0 < b.x1 + LABEL_GAP_PX && b.y0 < box.y1 + LABEL_GAP_PX && box.y0 < b.y1 + LABEL_GAP_PX);
      if (!hit) break;
      drop = hit.y1 + LABEL_GAP_PX + h / 2 - y;
    }
    drops[i] = drop;
    placed.push({ x0: x - w / 2, x1: x + w / 2, y0: y + drop - h / 2, y1: y + drop + h / 2 });
  }
  return drops;
}
