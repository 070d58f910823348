/**
 * Stacks the levels into an assembled spine: each vertebra gets a rigid transform from its own
 * frame (origin at the body centre, +Y superior, +Z anterior, +X left; mm) to the assembled-spine
 * frame (same axes, origin at the centre of S1's superior endplate rim plane).
 *
 * The curves are not typed in: lumbar lordosis and thoracic kyphosis emerge from the wedge of each
 * body (anterior vs posterior height) and of each disc (anterior vs posterior height).
 */
import { LEVELS, levelParams, nextLevel, type LevelId } from './levels.ts';
import { compose, invert, rotationX, translation, IDENTITY, type RigidTransform } from './vec.ts';

/** Disc heights (mm) measured at the anterior rim, the middle, and the posterior rim. */
export interface DiscHeights {
  readonly anterior: number;
  readonly middle: number;
  readonly posterior: number;
}

// domain.md §2b [C]: lumbar disc heights anterior / middle / posterior.
const LUMBAR_DISCS: Partial<Record<LevelId, DiscHeights>> = {
  L1: { anterior: 10.8, middle: 10.0, posterior: 7.3 },
  L2: { anterior: 13.1, middle: 11.6, posterior: 8.6 },
  L3: { anterior: 15.2, middle: 12.5, posterior: 9.1 },
  L4: { anterior: 18.1, middle: 13.8, posterior: 10.1 },
  L5: { anterior: 18.7, middle: 13.0, posterior: 8.5 },
};

/** Disc between `upper` and the level below it. */
export function discHeights(upper: LevelId): DiscHeights {
  const lumbar = LUMBAR_DISCS[upper];
  if (lumbar) return lumbar;
  // Thoracic discs [U]: placeholder heights, thin (about 4–5 mm) and growing caudally, slightly
  // taller posteriorly so that they add a little to the thoracic kyphosis (most of it comes from
  // the bodies, taller at the back: Egwu 2019, levels.ts); T12/L1 transitional.
  const i = LEVELS.indexOf(upper); // T1 = 0 … T12 = 11
  if (upper === 'T12') return { anterior: 8.0, middle: 8.2, posterior: 6.5 }; // [U]
  const anterior = 3.6 + 0.22 * i; // [U]
  const posterior = anterior + 0.6; // [U]
  return { anterior, middle: anterior + 0.8, posterior };
}

// Sacral slope of S1's superior endplate to the horizontal [U]: a typical adult value (~40°).
const SACRAL_SLOPE_DEG = 40;

/** Distance (mm) from the wall at which anterior and posterior heights are measured. */
export const HEIGHT_INSET_MM = 2.5;

/** Frame of a vertebra's superior endplate rim plane, in the vertebra's own frame. */
export function superiorEndplateFrame(id: LevelId): RigidTransform {
  const p = levelParams(id);
  const slope = (p.vbha - p.vbhp) / (2 * p.epd);
  const centreHalf = (p.vbha + p.vbhp) / 4;
  return compose(translation([0, centreHalf, 0]), rotationX(-Math.atan(slope)));
}

/** Frame of a vertebra's inferior endplate rim plane (+Y pointing up, into the bone). */
export function inferiorEndplateFrame(id: LevelId): RigidTransform {
  const p = levelParams(id);
  const slope = (p.vbha - p.vbhp) / (2 * p.epd);
  const centreHalf = (p.vbha + p.vbhp) / 4;
  return compose(translation([0, -centreHalf, 0]), rotationX(Math.atan(slope)));
}

/**
 * Transform from the lower vertebra's superior endplate frame to the upper vertebra's inferior
 * endplate frame: half the disc wedge, the mean rim height, the other half.
 */
export function discTransform(upper: LevelId): RigidTransform {
  const lower = nextLevel(upper);
  if (!lower) return IDENTITY;
  const d = discHeights(upper);
  const span = Math.min(levelParams(upper).epd, levelParams(lower).epd) - 2 * HEIGHT_INSET_MM;
  const wedge = Math.atan((d.anterior - d.posterior) / span);
  const half = rotationX(-wedge / 2);
  return compose(compose(half, translation([0, (d.anterior + d.posterior) / 2, 0])), half);
}

/** Mid-plane frame of the disc below `upper` (assembled-spine frame): origin at the disc centre. */
export function discFrame(upper: LevelId): RigidTransform {
  const lower = nextLevel(upper);
  if (!lower) return IDENTITY;
  const d = discHeights(upper);
  const span = Math.min(levelParams(upper).epd, levelParams(lower).epd) - 2 * HEIGHT_INSET_MM;
  const wedge = Math.atan((d.anterior - d.posterior) / span);
  const base = compose(vertebraTransform(lower), superiorEndplateFrame(lower));
  return compose(compose(base, rotationX(-wedge / 2)), translation([0, (d.anterior + d.posterior) / 4, 0]));
}

let cache: Map<LevelId, RigidTransform> | undefined;

function buildLayout(): Map<LevelId, RigidTransform> {
  const out = new Map<LevelId, RigidTransform>();
  // S1: its superior endplate plane passes through the origin, tilted anteriorly-down by the slope.
  const s1Endplate = rotationX(SACRAL_SLOPE_DEG * (Math.PI / 180));
  const s1 = compose(s1Endplate, invert(superiorEndplateFrame('S1')));
  out.set('S1', s1);
  for (let i = LEVELS.length - 2; i >= 0; i--) {
    const upper = LEVELS[i]!;
    const lower = LEVELS[i + 1]!;
    const lowerT = out.get(lower)!;
    const t = compose(
      compose(compose(lowerT, superiorEndplateFrame(lower)), discTransform(upper)),
      invert(inferiorEndplateFrame(upper)),
    );
    out.set(upper, t);
  }
  return out;
}

/** Rigid transform of a vertebra from its own frame to the assembled-spine frame (mm). */
export function vertebraTransform(id: LevelId): RigidTransform {
  cache ??= buildLayout();
  return cache.get(id)!;
}
