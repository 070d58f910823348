/**
 * The fracture as it is drawn on the cut face: a jagged line of compacted bone under each endplate
 * that collapsed, spanning the part of the body the fracture shape takes height from (wedge: the
 * front, growing toward the anterior wall; biconcave: the middle of both endplates; crush: the whole
 * superior endplate), deeper and rougher for higher grades. Intact positions, assembled-spine frame
 * (mm); the fracture deformation then moves it with the bone.
 */
import type { FractureParams } from './fracture.ts';
import { heightLossAt } from './fracture.ts';
import { createRandom } from '../random.ts';
import { HEIGHT_INSET_MM, vertebraTransform } from './spineLayout.ts';
import { apply, type Vec3 } from './vec.ts';
import { vertebraGeometry } from './vertebraGeometry.ts';
import { bodyHalfHeight } from './vertebralBody.ts';

/** Points along a line, mm apart. [U] visual. */
const STEP_MM = 0.9;
/** Depth of the line under the endplate: a fixed gap plus a share of the local height lost. [U] visual. */
const GAP_MM = 1.6;
const DEPTH_PER_LOSS = 0.35;

/** Polylines of the fracture at local x = `xLocal` (the cut plane), spine frame, mm. */
export function fractureLines(f: FractureParams, xLocal: number): Vec3[][] {
  const g = vertebraGeometry(f.level);
  const toSpine = vertebraTransform(f.level);
  const random = createRandom(f.grade * 31 + f.shape.length);
  // Rougher for worse fractures: a zig-zag of a few tenths of a millimetre per grade.
  const rough = 0.35 * f.grade;
  const zp = g.zPosterior + HEIGHT_INSET_MM / 2;
  const za = g.zAnterior - HEIGHT_INSET_MM / 2;
  const endplates: (1 | -1)[] = f.shape === 'biconcave' ? [1, -1] : [1];
  const lines: Vec3[][] = [];
  for (const side of endplates) {
    let current: Vec3[] = [];
    for (let z = zp; z <= za; z += STEP_MM) {
      const hh = bodyHalfHeight(g, z);
      // Height lost here (mm): share of the body height at this depth.
      const lost = heightLossAt(f, xLocal, z) * 2 * hh;
      if (lost < 0.3) {
        if (current.length > 1) lines.push(current);
        current = [];
        continue;
      }
      const depth = GAP_MM + DEPTH_PER_LOSS * lost + (random() - 0.5) * 2 * rough;
      current.push(apply(toSpine, [xLocal, side * (hh - depth), z]));
    }
    if (current.length > 1) lines.push(current);
  }
  return lines;
}
