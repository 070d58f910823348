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

/** Margin kept between a label and the side of its pane, px. */
const EDGE_PX = 2;

/**
 * Offsets for labels hung under points on the screen (x, y: CSS px; w, h: the label's size) so that
 * no two overlap and none leaves the pane at its sides (`width`): each is first slid inward if it
 * would cross a side; then, taken left to right, each hangs at the first drop, in steps of its own
 * height, that clears the ones already placed. Returns [dx, drop] per label, in the order given.
 */
export function stackLabels(items: readonly { x: number; y: number; w: number; h: number }[], width = Infinity): [number, number][] {
  const order = items.map((_, i) => i).sort((a, b) => items[a]!.x - items[b]!.x);
  const placed: ScreenBox[] = [];
  const out = items.map((): [number, number] => [0, LABEL_DROP_PX]);
  for (const i of order) {
    const { y, w, h } = items[i]!;
    // Inside the pane where it fits; a label wider than the pane keeps its left edge in.
    const x = Math.max(w / 2 + EDGE_PX, Math.min(items[i]!.x, width - w / 2 - EDGE_PX));
    let drop = LABEL_DROP_PX;
    for (let tries = 0; tries < items.length; tries++) {
      const box = { x0: x - w / 2, x1: x + w / 2, y0: y + drop - h / 2, y1: y + drop + h / 2 };
      const hit = placed.find((b) => b.x0 < box.x1 + LABEL_GAP_PX && box.x0 < b.x1 + LABEL_GAP_PX && b.y0 < box.y1 + LABEL_GAP_PX && box.y0 < b.y1 + LABEL_GAP_PX);
      if (!hit) break;
      drop = hit.y1 + LABEL_GAP_PX + h / 2 - y;
    }
    out[i] = [x - items[i]!.x, drop];
    placed.push({ x0: x - w / 2, x1: x + w / 2, y0: y + drop - h / 2, y1: y + drop + h / 2 });
  }
  return out;
}
