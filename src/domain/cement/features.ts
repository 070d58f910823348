/**
 * Case- and patient-specific features laid into a copy of the base grid (vertebra frame after the
 * fracture, mm): the venous channels (seeded: intraosseous veins vary from person to person),
 * endplate fracture lines, the cortical defect and cleft of the fracture, and the BKP balloon
 * cavities. Also places the needle tips.
 */
import { fractureFeatures, type CorticalDefectSite, type FractureShape } from '../anatomy/fracture.ts';
import { levelLandmarks, localLandmarks } from '../anatomy/landmarks.ts';
import type { LevelId } from '../anatomy/levels.ts';
import { vertebraTransform } from '../anatomy/spineLayout.ts';
import { apply, dot, invert, normalize, rotate, type Vec3 } from '../anatomy/vec.ts';
import { bodyMidlineDepth, vertebraGeometry } from '../anatomy/vertebraGeometry.ts';
import { inflatedBalloons, insideBalloon, moveBalloonFrame, type BalloonFrame, type BalloonShape } from '../procedures/balloon.ts';
import type { Random } from '../random.ts';
import {
  BALLOON_OPENS_FRACTURE_MM, CLEFT_BREACH_CHANCE, CLEFT_CORTICAL_BREAK_CHANCE, CLEFT_RIM_MM, COMPACTED_SHELL_MM,
  CORTICAL_BREAK_CHANCE, CRACK_CHANCE, PATIENT_CALIBRE_LOG_SPREAD, VEIN_CALIBRE_SPREAD, VEIN_RADIUS_MM,
} from './params.ts';
import { CELL, type CementInput } from './types.ts';
import { voxelAt, voxelCentre, type BaseGrid } from './voxelise.ts';

/** The grid of one case: classes, the compacted shell round a cavity, and the injection points. */
export interface CaseGrid {
  readonly kind: Uint8Array;
  /** 1 where the balloon compacted the trabeculae (BKP). */
  readonly compacted: Uint8Array;
  /** Needle tips (VP) or balloon centres (BKP), mm. */
  readonly tips: readonly Vec3[];
  readonly cavityMl: number;
  /**
   * This patient's vessel calibres relative to nominal (entry barrier ∝ 1/calibre), and the
   * defect's opening 0..1 (1 = wide open). Veins vary from person to person [U].
   */
  readonly calibre: { readonly basivertebral: number; readonly segmental: number; readonly anteriorPlexus: number; readonly defect: number };
}

const BONE: readonly number[] = [CELL.cancellous, CELL.cortical, CELL.endplate];
const CRUSHABLE: readonly number[] = [CELL.cancellous, CELL.basivertebralVein, CELL.segmentalVein, CELL.anteriorPlexus];

/** Marks voxels of the allowed classes within `r` of segment a–b. */
function markTube(base: BaseGrid, kind: Uint8Array, a: Vec3, b: Vec3, r: number, to: number, allowed: readonly number[]): void {
  const { dims, origin, spacingMm: h } = base.meta;
  const [nx, ny, nz] = dims;
  const lo = (v: number, o: number): number => Math.max(0, Math.floor((v - r - o) / h));
  const hi = (v: number, o: number, n: number): number => Math.min(n - 1, Math.ceil((v + r - o) / h));
  const abx = b[0] - a[0], aby = b[1] - a[1], abz = b[2] - a[2];
  const len2 = abx * abx + aby * aby + abz * abz || 1;
  for (let k = lo(Math.min(a[2], b[2]), origin[2]); k <= hi(Math.max(a[2], b[2]), origin[2], nz); k++) {
    for (let j = lo(Math.min(a[1], b[1]), origin[1]); j <= hi(Math.max(a[1], b[1]), origin[1], ny); j++) {
      for (let i = lo(Math.min(a[0], b[0]), origin[0]); i <= hi(Math.max(a[0], b[0]), origin[0], nx); i++) {
        const px = origin[0] + i * h - a[0], py = origin[1] + j * h - a[1], pz = origin[2] + k * h - a[2];
        const t = Math.min(Math.max((px * abx + py * aby + pz * abz) / len2, 0), 1);
        const dx = px - t * abx, dy = py - t * aby, dz = pz - t * abz;
        if (dx * dx + dy * dy + dz * dz > r * r) continue;
        const idx = i + nx * (j + ny * k);
        if (allowed.includes(kind[idx]!)) kind[idx] = to;
      }
    }
  }
}

/** Marks voxels of the allowed classes inside a balloon grown by `growMm`; returns how many. */
function markBalloon(base: BaseGrid, kind: Uint8Array, f: BalloonFrame, shape: BalloonShape, growMm: number, to: number, allowed: readonly number[]): number {
  const { dims, origin, spacingMm: h } = base.meta;
  const [nx, ny, nz] = dims;
  const c = f.centre;
  const r = shape.lengthMm / 2 + shape.radiusMm + growMm;
  let count = 0;
  const i0 = Math.max(0, Math.floor((c[0] - r - origin[0]) / h)), i1 = Math.min(nx - 1, Math.ceil((c[0] + r - origin[0]) / h));
  const j0 = Math.max(0, Math.floor((c[1] - r - origin[1]) / h)), j1 = Math.min(ny - 1, Math.ceil((c[1] + r - origin[1]) / h));
  const k0 = Math.max(0, Math.floor((c[2] - r - origin[2]) / h)), k1 = Math.min(nz - 1, Math.ceil((c[2] + r - origin[2]) / h));
  for (let k = k0; k <= k1; k++) for (let j = j0; j <= j1; j++) for (let i = i0; i <= i1; i++) {
    const idx = i + nx * (j + ny * k);
    if (!allowed.includes(kind[idx]!)) continue;
    if (!insideBalloon(f, shape, [origin[0] + i * h, origin[1] + j * h, origin[2] + k * h], growMm)) continue;
    kind[idx] = to;
    count++;
  }
  return count;
}

/** Walks from p along dir until the voxel is no longer bone: the outer surface (mm). */
function exitPoint(base: BaseGrid, kind: Uint8Array, p: Vec3, dir: Vec3): Vec3 {
  const { dims, origin, spacingMm: h } = base.meta;
  const [nx, ny, nz] = dims;
  for (let t = 0; t < 60; t += 0.25) {
    const q: Vec3 = [p[0] + dir[0] * t, p[1] + dir[1] * t, p[2] + dir[2] * t];
    const i = Math.round((q[0] - origin[0]) / h), j = Math.round((q[1] - origin[1]) / h), k = Math.round((q[2] - origin[2]) / h);
    if (i < 0 || j < 0 || k < 0 || i >= nx || j >= ny || k >= nz) return q;
    const c = kind[i + nx * (j + ny * k)]!;
    if (c !== CELL.cancellous && c !== CELL.cortical && c !== CELL.endplate && c !== CELL.basivertebralVein) return q;
  }
  return p;
}

function between(rng: Random, a: number, b: number): number {
  return a + (b - a) * rng();
}

/**
 * Size of a level's intraosseous veins relative to a reference body [U]: vessel lengths scale with
 * the body's footprint (linear size: width × greatest midline depth), so a vein takes the same
 * share of a small thoracic body as of a lumbar one and leak risk follows the fill, not the level
 * (domain.md §5: level is not a risk factor). Calibres vary by patient, not by level. The
 * reference is L1's endplate, 41 × 32 mm (domain.md §2b), on which the vein sizes were set.
 */
function veinScale(level: LevelId): number {
  const g = vertebraGeometry(level);
  const l1 = vertebraGeometry('L1').params;
  return Math.sqrt((g.params.epw * bodyMidlineDepth(g)) / (l1.epw * l1.epd));
}

/**
 * Venous routes [U: layout from standard anatomy, domain.md §2/§5; sizes modelling estimates]:
 * the basivertebral vein enters the posterior wall at mid-height on the midline and branches
 * forward; segmental veins drain the lateral walls at the vein exits; small foramina of the
 * anterior external plexus pierce the anterior and anterolateral cortex.
 */
function placeVeins(base: BaseGrid, kind: Uint8Array, level: LevelId, rng: Random): void {
  const g = vertebraGeometry(level);
  const p = g.params;
  const size = veinScale(level);
  const radius = 1;
  const lm = localLandmarks(level);
  const d = base.deformLocal;
  const foramen = lm.basivertebralForamen.centre;
  const trunkEnd: Vec3 = [between(rng, -2, 2), foramen[1], foramen[2] + between(rng, 0.2, 0.45) * bodyMidlineDepth(g)];
  // The trunk pierces the wall and opens into the anterior epidural plexus behind it.
  markTube(base, kind, d([foramen[0], foramen[1], foramen[2] - 1.5]), d(trunkEnd), radius * VEIN_RADIUS_MM.basivertebral, CELL.basivertebralVein, BONE);
  const branches = 2 + Math.floor(rng() * 2);
  for (let b = 0; b < branches; b++) {
    const angle = between(rng, -1.1, 1.1);
    const len = size * between(rng, 3, 9);
    const end: Vec3 = [trunkEnd[0] + Math.sin(angle) * len, trunkEnd[1] + between(rng, -3, 3), trunkEnd[2] + Math.cos(angle) * len];
    markTube(base, kind, d(trunkEnd), d(end), 0.8 * radius * VEIN_RADIUS_MM.basivertebral, CELL.basivertebralVein, [CELL.cancellous]);
  }
  for (const side of [lm.segmentalVeinExits.left, lm.segmentalVeinExits.right]) {
    const s = Math.sign(side[0]);
    const len = size * between(rng, 1.5, 9);
    const inward = normalize([-s, 0, between(rng, 0, 0.8)]);
    const start: Vec3 = [side[0] + s * 1, side[1] + between(rng, -3, 3), side[2] + between(rng, -3, 3)];
    const end: Vec3 = [start[0] + inward[0] * (len + 1), start[1], start[2] + inward[2] * (len + 1)];
    markTube(base, kind, d(start), d(end), radius * VEIN_RADIUS_MM.segmental, CELL.segmentalVein, BONE);
  }
  const foramina = Math.floor(rng() * 5);
  for (let f = 0; f < foramina; f++) {
    const azimuth = between(rng, -1.3, 1.3); // from straight ahead (+Z) towards either side
    const dir: Vec3 = [Math.sin(azimuth), 0, Math.cos(azimuth)];
    const from = d([0, between(rng, -0.4, 0.4) * p.vbha, 0]);
    const exit = exitPoint(base, kind, from, dir);
    const len = size * between(rng, 0.5, 2.5);
    const a: Vec3 = [exit[0] + dir[0], exit[1], exit[2] + dir[2]];
    const b: Vec3 = [exit[0] - dir[0] * len, exit[1], exit[2] - dir[2] * len];
    markTube(base, kind, a, b, radius * VEIN_RADIUS_MM.anteriorPlexus, CELL.anteriorPlexus, BONE);
  }
}

/** A fracture line through the superior endplate, open to the disc [U]. */
function placeCrack(base: BaseGrid, kind: Uint8Array, level: LevelId, rng: Random, at?: Vec3): void {
  const p = vertebraGeometry(level).params;
  const { dims, origin, spacingMm: h } = base.meta;
  const [nx, ny] = dims;
  // Superior endplate fractures are deepest in the anterior-middle segment (Wang 2020, Chin Med J
  // 133:2696: segment a2 in about 45%): the line runs across the anterior half [U].
  const cx = at ? at[0] : between(rng, -0.3, 0.3) * p.epw;
  const cz = at ? at[2] : between(rng, -0.05, 0.35) * p.epd;
  const angle = rng() * Math.PI, half = between(rng, 3, 8);
  for (let t = -half; t <= half; t += h / 2) {
    const i = Math.round((cx + Math.cos(angle) * t - origin[0]) / h);
    const k = Math.round((cz + Math.sin(angle) * t - origin[2]) / h);
    if (i < 1 || k < 1 || i >= nx - 1 || k >= dims[2] - 1) continue;
    // Top down: the first endplate voxels under the disc.
    for (let j = ny - 2; j > ny / 2; j--) {
      const idx = i + nx * (j + ny * k);
      if (kind[idx] === CELL.endplate) kind[idx] = CELL.endplateCrack;
      else if (kind[idx] === CELL.cancellous) break;
    }
  }
}

/** Defect site used when the input only says "a defect": the commonest break for the shape [U]. */
function defaultDefectSite(shape: FractureShape): CorticalDefectSite {
  return shape === 'biconcave' ? 'superior-endplate' : 'anterior';
}

/**
 * Site of a seeded fracture line: the anterior wall most often (anterior cortex buckling), else
 * either lateral wall [U] (Wang 2020, Chin Med J 133:2696: the upper and middle thirds of the
 * anterior wall break most often).
 */
function seededDefectSite(rng: Random): CorticalDefectSite {
  const u = rng();
  return u < 0.6 ? 'anterior' : u < 0.8 ? 'lateral-left' : 'lateral-right';
}

/** Lays the features of one case into a copy of the base grid. */
export function placeFeatures(base: BaseGrid, input: CementInput, rng: Random): CaseGrid {
  const kind = base.kind.slice();
  const compacted = new Uint8Array(kind.length);
  const level = input.level;
  placeVeins(base, kind, level, rng);
  // Vessel calibre: one factor for the whole patient (log-uniform), one per vein system.
  const spread = VEIN_CALIBRE_SPREAD;
  const patient = Math.exp(between(rng, -PATIENT_CALIBRE_LOG_SPREAD, PATIENT_CALIBRE_LOG_SPREAD));
  // Calibres relative to nominal: this patient's.
  const vessel = patient;
  const calibre = {
    basivertebral: vessel * between(rng, 1 - spread, 1 + spread),
    segmental: vessel * between(rng, 1 - spread, 1 + spread),
    anteriorPlexus: vessel * between(rng, 1 - spread, 1 + spread),
    defect: rng(),
  };
  if (rng() < CRACK_CHANCE[input.grade]) placeCrack(base, kind, level, rng);

  // Unless the case says, a fracture line through the cortex is present by its prevalence.
  const breakChance = input.cleft === true ? CLEFT_CORTICAL_BREAK_CHANCE : CORTICAL_BREAK_CHANCE[input.grade];
  const seeded = input.corticalDefect === undefined && rng() < breakChance;
  const site = input.corticalDefect === true || seeded ? (seeded ? seededDefectSite(rng) : defaultDefectSite(input.shape))
    : input.corticalDefect || undefined;
  const features = fractureFeatures({ level, grade: input.grade, shape: input.shape, cleft: input.cleft === true, ...(site ? { corticalDefect: site } : {}) });
  const toLocal = invert(vertebraTransform(level));
  if (features.defect) {
    const c = apply(toLocal, features.defect.centre);
    // The break opens the shell only: cortex and endplate voxels round the defect centre.
    markTube(base, kind, c, c, features.defect.radius, CELL.defect, [CELL.cortical, CELL.endplate]);
  }
  if (features.cleft) {
    // The cleft fills readily; its sclerotic rim resists interdigitation, the collapsed endplate
    // it lies against is often broken, and a cortical break opens from it [U] — why a cleft
    // raises the odds of a leak (OR 1.40, domain.md §5 [C]) although it holds cement.
    const c = apply(toLocal, features.cleft.centre);
    const r = features.cleft.radii;
    const a = features.cleft.axes.map((axis) => rotate(toLocal, axis));
    const m = CLEFT_RIM_MM;
    const { dims, origin, spacingMm: h } = base.meta;
    const [nx, ny] = dims;
    for (let idx = 0; idx < kind.length; idx++) {
      if (kind[idx] !== CELL.cancellous) continue;
      const p: Vec3 = [origin[0] + (idx % nx) * h - c[0], origin[1] + (Math.floor(idx / nx) % ny) * h - c[1], origin[2] + Math.floor(idx / (nx * ny)) * h - c[2]];
      // Along the cleft's own axes (tilted with the collapsed endplate).
      const u0 = dot(p, a[0]!), u1 = dot(p, a[1]!), u2 = dot(p, a[2]!);
      if ((u0 / r[0]) ** 2 + (u1 / r[1]) ** 2 + (u2 / r[2]) ** 2 <= 1) kind[idx] = CELL.cleft;
      else if ((u0 / (r[0] + m)) ** 2 + (u1 / (r[1] + m)) ** 2 + (u2 / (r[2] + m)) ** 2 <= 1) compacted[idx] = 1;
    }
    if (rng() < CLEFT_BREACH_CHANCE) placeCrack(base, kind, level, rng, c);
    if (features.defect) openCleftToDefect(base, kind, apply(toLocal, features.defect.centre));
  }

  const lm = localLandmarks(level);
  const targets = input.approach === 'bipedicular'
    ? [lm.anteriorThirdTargets.left, lm.anteriorThirdTargets.right]
    : [lm.anteriorThirdTargets.midline];
  const tips = targets.map((t) => base.deformLocal(t));
  let cavityMl = 0;
  if (input.procedure === 'bkp') {
    // The balloons drawn at the end of inflation, moved into the vertebra's frame: one shape
    // (procedures/balloon.ts) for the picture and the cavity.
    const balloons = inflatedBalloons(levelLandmarks(level), input.approach, { level, grade: input.grade, shape: input.shape });
    const h3 = base.meta.spacingMm ** 3;
    for (const [n, b] of balloons.entries()) {
      const frame = moveBalloonFrame(b.frame, toLocal);
      tips[n] = frame.centre;
      // The tamp compacts the trabeculae round it and squeezes shut the small veins it meets [U].
      markBalloon(base, kind, frame, b.shape, COMPACTED_SHELL_MM, 255, CRUSHABLE);
      cavityMl += (markBalloon(base, kind, frame, b.shape, 0, CELL.cavity, [255, CELL.cleft]) * h3) / 1000;
    }
    // Inflation stops where the balloon meets cortex or endplate (domain.md §1 step 6 [C]): keep a
    // layer of (compacted) bone between the cavity and the shell.
    const [nx, ny] = base.meta.dims;
    const soft = (c: number): boolean => c === CELL.cavity || c === 255 || c === CELL.cancellous || c === CELL.cleft;
    for (let idx = nx * ny; idx < kind.length - nx * ny; idx++) {
      if (kind[idx] !== CELL.cavity) continue;
      if (![1, nx, nx * ny].every((o) => soft(kind[idx + o]!) && soft(kind[idx - o]!))) {
        kind[idx] = 255;
        cavityMl -= h3 / 1000;
      }
    }
    for (let idx = 0; idx < kind.length; idx++) {
      if (kind[idx] === 255) {
        // Back to the voxel's own bone class: a squeezed vein in the shell stays shell.
        kind[idx] = base.kind[idx]!;
        compacted[idx] = kind[idx] === CELL.cancellous ? 1 : 0;
      }
    }
    openFractureLines(base, kind, compacted);
  }
  return { kind, compacted, tips, cavityMl, calibre };
}

/**
 * A cleft is the unhealed gap of the fracture: where the cortex is broken too, the fracture line
 * runs on from the cleft to the break [U] (modelling estimate). A fissure from the nearest point of
 * the cleft to the break: why a cleft raises cortical leaks (Tang 2021: 25.9% of VP levels with a
 * cleft against 12.2% without, domain.md §5 [C]).
 */
function openCleftToDefect(base: BaseGrid, kind: Uint8Array, defect: Vec3): void {
  const { meta } = base;
  let best = -1;
  let bestD2 = Infinity;
  for (let idx = 0; idx < kind.length; idx++) {
    if (kind[idx] !== CELL.cleft) continue;
    const p = voxelCentre(meta, idx);
    const d2 = (p[0] - defect[0]) ** 2 + (p[1] - defect[1]) ** 2 + (p[2] - defect[2]) ** 2;
    if (d2 < bestD2) {
      bestD2 = d2;
      best = idx;
    }
  }
  if (best < 0) return;
  // A voxel wide, so that the fissure is one face-connected path.
  markTube(base, kind, voxelCentre(meta, best), defect, meta.spacingMm, CELL.cleft, [CELL.cancellous]);
}

/**
 * BKP: where the inflating balloon meets a fracture line (a cortical break or an endplate crack
 * within BALLOON_OPENS_FRACTURE_MM of the cavity), it pushes the fragments apart instead of
 * compacting bone, leaving a gap from the cavity to the break [U]. Cement that fills the cavity at
 * low pressure then finds the break: why kyphoplasty leaks go through cortical defects and into
 * the disc as often as into veins (domain.md §5: Lysenko 2018, Wang 2014).
 */
function openFractureLines(base: BaseGrid, kind: Uint8Array, compacted: Uint8Array): void {
  const { meta } = base;
  const h = meta.spacingMm;
  const cavity: number[] = [];
  const breaks: number[] = [];
  for (let idx = 0; idx < kind.length; idx++) {
    const c = kind[idx]!;
    if (c === CELL.cavity) cavity.push(idx);
    else if (c === CELL.defect || c === CELL.endplateCrack) breaks.push(idx);
  }
  if (cavity.length === 0 || breaks.length === 0) return;
  const cavityAt = cavity.map((idx) => voxelCentre(meta, idx));
  const reach2 = BALLOON_OPENS_FRACTURE_MM ** 2;
  for (const b of breaks) {
    const q = voxelCentre(meta, b);
    let best = -1;
    let bestD2 = reach2;
    for (let n = 0; n < cavityAt.length; n++) {
      const p = cavityAt[n]!;
      const d2 = (p[0] - q[0]) ** 2 + (p[1] - q[1]) ** 2 + (p[2] - q[2]) ** 2;
      if (d2 <= bestD2) {
        bestD2 = d2;
        best = n;
      }
    }
    if (best < 0) continue;
    const p = cavityAt[best]!;
    const steps = Math.ceil(Math.sqrt(bestD2) / (h / 2));
    for (let s = 1; s < steps; s++) {
      const t = s / steps;
      const idx = voxelAt(meta, [p[0] + (q[0] - p[0]) * t, p[1] + (q[1] - p[1]) * t, p[2] + (q[2] - p[2]) * t]);
      if (idx >= 0 && kind[idx] === CELL.cancellous) {
        kind[idx] = CELL.cleft;
        compacted[idx] = 0;
      }
    }
  }
}
