/**
 * Fitting a shot's frame into the part of a pane that nothing covers (X-ray pictures, titles,
 * panels): the largest free rectangle for the frame's shape, the scale that fits the frame in it,
 * and the camera distance that gives that scale. Pure maths on CSS pixels (origin top-left).
 */

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** The part of `a` inside `b`, or null. */
export function intersect(a: Box, b: Box): Box | null {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const right = Math.min(a.x + a.width, b.x + b.width);
  const bottom = Math.min(a.y + a.height, b.y + b.height);
  return right > x && bottom > y ? { x, y, width: right - x, height: bottom - y } : null;
}

/**
 * The free rectangle of `pane` (no occluder inside it) that holds a frame of `frameW`×`frameH` at
 * the largest scale. Candidate edges are the pane's and the occluders' edges, so the answer is exact
 * for axis-aligned occluders. Ties go to the larger area, then to the first found.
 */
export function largestFreeBox(pane: Box, occluders: readonly Box[], frameW: number, frameH: number): Box {
  const inside = occluders.map((o) => intersect(o, pane)).filter((o): o is Box => o !== null);
  if (inside.length === 0) return pane;
  const xs = [pane.x, pane.x + pane.width];
  const ys = [pane.y, pane.y + pane.height];
  for (const o of inside) {
    xs.push(o.x, o.x + o.width);
    ys.push(o.y, o.y + o.height);
  }
  const ux = [...new Set(xs)].sort((a, b) => a - b);
  const uy = [...new Set(ys)].sort((a, b) => a - b);
  let best: Box = { x: pane.x, y: pane.y, width: 0, height: 0 };
  let bestScale = -1;
  let bestArea = -1;
  for (let i = 0; i < ux.length; i++) {
    for (let j = i + 1; j < ux.length; j++) {
      const width = ux[j]! - ux[i]!;
      if (width / frameW < bestScale) continue;
      for (let k = 0; k < uy.length; k++) {
        for (let l = k + 1; l < uy.length; l++) {
          const box = { x: ux[i]!, y: uy[k]!, width, height: uy[l]! - uy[k]! };
          const scale = Math.min(box.width / frameW, box.height / frameH);
          const area = box.width * box.height;
          if (scale < bestScale || (scale === bestScale && area <= bestArea)) continue;
          if (inside.some((o) => overlaps(o, box))) break; // taller boxes from this top edge overlap too
          best = box;
          bestScale = scale;
          bestArea = area;
        }
      }
    }
  }
  return best;
}

/** Share of the free box the frame may fill, so the subject never touches an occluder's edge. */
export const FRAME_FILL = 0.94;

/** Pixels per millimetre at which a frame fits a free box. */
export function fitScale(free: Box, frameMm: readonly [number, number]): number {
  return (FRAME_FILL * Math.min(free.width / frameMm[0], free.height / frameMm[1]));
}

/**
 * Camera distance (mm) at which `pxPerMm` holds at the focus, for a perspective camera of vertical
 * field of view `fovDeg` drawing into a view `viewHeightPx` tall.
 */
export function distanceFor(pxPerMm: number, viewHeightPx: number, fovDeg: number): number {
  return viewHeightPx / (2 * Math.tan((fovDeg * Math.PI) / 360) * pxPerMm);
}
