/**
 * Screen placement of labels that hang under points in the 3D view (the height markers): pure
 * arithmetic on CSS pixels, so the rule is tested without a browser.
 */
/** How far under its point a label first hangs, and the gap between stacked labels, px. */
const LABEL_DROP_PX = 22;
const LABEL_GAP_PX = 3;

/** Margin kept between a label and the side of its pane, px. */
const EDGE_PX = 2;

/** A label hung under a point on the screen: x, y in CSS px; w, h its size. */
export interface LabelItem {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Working arrays for `stackLabelsInto`, made once for up to `capacity` labels. */
export interface LabelStackScratch {
  readonly order: Int32Array;
  /** Placed boxes, four numbers each (x0, x1, y0, y1), in placing order. */
  readonly placed: Float64Array;
  /** The answer: [dx, drop] per label, in the order given. */
  readonly out: Float64Array;
}

export function labelStackScratch(capacity: number): LabelStackScratch {
  return { order: new Int32Array(capacity), placed: new Float64Array(capacity * 4), out: new Float64Array(capacity * 2) };
}

/**
 * Offsets for labels hung under points on the screen so that no two overlap and none leaves the pane
 * at its sides (`width`): each is first slid inward if it would cross a side; then, taken left to
 * right, each hangs at the first drop, in steps of its own height, that clears the ones already
 * placed. Writes [dx, drop] per label into `scratch.out` (in the order given) and returns it; makes
 * nothing new, so the frame loop can call it every frame.
 */
export function stackLabelsInto(items: readonly LabelItem[], width: number, scratch: LabelStackScratch): Float64Array {
  const n = items.length;
  const { order, placed, out } = scratch;
  // Left to right; labels at the same x keep their given order (an insertion sort is stable).
  for (let i = 0; i < n; i++) {
    let k = i;
    while (k > 0 && items[order[k - 1]!]!.x > items[i]!.x) {
      order[k] = order[k - 1]!;
      k--;
    }
    order[k] = i;
  }
  for (let p = 0; p < n; p++) {
    const i = order[p]!;
    const { y, w, h } = items[i]!;
    // Inside the pane where it fits; a label wider than the pane keeps its left edge in.
    const x = Math.max(w / 2 + EDGE_PX, Math.min(items[i]!.x, width - w / 2 - EDGE_PX));
    const x0 = x - w / 2;
    const x1 = x + w / 2;
    let drop = LABEL_DROP_PX;
    for (let tries = 0; tries < n; tries++) {
      const y0 = y + drop - h / 2;
      const y1 = y + drop + h / 2;
      // The first box placed that this one would touch, if any.
      let hit = -1;
      for (let b = 0; b < p && hit < 0; b++) {
        const o = b * 4;
        if (placed[o]! < x1 + LABEL_GAP_PX && x0 < placed[o + 1]! + LABEL_GAP_PX && placed[o + 2]! < y1 + LABEL_GAP_PX && y0 < placed[o + 3]! + LABEL_GAP_PX) hit = o;
      }
      if (hit < 0) break;
      drop = placed[hit + 3]! + LABEL_GAP_PX + h / 2 - y;
    }
    out[i * 2] = x - items[i]!.x;
    out[i * 2 + 1] = drop;
    const o = p * 4;
    placed[o] = x0;
    placed[o + 1] = x1;
    placed[o + 2] = y + drop - h / 2;
    placed[o + 3] = y + drop + h / 2;
  }
  return out;
}

/** `stackLabelsInto` as a list of [dx, drop] pairs (for tests and one-off use). */
export function stackLabels(items: readonly LabelItem[], width = Infinity): [number, number][] {
  const out = stackLabelsInto(items, width, labelStackScratch(items.length));
  return items.map((_, i): [number, number] => [out[i * 2]!, out[i * 2 + 1]!]);
}
