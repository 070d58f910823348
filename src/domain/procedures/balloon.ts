/**
 * The inflatable bone tamp: a capsule along the cannula axis whose radius grows with the fill
 * volume, held vertically by the endplates (domain.md §1 step 6: balloons 10/15/20 mm long,
 * 2–3 mL maximum [C]; inflation stops at the cortex or an endplate).
 */
export const BALLOON_LENGTHS_MM = [10, 15, 20] as const;
export type BalloonLength = (typeof BALLOON_LENGTHS_MM)[number];
/** Maximum fill per balloon, mL: the top of the 2–3 mL range [C]. */
export const BALLOON_MAX_ML = 3;

export interface BalloonShape {
  /** Radius across the axis, horizontally, mm. */
  radiusMm: number;
  /** Radius vertically (≤ radiusMm: the endplates hold it), mm. */
  verticalRadiusMm: number;
  /** Volume actually held, mL. */
  volumeMl: number;
}

/** Capsule (cylinder of length L with hemispherical ends, elliptical section) volume, mm³. */
function capsuleVolume(r: number, rv: number, length: number): number {
  return Math.PI * r * rv * length + (4 / 3) * Math.PI * r * r * rv;
}

/**
 * Shape for a wanted fill (mL). `roomMm` is half the free height between the endplates at the
 * balloon; the vertical radius never exceeds it, so the balloon flattens against the endplates and
 * holds less than asked once it meets them.
 */
export function balloonShape(fillMl: number, length: BalloonLength, roomMm: number): BalloonShape {
  const wanted = Math.min(Math.max(0, fillMl), BALLOON_MAX_ML) * 1000;
  if (wanted === 0) return { radiusMm: 0, verticalRadiusMm: 0, volumeMl: 0 };
  // Solve for the round radius by bisection, then cap the vertical radius and the total volume.
  let lo = 0;
  let hi = 30;
  for (let i = 0; i < 50; i++) {
    const mid = (lo + hi) / 2;
    if (capsuleVolume(mid, Math.min(mid, roomMm), length) < wanted) lo = mid;
    else hi = mid;
  }
  // Radially the balloon is also held by the lateral cortex: no wider than the room allows twice over.
  const radius = Math.min(lo, roomMm * 2);
  const vertical = Math.min(radius, Math.max(0, roomMm));
  return { radiusMm: radius, verticalRadiusMm: vertical, volumeMl: capsuleVolume(radius, vertical, length) / 1000 };
}
