import { describe, expect, it } from 'vitest';
import { stackLabels } from '../../src/render/labelStack.ts';

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
