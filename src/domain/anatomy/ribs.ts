/**
 * Simplified rib heads, necks and the first part of each shaft at thoracic levels, as tubes in
 * the assembled-spine frame (mm). The head sits in the costal facet cup on the body, the
 * tubercle in front of the transverse process tip; the shaft runs out and back (the angle of the
 * rib) and then curves forward and down. Path numbers are modelling estimates [U].
 */
import type { LevelId } from './levels.ts';
import type { ModelPart } from './modelParts.ts';
import { archLayout } from './posteriorArch.ts';
import { sdPolylineTube, smin } from './sdfPrimitives.ts';
import { boundsOf, clearOfBone, placed } from './softTissue.ts';
import { vertebraTransform } from './spineLayout.ts';
import { add, type Vec3 } from './vec.ts';
import { vertebraGeometry } from './vertebraGeometry.ts';
import { costalFacetCentre } from './vertebraSdf.ts';

/** Rib meshes `<LEVEL>_rib_left` and `<LEVEL>_rib_right` for T1–T12; none elsewhere. */
export function ribParts(id: LevelId): ModelPart[] {
  const g = vertebraGeometry(id);
  if (g.params.region !== 'thoracic') return [];
  const L = archLayout(g);
  const t = vertebraTransform(id);
  const facet = costalFacetCentre(g);
  // Head centre: the cup's centre (cup radius 4 mm, head radius 3.2 mm leaves a joint space).
  const head: Vec3 = [facet[0] + 3.2, facet[1], facet[2]];
  const tip = L.transverseTip;
  const tubercle: Vec3 = add(tip, [0.5, -1.5, L.transverseRadius[1] + 3.5]);
  // Out and back to the angle of the rib, then round towards the front of the chest.
  const s1 = add(tubercle, [14, -3, -7]);
  const s2 = add(s1, [20, -6, -3]);
  const s3 = add(s2, [17, -9, 18]);
  const s4 = add(s3, [8, -11, 30]);
  const parts: ModelPart[] = [];
  for (const [side, s] of [['left', 1], ['right', -1]] as const) {
    const mirror = (p: Vec3): Vec3 => [s * p[0], p[1], p[2]];
    const headW = placed(t, [mirror(head)]);
    const shaft = placed(t, [head, tubercle, s1, s2, s3, s4].map(mirror));
    const rib = clearOfBone((x, y, z) => {
      const h = Math.hypot(x - headW[0]!, y - headW[1]!, z - headW[2]!) - 3.2;
      return smin(h, sdPolylineTube(x, y, z, shaft, 2.6), 2);
    }, id);
    parts.push({ name: `${id}_rib_${side}`, kind: 'rib', space: 'spine', sdf: rib, bounds: boundsOf(shaft, 6), edge: 1.3, maxTriangles: 1200 });
  }
  return parts;
}
