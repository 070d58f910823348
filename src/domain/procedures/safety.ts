/**
 * The access safety rule (domain.md §1 step 4 [C]): on the AP view the needle tip must not cross
 * the medial wall of the pedicle before the lateral view shows it past the posterior wall of the
 * vertebral body. Checked on the bone geometry: the medial wall is found on the vertebra's surface,
 * the posterior wall is the body's back wall.
 */
import { surfacePoint } from '../anatomy/landmarks.ts';
import type { LevelId } from '../anatomy/levels.ts';
import { vertebraTransform } from '../anatomy/spineLayout.ts';
import type { Vec3 } from '../anatomy/vec.ts';
import { apply, invert } from '../anatomy/vec.ts';
import { pedicleCentre, vertebraGeometry } from '../anatomy/vertebraGeometry.ts';
import { vertebraSdf } from '../anatomy/vertebraSdf.ts';

export type Side = 'left' | 'right';

export function sideSign(side: Side): 1 | -1 {
  return side === 'left' ? 1 : -1;
}

const wallCache = new Map<string, number>();

/** x of the medial pedicle wall at the isthmus, in the vertebra's own frame (mm). */
export function medialWallX(level: LevelId, side: Side): number {
  const key = `${level}:${side}`;
  let x = wallCache.get(key);
  if (x === undefined) {
    const g = vertebraGeometry(level);
    const s = sideSign(side);
    x = surfacePoint(vertebraSdf(level), pedicleCentre(g, s), [-s, 0, 0], 40)[0];
    wallCache.set(key, x);
  }
  return x;
}

/** Posterior wall of the body (z, own frame, mm): where the lateral view calls the tip "in the body". */
export function posteriorWallZ(level: LevelId): number {
  return vertebraGeometry(level).zPosterior;
}

export interface SafetyReport {
  ok: boolean;
  /** First point (spine frame, mm) where the tip was medial to the medial wall while still behind the posterior wall. */
  breach?: { tip: Vec3; distanceAlongPathMm: number; medialByMm: number };
}

/** Walks the tip from `entry` to `target` (spine frame, mm) in 0.25 mm steps and applies the rule. */
export function checkSafetyRule(level: LevelId, side: Side, entry: Vec3, target: Vec3): SafetyReport {
  const toLocal = invert(vertebraTransform(level));
  const a = apply(toLocal, entry);
  const b = apply(toLocal, target);
  const s = sideSign(side);
  const xMedial = medialWallX(level, side);
  const zWall = posteriorWallZ(level);
  const length = Math.hypot(b[0] - a[0], b[1] - a[1], b[2] - a[2]);
  for (let d = 0; d <= length; d += 0.25) {
    const u = d / length;
    const x = a[0] + (b[0] - a[0]) * u;
    const z = a[2] + (b[2] - a[2]) * u;
    if (z >= zWall) break;
    const medialBy = s * (xMedial - x);
    if (medialBy > 0) {
      const t = entry.map((v, i) => v + (target[i]! - v) * u) as unknown as Vec3;
      return { ok: false, breach: { tip: t, distanceAlongPathMm: d, medialByMm: medialBy } };
    }
  }
  return { ok: true };
}
