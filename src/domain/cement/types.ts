/**
 * Shared types of the cement simulation. Everything that crosses a Web Worker boundary is plain
 * data: numbers, strings, typed arrays and arrays of plain objects.
 *
 * Frame and units: the grid lives in the treated vertebra's own frame (mm; origin at the body
 * centre, +Y superior, +Z anterior, +X patient's left) AFTER the fracture deformation, so it lines
 * up with the deformed bone the app draws once that is placed with `vertebraTransform(level)`.
 * Volumes are millilitres of cement.
 */
import type { CorticalDefectSite, FractureGrade, FractureShape } from '../anatomy/fracture.ts';
import type { LevelId } from '../anatomy/levels.ts';
import type { Vec3 } from '../anatomy/vec.ts';
import type { Ml } from '../units.ts';
import type { Approach, SingleProcedure, Viscosity } from '../caseParams.ts';

/** Voxel classes (values of `CementResult.kind`). */
export const CELL = {
  /** Not part of the flow domain: dural sac, grid border, far tissue. */
  none: 0,
  /** Porous trabecular bone: cement interdigitates here. */
  cancellous: 1,
  /** Cortical shell and posterior-arch bone: a wall. */
  cortical: 2,
  /** Cortical endplate (superior or inferior): a wall unless cracked. */
  endplate: 3,
  /** Intravertebral cleft: a fluid/air gap that fills readily. */
  cleft: 4,
  /** Cortical defect: a break through the shell. */
  defect: 5,
  /** Basivertebral vein (from the posterior-wall foramen into the body). */
  basivertebralVein: 6,
  /** Segmental vein branch (at the lateral vein exits). */
  segmentalVein: 7,
  /** Anterior external venous plexus foramen and its short intraosseous branch. */
  anteriorPlexus: 8,
  /** Disc space above or below the body. */
  disc: 9,
  /** Anterior epidural space behind the posterior wall, in the canal. */
  epidural: 10,
  /** Paravertebral soft tissue around the body. */
  paravertebral: 11,
  /** Balloon cavity (BKP only): a void made by the inflated bone tamp. */
  cavity: 12,
  /** Fracture line through an endplate into the disc. */
  endplateCrack: 13,
} as const;

/** Leak types: Yeom 2003 B, S, C, D (domain.md §5 [C]) plus cement that reached the canal. */
export const LEAK_TYPES = ['basivertebral', 'segmental', 'disc', 'cortical', 'epidural'] as const;
export type LeakType = (typeof LEAK_TYPES)[number];

/** Codes used in `CementResult.route`: 0 = inside the body, else 1 + index into LEAK_TYPES. */
export function leakCode(type: LeakType): number {
  return LEAK_TYPES.indexOf(type) + 1;
}

/** What to simulate. */
export interface CementInput {
  readonly procedure: SingleProcedure;
  readonly level: LevelId;
  readonly grade: FractureGrade;
  readonly shape: FractureShape;
  readonly approach: Approach;
  readonly viscosity: Viscosity;
  /** Planned cement volume for the level, mL. */
  readonly volumeMl: Ml;
  /** Injection rate, mL/min; defaults to DEFAULT_RATE_ML_PER_MIN. */
  readonly rateMlPerMin?: number;
  /** A break in the cortex: true picks the site for the shape, or name the site; false: none;
   * left out: seeded, by its prevalence (CORTICAL_BREAK_CHANCE). */
  readonly corticalDefect?: boolean | CorticalDefectSite;
  /** An intravertebral cleft under the collapsed endplate. */
  readonly cleft?: boolean;
  /** Seed of the trabecular field and of the patient's venous anatomy. */
  readonly seed: number;
  /** Voxel edge, mm (0.75 or finer, down to 0.4; default 0.75). */
  readonly spacingMm?: number;
}

/** The voxel grid. Voxel (i, j, k) has index i + nx * (j + ny * k) and centre origin + spacing * (i, j, k). */
export interface GridMeta {
  readonly level: LevelId;
  /** Always the vertebra's own frame, fracture applied (see the file comment). */
  readonly frame: 'vertebra';
  readonly dims: readonly [number, number, number];
  /** Centre of voxel (0, 0, 0), mm. */
  readonly origin: Vec3;
  /** Voxel edge, mm. */
  readonly spacingMm: number;
}

/** One leak: cement that entered a route out of the body (whether it counts: visibleLeaks.ts). */
export interface LeakEvent {
  readonly type: LeakType;
  /** Cement in this route at the end of injection, mL. */
  readonly volumeMl: number;
  /** Injected volume when the leak started, mL. */
  readonly atMl: number;
  /** Where the cement entered the route, mm (grid frame). */
  readonly position: Vec3;
}

/** Result of one simulation. Timing-free: draw any moment by thresholding `arrival`. */
export interface CementResult {
  readonly input: CementInput;
  readonly grid: GridMeta;
  /** Voxel class per voxel (values of CELL). */
  readonly kind: Uint8Array;
  /** Injected volume (mL) when each voxel filled; Infinity where cement never arrived. */
  readonly arrival: Float32Array;
  /** 0 where the cement is inside the body, else the leak route code (see leakCode). */
  readonly route: Uint8Array;
  /** Needle tips (VP) or balloon centres (BKP), mm. */
  readonly tips: readonly Vec3[];
  readonly leaks: readonly LeakEvent[];
  /** Cement delivered, mL (the planned volume unless the bone could take no more). */
  readonly injectedMl: number;
  readonly cementInsideMl: number;
  readonly leakedMl: number;
  /** Volume of the (fractured) vertebral body, mL. */
  readonly bodyVolumeMl: number;
  /** Cement inside the body / body volume (Molloy 2003's measure, domain.md §6). */
  readonly fillFraction: number;
  /** Balloon cavity volume (BKP), mL; 0 for VP. */
  readonly cavityMl: number;
}

/** Summary over many seeded cases (the CLI's JSON, less timing). */
export interface MonteCarloSummary {
  readonly runs: number;
  /** Share of levels with any visible leak (visibleLeaks.ts). */
  readonly leakRate: number;
  /** Share of levels with a visible leak of each type. */
  readonly byType: Record<LeakType, number>;
  readonly meanFillFraction: number;
  /** Mean cement delivered per level, mL. */
  readonly meanVolumeMl: number;
  /** Mean cement that leaked per level, mL. */
  readonly meanLeakedMl: number;
}

/**
 * The cement surface for one injected volume as the worker sends it (meshed by src/render/cementMesh.ts):
 * `triangles` triangles, nine values each (three vertices × xyz or rgb) in padded grid cells.
 */
export interface CementMeshed {
  readonly ml: number;
  readonly triangles: number;
  readonly positions: Float32Array;
  readonly normals: Float32Array;
  readonly colours: Float32Array;
  /** Time spent meshing, ms. */
  readonly ms: number;
}
