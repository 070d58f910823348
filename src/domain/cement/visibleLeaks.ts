/**
 * The one rule that decides which leaks count. A leak route (basivertebral, segmental, disc,
 * cortical, epidural) counts once the cement in it reaches MIN_VISIBLE_LEAK_ML, at the injected
 * volume where it does. The metrics, the results table, the 3D labels, the `leak` event and the
 * Monte-Carlo statistics all read this function, so a leak that is counted is the leak that is
 * labelled and announced.
 */
import { MIN_VISIBLE_LEAK_ML } from './params.ts';
import { LEAK_TYPES, type CementResult, type LeakType } from './types.ts';
import type { Vec3 } from '../anatomy/vec.ts';

/** One leak route that shows. */
export interface VisibleLeak {
  readonly type: LeakType;
  /** Cement in this route once `injectedMl` has gone in, mL. */
  readonly volumeMl: number;
  /** Injected volume at which the route's cement reached the visible size, mL. */
  readonly visibleAtMl: number;
  /** Where cement first entered this route, mm (grid frame). */
  readonly position: Vec3;
}

type LeakSource = Pick<CementResult, 'arrival' | 'route' | 'grid' | 'leaks' | 'injectedMl'>;

const atEnd = new WeakMap<object, readonly VisibleLeak[]>();

/**
 * Leak routes that show once `injectedMl` has gone in (default: the whole injection), in the order
 * they became visible. Read from the arrival and route arrays: the invasion does not depend on the
 * planned volume, so this is also what a run planned for `injectedMl` would show.
 */
export function visibleLeaks(result: LeakSource, injectedMl: number = result.injectedMl): readonly VisibleLeak[] {
  const whole = injectedMl >= result.injectedMl;
  if (whole) {
    const hit = atEnd.get(result);
    if (hit) return hit;
  }
  const cellMl = result.grid.spacingMm ** 3 / 1000;
  // Route voxels are never porous bone: each holds a whole voxel of cement.
  const needed = Math.max(1, Math.ceil(MIN_VISIBLE_LEAK_ML / cellMl - 1e-9));
  const arrivals: number[][] = LEAK_TYPES.map(() => []);
  const { arrival, route } = result;
  // Arrivals are stored as 32-bit floats: compare in the same precision (all of them at the end).
  const limit = whole ? Number.MAX_VALUE : Math.fround(injectedMl);
  for (let i = 0; i < route.length; i++) {
    const r = route[i]!;
    if (r !== 0 && arrival[i]! <= limit) arrivals[r - 1]!.push(arrival[i]!);
  }
  const out: VisibleLeak[] = [];
  LEAK_TYPES.forEach((type, n) => {
    const a = arrivals[n]!;
    if (a.length < needed) return;
    a.sort((x, y) => x - y);
    const first = result.leaks.filter((l) => l.type === type).reduce((best, l) => (l.atMl < best.atMl ? l : best));
    out.push({ type, volumeMl: a.length * cellMl, visibleAtMl: a[needed - 1]!, position: first.position });
  });
  out.sort((x, y) => x.visibleAtMl - y.visibleAtMl || LEAK_TYPES.indexOf(x.type) - LEAK_TYPES.indexOf(y.type));
  if (whole) atEnd.set(result, out);
  return out;
}

/** The leaks of `visibleLeaks(result)` that show by `injectedMl`: what the picture labels at that moment. */
export function leaksShownBy(leaks: readonly VisibleLeak[], injectedMl: number): readonly VisibleLeak[] {
  const limit = Math.fround(injectedMl);
  return leaks.filter((l) => l.visibleAtMl <= limit);
}

/** How many leaks `leaksShownBy` would return, allocating nothing (for the frame loop). */
export function countLeaksShownBy(leaks: readonly VisibleLeak[], injectedMl: number): number {
  const limit = Math.fround(injectedMl);
  let n = 0;
  for (const l of leaks) if (l.visibleAtMl <= limit) n++;
  return n;
}
