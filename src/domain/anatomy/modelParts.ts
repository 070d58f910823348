/**
 * The list of meshes that make up one level's model file, each as a signed-distance function to
 * be meshed at build time. Names follow the model contract in product.md: the outer bone is
 * `<LEVEL>`, other parts carry suffixes, the disc below a level is `<LEVEL>-<NEXT>`.
 * Units mm; `space` says whether the SDF takes the vertebra's own frame or the assembled spine's.
 */
import { nextLevel, type LevelId } from './levels.ts';
import type { Sdf } from './sdfPrimitives.ts';
import { discSdfs } from './discSdf.ts';
import { ribParts } from './ribs.ts';
import { softTissueParts } from './softTissue.ts';
import { cancellousBounds, vertebraBounds, vertebraCancellousSdf, vertebraSdf, type Box3 } from './vertebraSdf.ts';

/** What a part is, which decides its material and the checks it must pass. */
export type PartKind = 'bone' | 'rib' | 'cancellous' | 'annulus' | 'nucleus' | 'dura' | 'neural' | 'vein' | 'muscle' | 'skin';

export interface ModelPart {
  readonly name: string;
  readonly kind: PartKind;
  readonly space: 'vertebra' | 'spine';
  readonly sdf: Sdf;
  readonly bounds: Box3;
  /** Level-set grid edge (mm) before simplification. */
  readonly edge: number;
  /** Triangle budget after simplification. */
  readonly maxTriangles: number;
}

/** Full-detail and LOD triangle budgets of the bone (issue 3). */
export const BONE_MAX_TRIANGLES = 30_000;
export const BONE_LOD_MAX_TRIANGLES = 8_000;

/** Parts of one level, in a fixed order (bone first). */
export function modelParts(id: LevelId): ModelPart[] {
  const parts: ModelPart[] = [
    { name: id, kind: 'bone', space: 'vertebra', sdf: vertebraSdf(id), bounds: vertebraBounds(id), edge: 0.95, maxTriangles: 22_000 },
    { name: `${id}_cancellous`, kind: 'cancellous', space: 'vertebra', sdf: vertebraCancellousSdf(id), bounds: cancellousBounds(id), edge: 1.2, maxTriangles: 3_000 },
  ];
  const below = nextLevel(id);
  const disc = discSdfs(id);
  if (below && disc) {
    parts.push({ name: `${id}-${below}`, kind: 'annulus', space: 'spine', sdf: disc.annulus, bounds: disc.bounds, edge: 1.2, maxTriangles: 3_000 });
    parts.push({ name: `${id}-${below}_nucleus`, kind: 'nucleus', space: 'spine', sdf: disc.nucleus, bounds: disc.bounds, edge: 1.2, maxTriangles: 800 });
  }
  parts.push(...ribParts(id), ...softTissueParts(id));
  return parts;
}
