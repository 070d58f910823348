/**
 * The inflatable bone tamp, one shape for the picture and the simulation: a capsule along the
 * working cannula's axis (a cylinder with rounded ends) whose cross-section is an ellipse, round
 * while the balloon is free and flattened once the endplates hold it (domain.md §1 step 6:
 * balloons 10/15/20 mm long, 2–3 mL maximum [C]; inflation stops at the cortex or an endplate).
 *
 * The balloon drawn at the end of inflation IS the cavity the cement simulation voxelises
 * (`inflatedBalloons`, `insideBalloon`): same centre, axis, radii and volume. Frame: whatever frame
 * the target and direction are given in (the spine frame for drawing; the cement grid moves the
 * frame into the vertebra's own with `moveBalloonFrame`). Millimetres and millilitres.
 */
import type { FractureParams } from '../anatomy/fracture.ts';
import { fractureDeformer } from '../anatomy/fracture.ts';
import type { LevelLandmarks } from '../anatomy/landmarks.ts';
import type { RigidTransform, Vec3 } from '../anatomy/vec.ts';
import { apply, cross, dot, length, normalize, rotate } from '../anatomy/vec.ts';
import { vertebraTransform } from '../anatomy/spineLayout.ts';
import { invert } from '../anatomy/vec.ts';
import { vertebraCancellousSdf } from '../anatomy/vertebraSdf.ts';
import type { Approach } from '../caseParams.ts';
import type { Trajectory } from './trajectory.ts';
import { planTrajectory, sidesFor } from './trajectory.ts';

export const BALLOON_LENGTHS_MM = [10, 15, 20] as const;
export type BalloonLength = (typeof BALLOON_LENGTHS_MM)[number];
/** Maximum fill per balloon, mL: the top of the 2–3 mL range [C]. */
export const BALLOON_MAX_ML = 3;
/** Balloon length used (domain.md §1: 10/15/20 mm [C]); 15 mm fits the anterior half of a lumbar body. */
export const DEFAULT_BALLOON_MM: BalloonLength = 15;
/**
 * Cavity the balloons leave in the body, all balloons together, mL [U]: the same whether one
 * balloon or two make it, so the approach changes where the cavity is, not how much cement it
 * takes. Below the 2 × 2–3 mL maximum (domain.md §1 [C]) since inflation stops at height
 * restoration or on meeting cortex or an endplate; the cement then fills the cavity and
 * interdigitates beyond it (domain.md §6: about 2.4 mL per balloon side plus interdigitation [C]).
 * A tuning value of the cement simulation's BKP leak rate (domain.md §5: pooled 18.4% [C]).
 */
export const BALLOON_CAVITY_TOTAL_ML = 2.0;

/** How many balloons an approach uses: one per needle. */
export function balloonCount(approach: Approach): number {
  return sidesFor(approach).length;
}

/** Fill of each balloon at the end of inflation, mL. */
export function balloonFillMl(approach: Approach): number {
  return Math.min(BALLOON_MAX_ML, BALLOON_CAVITY_TOTAL_ML / balloonCount(approach));
}

export interface BalloonShape {
  /** Length of the straight part along the axis, mm (the ends add `radiusMm` each). */
  lengthMm: number;
  /** Radius across the axis, horizontally, mm; also the reach of each rounded end along the axis. */
  radiusMm: number;
  /** Radius across the axis, vertically (≤ radiusMm: the endplates hold it), mm. */
  verticalRadiusMm: number;
  /** Volume held, mL. */
  volumeMl: number;
}

/** Capsule with an elliptical section: cylinder π·r·rv·L plus two half-ellipsoid ends 4/3·π·r·r·rv, mm³. */
function capsuleVolume(r: number, rv: number, length: number): number {
  return Math.PI * r * rv * length + (4 / 3) * Math.PI * r * r * rv;
}

/**
 * Shape for a fill (mL, up to the maximum). `roomMm` is half the free height between the endplates
 * at the balloon: the vertical radius never exceeds it, so a balloon that meets the endplates
 * flattens and widens; it always holds the fill it was given.
 */
export function balloonShape(fillMl: number, lengthMm: number, roomMm: number): BalloonShape {
  const wanted = Math.min(Math.max(0, fillMl), BALLOON_MAX_ML) * 1000;
  if (!(wanted > 0)) return { lengthMm, radiusMm: 0, verticalRadiusMm: 0, volumeMl: 0 };
  const room = Math.max(0.5, roomMm);
  // Volume grows monotonically with the horizontal radius: bisect for it.
  let lo = 0;
  let hi = 60;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (capsuleVolume(mid, Math.min(mid, room), lengthMm) < wanted) lo = mid;
    else hi = mid;
  }
  const radius = (lo + hi) / 2;
  const vertical = Math.min(radius, room);
  return { lengthMm, radiusMm: radius, verticalRadiusMm: vertical, volumeMl: capsuleVolume(radius, vertical, lengthMm) / 1000 };
}

/** Where a balloon lies: its centre and an orthonormal frame (axis along the path, across it horizontally, and up). */
export interface BalloonFrame {
  centre: Vec3;
  /** Unit vector along the cannula, toward the target. */
  axis: Vec3;
  /** Unit vector across the axis, horizontal: the direction of `radiusMm`. */
  across: Vec3;
  /** Unit vector across the axis, nearly superior: the direction of `verticalRadiusMm`. across × axis = up. */
  up: Vec3;
}

/**
 * The frame of a balloon whose far end sits at the target; as it inflates it grows back toward
 * the cannula along `axis` (unit). `up` is the vertebra's superior direction.
 */
export function balloonFrame(target: Vec3, axis: Vec3, shape: BalloonShape, up: Vec3 = [0, 1, 0]): BalloonFrame {
  const side = cross(axis, up);
  const across = length(side) > 1e-9 ? normalize(side) : ([1, 0, 0] as Vec3);
  const back = shape.lengthMm / 2 + shape.radiusMm;
  return { centre: [target[0] - axis[0] * back, target[1] - axis[1] * back, target[2] - axis[2] * back], axis, across, up: cross(across, axis) };
}

/** The same frame seen in another frame (e.g. the vertebra's own, for the cement grid). */
export function moveBalloonFrame(f: BalloonFrame, t: RigidTransform): BalloonFrame {
  return { centre: apply(t, f.centre), axis: rotate(t, f.axis), across: rotate(t, f.across), up: rotate(t, f.up) };
}

/**
 * Whether a point lies inside the balloon, or inside it grown by `growMm` all round (the rim of
 * compacted bone round the cavity).
 */
export function insideBalloon(f: BalloonFrame, s: BalloonShape, p: Vec3, growMm = 0): boolean {
  const d: Vec3 = [p[0] - f.centre[0], p[1] - f.centre[1], p[2] - f.centre[2]];
  const half = s.lengthMm / 2;
  const along = dot(d, f.axis);
  const beyond = along > half ? along - half : along < -half ? along + half : 0;
  const r = s.radiusMm + growMm;
  const rv = s.verticalRadiusMm + growMm;
  if (!(r > 0 && rv > 0)) return false;
  const a = dot(d, f.across);
  const u = dot(d, f.up);
  return (beyond * beyond + a * a) / (r * r) + (u * u) / (rv * rv) <= 1;
}

/** One inflated balloon: its shape and where it lies. */
export interface PlacedBalloon {
  shape: BalloonShape;
  frame: BalloonFrame;
}

/**
 * Bone kept between the balloon and the cortex, mm [U]: inflation stops when the balloon meets the
 * cortex (domain.md §1 step 6 [C]); a voxel and a half of the cement grid, so the cavity the
 * simulation keeps off the shell is the whole balloon.
 */
const CORTEX_MARGIN_MM = 1.25;
/** Points on the outline of the balloon's horizontal section tested against the cortex. */
const OUTLINE_POINTS = 32;

/** The cancellous bone of a fractured body as the balloon meets it, in the vertebra's own frame. */
interface BodyRoom {
  /** Signed distance to the cancellous bone's edge, intact body (negative inside). */
  sdf: (x: number, y: number, z: number) => number;
  /** Free span of the column through (x, z) in the fractured body: [bottom, top], mm. */
  column: (x: number, z: number) => readonly [number, number];
  toLocal: RigidTransform;
  /** The vertebra's superior direction, spine frame. */
  up: Vec3;
}

const COLUMN_STEP_MM = 1;

function bodyRoom(fracture: FractureParams): BodyRoom {
  const level = fracture.level;
  const toSpine = vertebraTransform(level);
  const toLocal = invert(toSpine);
  const sdf = vertebraCancellousSdf(level);
  const d = fractureDeformer(fracture);
  const columns = new Map<string, readonly [number, number]>();
  // Edge of the cancellous bone up (+1) or down (-1) the column from mid-height, intact.
  const edge = (x: number, z: number, dir: 1 | -1): number => {
    let inside = 0;
    if (sdf(x, 0, z) > 0) return 0;
    for (let y = COLUMN_STEP_MM; y < 60; y += COLUMN_STEP_MM) {
      if (sdf(x, dir * y, z) > 0) {
        let lo = inside, hi = y;
        for (let i = 0; i < 6; i++) {
          const mid = (lo + hi) / 2;
          if (sdf(x, dir * mid, z) > 0) hi = mid;
          else lo = mid;
        }
        return dir * lo;
      }
      inside = y;
    }
    return dir * inside;
  };
  const fractured = (x: number, y: number, z: number): number => apply(toLocal, d.deform(apply(toSpine, [x, y, z])))[1];
  return {
    sdf,
    toLocal,
    up: rotate(toSpine, [0, 1, 0]),
    column(x, z) {
      // Columns on a 1 mm lattice (the margin covers the rounding): the fit search asks for many nearby ones.
      const xi = Math.round(x / COLUMN_STEP_MM) * COLUMN_STEP_MM, zi = Math.round(z / COLUMN_STEP_MM) * COLUMN_STEP_MM;
      const key = `${xi},${zi}`;
      let c = columns.get(key);
      if (!c) {
        c = [fractured(xi, edge(xi, zi, -1), zi), fractured(xi, edge(xi, zi, 1), zi)];
        columns.set(key, c);
      }
      return c;
    },
  };
}

/**
 * Whether a balloon clears the cortex and the endplates all round, with a margin. The fracture
 * moves bone only vertically, so the horizontal outline is tested against the intact body at its
 * own height, and the top and bottom against each column's span in the fractured body.
 */
function clearsBone(room: BodyRoom, f: BalloonFrame, s: BalloonShape): boolean {
  const local = moveBalloonFrame(f, room.toLocal);
  const half = s.lengthMm / 2;
  const c = local.centre;
  for (const ring of [1, 0.85, 0.5, 0]) {
    const points = ring === 0 ? 1 : ring === 1 ? OUTLINE_POINTS : OUTLINE_POINTS / 2;
    const lift = s.verticalRadiusMm * Math.sqrt(1 - ring * ring);
    for (let k = 0; k < points; k++) {
      const angle = (2 * Math.PI * k) / points;
      const a = Math.cos(angle) * s.radiusMm * ring + Math.sign(Math.cos(angle)) * half * (ring === 0 ? 0 : 1);
      const b = Math.sin(angle) * s.radiusMm * ring;
      const x = c[0] + local.axis[0] * a + local.across[0] * b;
      const y = c[1] + local.axis[1] * a + local.across[1] * b;
      const z = c[2] + local.axis[2] * a + local.across[2] * b;
      if (ring === 1) {
        if (room.sdf(x, y, z) > -CORTEX_MARGIN_MM) return false;
        continue;
      }
      const [bottom, top] = room.column(x, z);
      if (y + lift > top - CORTEX_MARGIN_MM || y - lift < bottom + CORTEX_MARGIN_MM) return false;
    }
  }
  return true;
}

/**
 * The room a balloon has: half the free height over the first centimetre of its path back from
 * the target, in the fractured body (the cement grid is the fractured body, so the drawn and the
 * simulated balloon meet the same endplates), less the margin.
 */
function roomAlong(room: BodyRoom, traj: Trajectory, axis: Vec3): number {
  const t = apply(room.toLocal, traj.target);
  const d = rotate(room.toLocal, axis);
  let free = Infinity;
  for (const back of [0, 2.5, 5, 7.5, 10]) {
    const x = t[0] - d[0] * back, y = t[1] - d[1] * back, z = t[2] - d[2] * back;
    const [bottom, top] = room.column(x, z);
    free = Math.min(free, top - y, y - bottom);
  }
  return Math.max(0.5, free - CORTEX_MARGIN_MM);
}

/** The most a balloon of this length takes before it meets bone, mL (≤ `wantedMl`). */
function fillThatFits(room: BodyRoom, traj: Trajectory, axis: Vec3, roomMm: number, lengthMm: number, wantedMl: number): number {
  const fits = (ml: number): boolean => {
    const shape = balloonShape(ml, lengthMm, roomMm);
    return clearsBone(room, balloonFrame(traj.target, axis, shape, room.up), shape);
  };
  if (fits(wantedMl)) return wantedMl;
  let lo = 0;
  let hi = wantedMl;
  for (let i = 0; i < 14; i++) {
    const mid = (lo + hi) / 2;
    if (fits(mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** How one balloon inflates on its trajectory: its length and the fill it reaches, mL. */
export interface BalloonPlan {
  lengthMm: BalloonLength;
  fillMl: number;
  roomMm: number;
  /** Along the cannula, turned parallel to the endplates (unit, spine frame). */
  axis: Vec3;
  /** The vertebra's superior direction (unit, spine frame). */
  up: Vec3;
}

/**
 * The balloon's axis: the cannula's direction turned parallel to the endplates. The drilled channel
 * and the tamp are laid along the endplates on the lateral view, so a collapsed body's little
 * height is used along the balloon's whole length; the needle itself comes down at a slope.
 */
function balloonAxis(direction: Vec3, up: Vec3): Vec3 {
  const along = dot(direction, up);
  return normalize([direction[0] - up[0] * along, direction[1] - up[1] * along, direction[2] - up[2] * along]);
}

/**
 * The balloon chosen for a trajectory: the default length, or a shorter one where the body is too
 * small for it to take its fill (a small thoracic body); filled until it holds its share of the
 * cavity or meets the cortex.
 */
function planBalloon(room: BodyRoom, traj: Trajectory, approach: Approach): BalloonPlan {
  const wanted = balloonFillMl(approach);
  const axis = balloonAxis(traj.direction, room.up);
  const roomMm = roomAlong(room, traj, axis);
  let best: BalloonPlan = { lengthMm: DEFAULT_BALLOON_MM, fillMl: -1, roomMm, axis, up: room.up };
  for (const lengthMm of BALLOON_LENGTHS_MM.filter((l) => l <= DEFAULT_BALLOON_MM).reverse()) {
    const fillMl = fillThatFits(room, traj, axis, roomMm, lengthMm, wanted);
    if (fillMl > best.fillMl + 1e-6) best = { lengthMm, fillMl, roomMm, axis, up: room.up };
    if (fillMl >= wanted) break;
  }
  return best;
}

/** A balloon at `fill` (0..1) of its planned end-of-inflation volume, on its trajectory. */
export function placeBalloon(traj: Trajectory, plan: BalloonPlan, fill: number): PlacedBalloon {
  const shape = balloonShape(plan.fillMl * Math.min(1, Math.max(0, fill)), plan.lengthMm, plan.roomMm);
  return { shape, frame: balloonFrame(traj.target, plan.axis, shape, plan.up) };
}

/** The balloons' plans for a case, one per trajectory. */
export function planBalloons(trajectories: readonly Trajectory[], approach: Approach, fracture: FractureParams): BalloonPlan[] {
  const room = bodyRoom(fracture);
  return trajectories.map((traj) => planBalloon(room, traj, approach));
}

/**
 * The balloons of a case fully inflated, in the spine frame: what the picture shows at the end of
 * inflation and the cavity the cement simulation fills.
 */
export function inflatedBalloons(lm: LevelLandmarks, approach: Approach, fracture: FractureParams): PlacedBalloon[] {
  const trajectories = sidesFor(approach).map((side) => planTrajectory(fracture.level, lm, side, approach, fracture));
  const plans = planBalloons(trajectories, approach, fracture);
  return trajectories.map((traj, i) => placeBalloon(traj, plans[i]!, 1));
}
