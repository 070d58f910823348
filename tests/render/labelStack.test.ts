import { describe, expect, it } from 'vitest';
import { labelStackScratch, stackLabels, stackLabelsInto } from '../../src/render/labelStack.ts';

type Item = { x: number; y: number; w: number; h: number };

function boxes(items: Item[], offsets: [number, number][]) {
  return items.map((it, i) => {
    const [dx, dy] = offsets[i]!;
    return { x0: it.x + dx - it.w / 2, x1: it.x + dx + it.w / 2, y0: it.y + dy - it.h / 2, y1: it.y + dy + it.h / 2 };
  });
}

const drops = (offsets: [number, number][]) => offsets.map(([, dy]) => dy);

function overlaps(items: Item[], offsets: [number, number][]): boolean {
  const b = boxes(items, offsets);
  return b.some((p, i) => b.some((q, j) => i < j && p.x0 < q.x1 && q.x0 < p.x1 && p.y0 < q.y1 && q.y0 < p.y1));
}

describe('height labels under their points', () => {
  it('labels far apart all hang 22 px under their points', () => {
    const items = [
      { x: 100, y: 200, w: 70, h: 20 },
      { x: 300, y: 210, w: 70, h: 20 },
      { x: 500, y: 190, w: 70, h: 20 },
    ];
    expect(stackLabels(items)).toEqual([[0, 22], [0, 22], [0, 22]]);
  });

  it('labels whose points crowd together (a small pane) are stacked, none over another', () => {
    // The 1280×800 compare end: the middle and back feet 30 px apart, level with each other.
    const items = [
      { x: 340, y: 312, w: 76, h: 22 },
      { x: 290, y: 356, w: 76, h: 22 },
      { x: 258, y: 358, w: 76, h: 22 },
    ];
    const placed = stackLabels(items);
    expect(overlaps(items, [[0, 22], [0, 22], [0, 22]])).toBe(true);
    expect(overlaps(items, placed)).toBe(false);
    // The leftmost keeps its place; the one crowding it hangs just under it: its foot at 356, the
    // placed label ending at 358 + 22 + 11 = 391, a 3 px gap and half its own height: 391 + 3 + 11 - 356.
    expect(drops(placed)[2]).toBe(22);
    expect(drops(placed)[1]).toBe(49);
  });

  it('three labels on one point stack in a column', () => {
    const items = [0, 1, 2].map(() => ({ x: 100, y: 100, w: 60, h: 20 }));
    const placed = stackLabels(items);
    expect(drops(placed).sort((a, b) => a - b)).toEqual([22, 45, 68]);
    expect(overlaps(items, placed)).toBe(false);
  });

  it('a label whose point is near a side of a narrow pane slides inward, still clear of the others', () => {
    // A phone's compare pane, 195 px wide: the front foot 10 px from the right side.
    const items = [
      { x: 185, y: 300, w: 60, h: 18 },
      { x: 150, y: 320, w: 60, h: 18 },
      { x: 120, y: 322, w: 60, h: 18 },
    ];
    const placed = stackLabels(items, 195);
    const b = boxes(items, placed);
    for (const box of b) {
      expect(box.x0).toBeGreaterThanOrEqual(0);
      expect(box.x1).toBeLessThanOrEqual(195);
    }
    // 195 - 2 - 30 = 163: the front label's centre, 22 px left of its foot.
    expect(placed[0]![0]).toBe(-22);
    expect(overlaps(items, placed)).toBe(false);
  });
});

/** The rule as first written (arrays and objects per call), kept as the reference for the in-place one. */
function referenceStack(items: Item[], width = Infinity): [number, number][] {
  const order = items.map((_, i) => i).sort((a, b) => items[a]!.x - items[b]!.x);
  const placed: { x0: number; x1: number; y0: number; y1: number }[] = [];
  const out = items.map((): [number, number] => [0, 22]);
  for (const i of order) {
    const { y, w, h } = items[i]!;
    const x = Math.max(w / 2 + 2, Math.min(items[i]!.x, width - w / 2 - 2));
    let drop = 22;
    for (let tries = 0; tries < items.length; tries++) {
      const box = { x0: x - w / 2, x1: x + w / 2, y0: y + drop - h / 2, y1: y + drop + h / 2 };
      const hit = placed.find((b) => b.x0 < box.x1 + 3 && box.x0 < b.x1 + 3 && b.y0 < box.y1 + 3 && box.y0 < b.y1 + 3);
      if (!hit) break;
      drop = hit.y1 + 3 + h / 2 - y;
    }
    out[i] = [x - items[i]!.x, drop];
    placed.push({ x0: x - w / 2, x1: x + w / 2, y0: y + drop - h / 2, y1: y + drop + h / 2 });
  }
  return out;
}

describe('height labels placed in place, every frame', () => {
  it('give the placements of the reference rule over 2,000 crowded sets, with one scratch reused', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const scratch = labelStackScratch(4);
    for (let round = 0; round < 2000; round++) {
      const n = 1 + Math.floor(random() * 4);
      // Points within 120 px of each other, some on the same x, in a pane 150-400 px wide.
      const width = 150 + random() * 250;
      const items = Array.from({ length: n }, () => ({ x: round % 5 === 0 ? 80 : random() * 160, y: 100 + random() * 60, w: 40 + random() * 80, h: 16 + random() * 10 }));
      const out = stackLabelsInto(items, width, scratch);
      const expected = referenceStack(items, width);
      for (let i = 0; i < n; i++) {
        expect(out[i * 2]).toBe(expected[i]![0]);
        expect(out[i * 2 + 1]).toBe(expected[i]![1]);
      }
    }
  });
});
