/**
 * What a procedure changed, measured on the geometry (not typed in): vertebral body heights on the
 * anterior, middle and posterior lines and the wedge angle, before and after, for the fractured
 * level of a case. Heights are found on the same signed-distance surface the meshes are made from,
 * then moved by the same fracture deformation the app draws.
 */
import type { FractureParams } from '../anatomy/fracture.ts';
import { fractureDeformer, wedgeAngleDeg } from '../anatomy/fracture.ts';
import type { LevelId } from '../anatomy/levels.ts';
import { HEIGHT_INSET_MM, vertebraTransform } from '../anatomy/spineLayout.ts';
import type { Vec3 } from '../anatomy/vec.ts';
import { apply, invert } from '../anatomy/vec.ts';
import { vertebraGeometry } from '../anatomy/vertebraGeometry.ts';
import { vertebraSdf } from '../anatomy/vertebraSdf.ts';
import type { Restoration, SingleProcedure } from '../caseParams.ts';
import { restoredShareFor } from './restoration.ts';

export interface Heights {
  anterior: number;
  middle: number;
  posterior: number;
}

export interface HeightMetrics {
  intactMm: Heights;
  heightBeforeMm: Heights;
  heightAfterMm: Heights;
  wedgeBeforeDeg: number;
  wedgeAfterDeg: number;
  /** Share of the lost height given back on the line the fracture affects most (0..1). */
  restoredShare: number;
}

type Line = [top: Vec3, bottom: Vec3];

/** Top and bottom of the body on a vertical line at depth z (vertebra frame, mm), by bisection on the SDF. */
function bodyLine(id: LevelId, z: number): Line {
  const sdf = vertebraSdf(id);
  const find = (from: number, step: number): number => {
    let y = from;
    while (sdf(0, y, z) > 0 && Math.abs(y) <= 200) y += step;
    let outside = y - step;
    let inside = y;
    for (let i = 0; i < 40; i++) {
      const mid = (outside + inside) / 2;
      if (sdf(0, mid, z) > 0) outside = mid;
      else inside = mid;
    }
    return (outside + inside) / 2;
  };
  return [[0, find(60, -0.25), z], [0, find(-60, 0.25), z]];
}

const lineCache = new Map<LevelId, { anterior: Line; middle: Line; posterior: Line }>();

function measuringLines(id: LevelId) {
  let lines = lineCache.get(id);
  if (!lines) {
    const g = vertebraGeometry(id);
    // The same three lines the anatomy tests measure on (HEIGHT_INSET_MM inside each wall).
    lines = {
      anterior: bodyLine(id, g.zAnterior - HEIGHT_INSET_MM),
      middle: bodyLine(id, (g.zAnterior + g.zPosterior) / 2),
      posterior: bodyLine(id, g.zPosterior + HEIGHT_INSET_MM),
    };
    lineCache.set(id, lines);
  }
  return lines;
}

/** One measuring line as drawn: its ends on the endplates (assembled-spine frame, mm) and its length. */
export interface HeightLine {
  top: Vec3;
  bottom: Vec3;
  mm: number;
}

export type HeightLines = { [K in keyof Heights]: HeightLine };

/**
 * The three measuring lines of a fracture, ready to follow `collapse` (1 as fractured, 0 intact):
 * the ends move with the same deformation the meshes are drawn with. The deformation is linear in
 * the collapse, so each end is found once, intact and collapsed, and blended.
 */
export function prepareHeightLines(fracture: FractureParams): (collapse: number) => HeightLines {
  const toSpine = vertebraTransform(fracture.level);
  const toLocal = invert(toSpine);
  const deform = fractureDeformer(fracture).deform;
  const lines = measuringLines(fracture.level);
  // Local height of a line end, intact and collapsed.
  const ends = (p: Vec3) => ({ p, collapsedY: apply(toLocal, deform(apply(toSpine, p)))[1] });
  const prepared = (['anterior', 'middle', 'posterior'] as const).map((k) => ({ k, top: ends(lines[k][0]), bottom: ends(lines[k][1]) }));
  return (collapse) => {
    const out = {} as HeightLines;
    for (const { k, top, bottom } of prepared) {
      const y = (e: typeof top): number => e.p[1] + (e.collapsedY - e.p[1]) * collapse;
      const yt = y(top);
      const yb = y(bottom);
      out[k] = { top: apply(toSpine, [top.p[0], yt, top.p[2]]), bottom: apply(toSpine, [bottom.p[0], yb, bottom.p[2]]), mm: yt - yb };
    }
    return out;
  };
}

/** Heights with the fracture showing by `collapse` (1 as fractured, 0 intact). */
export function bodyHeights(fracture: FractureParams, collapse: number): Heights {
  const lines = prepareHeightLines(fracture)(collapse);
  return { anterior: lines.anterior.mm, middle: lines.middle.mm, posterior: lines.posterior.mm };
}

/**
 * The measuring line a fracture shape takes most height from, where restoration is read: the front
 * of a wedge, the middle of a biconcave or crush fracture (domain.md §3).
 */
export function keyLine(shape: FractureParams['shape']): 'anterior' | 'middle' {
  return shape === 'wedge' ? 'anterior' : 'middle';
}

export function heightMetrics(procedure: SingleProcedure, fracture: FractureParams, restoration: Restoration): HeightMetrics {
  const share = restoredShareFor(procedure, restoration);
  const intact = bodyHeights(fracture, 0);
  const before = bodyHeights(fracture, 1);
  const after = bodyHeights(fracture, 1 - share);
  const key = keyLine(fracture.shape);
  const lost = intact[key] - before[key];
  return {
    intactMm: intact,
    heightBeforeMm: before,
    heightAfterMm: after,
    wedgeBeforeDeg: wedgeAngleDeg(fracture.level, before.anterior, before.posterior),
    wedgeAfterDeg: wedgeAngleDeg(fracture.level, after.anterior, after.posterior),
    restoredShare: lost > 0 ? (after[key] - before[key]) / lost : 0,
  };
}
