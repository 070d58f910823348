/**
 * Per-level vertebral parameters, T1–L5 plus a simplified S1.
 * Units: millimetres and degrees. Frame of the numbers: the vertebra's own anatomical axes.
 *
 * Base values are domain.md §2b's placeholder table [U] (in the style of Panjabi 1991/1992 and
 * Zhou 2000); the confirmed anchors listed under that table [C] override them, and Clouthier 2023's
 * mean-mesh extents (domain.md §2a) [C] set the lumbar outline. Shape parameters the table does not
 * give (process lengths and angles) are modelling estimates, marked [U].
 */

export const LEVELS = [
  'T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9', 'T10', 'T11', 'T12',
  'L1', 'L2', 'L3', 'L4', 'L5', 'S1',
] as const;

export type LevelId = (typeof LEVELS)[number];

export type Region = 'thoracic' | 'lumbar' | 'sacral';

/** Whole-vertebra extents (mm) along anterior–posterior, left–right and superior–inferior. */
export interface Extents {
  readonly ap: number;
  readonly lr: number;
  readonly si: number;
}

/** One level's dimensions. All lengths mm, angles degrees. */
export interface LevelParams {
  readonly id: LevelId;
  readonly region: Region;
  /** Upper endplate width (left–right). */
  readonly epw: number;
  /** Upper endplate depth (anterior–posterior, midline). */
  readonly epd: number;
  /** Anterior body height. */
  readonly vbha: number;
  /** Posterior body height. */
  readonly vbhp: number;
  /** Pedicle width (transverse, at the isthmus). */
  readonly pw: number;
  /** Pedicle height. */
  readonly ph: number;
  /** Pedicle transverse angle, medial convergence positive (degrees). */
  readonly pta: number;
  /** Spinal canal width (interpedicular). */
  readonly scw: number;
  /** Spinal canal depth (midline, body back wall to lamina). */
  readonly scd: number;
  /**
   * Whole-vertebra extents: AP places the spinous tip, LR the transverse tips. SI sizes the
   * articular processes of lumbar levels only; thoracic SI follows from the spinous angle.
   */
  readonly extents: Extents;
  /** Spinous process angle below the horizontal (degrees) [U]. */
  readonly spinousAngle: number;
  /** Which entries are confirmed [C] (tested at ±5% instead of ±10%). */
  readonly confirmed: readonly (keyof LevelParams)[];
}

type Row = [LevelId, number, number, number, number, number, number, number, number, number];

// domain.md §2b [U] placeholder table (Panjabi 1991/1992, Zhou 2000 style):
// id, EPW, EPD, VBHa, VBHp, PW, PH, PTA, SCW, SCD
const TABLE: readonly Row[] = [
  ['T1', 27, 16, 14, 14, 8, 9, 32, 20, 15],
  ['T2', 26, 17, 15, 15, 6.5, 11, 25, 17, 15],
  ['T3', 26, 19, 15, 16, 5, 11, 18, 16, 15],
  ['T4', 26, 21, 16, 16, 4.5, 11, 14, 15, 15],
  ['T5', 27, 23, 16, 17, 4.5, 11, 12, 15, 15],
  ['T6', 28, 25, 17, 17, 5, 11, 10, 15, 15],
  ['T7', 29, 26, 17, 18, 5, 11, 9, 15, 15],
  ['T8', 30, 27, 18, 19, 5.5, 12, 8, 15, 15],
  ['T9', 31, 28, 18, 19, 6, 13, 7, 16, 15],
  ['T10', 33, 29, 19, 20, 6.5, 14, 5, 17, 16],
  ['T11', 36, 30, 20, 22, 7.5, 16, 2, 19, 17],
  ['T12', 39, 31, 22, 23, 8, 16, -3, 21, 17],
  ['L1', 41, 32, 25, 26, 8.5, 15, 11, 22, 18],
  ['L2', 43, 33, 26, 27, 9, 15, 12, 23, 17],
  ['L3', 45, 34, 27, 27, 10.5, 15, 14, 24, 17],
  ['L4', 47, 35, 27, 26, 13, 14, 18, 24, 17],
  ['L5', 49, 35, 29, 26, 17, 13.5, 27, 27, 17],
  // S1 is simplified: an L5-like body carrying the sacral base [U] (modelling estimate).
  ['S1', 50, 34, 28, 26, 16, 14, 30, 28, 14],
];

type Override = Partial<Pick<LevelParams, 'epw' | 'epd' | 'vbha' | 'vbhp' | 'pw' | 'pta' | 'scw' | 'scd'>>;

// Confirmed anchors, domain.md §2b [C]. They win over the table.
const ANCHORS: Partial<Record<LevelId, Override>> = {
  // Kaur 2016; Lien 2007 [C]: thoracic pedicle transverse angle ~35° at T1.
  T1: { pta: 35 },
  // Egwu 2019 [C]: thoracic anterior body height 16.9 mm at T2, posterior 17.6 mm [S] (domain.md
  // §2b "Checks against other series": thoracic bodies are taller at the back).
  T2: { vbha: 16.9, vbhp: 17.6 },
  // Kaur 2016; Lien 2007 [C]: pedicle width narrowest at T4–T5, 3.7–4.5 mm (values chosen inside).
  T4: { pw: 4.1 },
  T5: { pw: 4.3 },
  // Egwu 2019 [C]: thoracic anterior body height 18.8 mm at T9.
  T9: { vbha: 18.8 },
  // Kaur 2016; Lien 2007 [C]: pedicle width ~8 mm at T12. Transverse angle: Kaur 2016 gives −9.8°,
  // two other CT series +3° to +4° (domain.md §2b checks [S]): the sources disagree, so we keep
  // it near neutral, slightly negative.
  T12: { pw: 8, pta: -3 },
  // Kaur 2016; Lien 2007 [C]: pedicle width ~16 mm at L5. L5 body anterior height 30.3,
  // posterior 26.3, depth ~35.5 mm [C]. These rims stay although Clouthier 2023's mean mesh is
  // 30.1 mm tall at the body centre (domain.md §2a [C]) and ours about 28 mm: the 2 mm lies well
  // inside that study's range of body heights (23.5–32.3 mm, §2a), and §2b's confirmed anchors win.
  L5: { pw: 16, vbha: 30.3, vbhp: 26.3, epd: 35.5 },
};

/**
 * Corrections to the placeholder table from other series (domain.md §2b "Checks against other
 * series", 2026-11) [S], with the neighbours blended toward them [U] so the column stays smooth.
 * - Body heights T1–T8: Egwu 2019 gives anterior 16.9 mm at T2 and 18.8 mm at T9, and thoracic
 *   bodies taller at the back (T2 posterior 17.6 mm); the table's T1–T3 were low and T2's sign
 *   reversed. T3–T8 anterior heights run linearly between Egwu's T2 and T9 [U: interpolation];
 *   T1 sits a little below T2 [U]; posterior heights are 0.7 mm taller, T2's difference [U].
 * - Canal T4–T6: CT series give width 19–21 mm and depth 17–20 mm (Kaur 2016; Chughtai) [S],
 *   wider than the table's 15 mm; T2–T3 and T7–T10 blend toward them [U].
 * - Body heights L4: Clouthier 2023's mean mesh is 27.5 mm tall at the body centre (domain.md §2a
 *   [C]), taller than both of the table's placeholder rims (27 / 26 mm), so with endplates only
 *   slightly hollow the body came out 6.5% short. Both rims are raised 1.5 mm [U: chosen so the
 *   centre matches the mean], keeping L4 taller in front (§2b).
 */
const CHECKED: Partial<Record<LevelId, Override>> = {
  T1: { vbha: 16.2, vbhp: 16.9 }, // [U] a little below Egwu's T2
  T3: { vbha: 17.2, vbhp: 17.9, scw: 19, scd: 16.5 }, // [U] interpolated
  T4: { vbha: 17.4, vbhp: 18.1, scw: 20, scd: 18 }, // canal [S]; heights [U] interpolated
  T5: { vbha: 17.7, vbhp: 18.4, scw: 20, scd: 18 }, // canal [S]; heights [U] interpolated
  T6: { vbha: 18.0, vbhp: 18.7, scw: 20, scd: 18 }, // canal [S]; heights [U] interpolated
  T7: { vbha: 18.3, vbhp: 19.0, scw: 19, scd: 17 }, // [U] interpolated
  T8: { vbha: 18.5, vbhp: 19.2, scw: 18, scd: 16.5 }, // [U] interpolated
  T9: { vbhp: 19.5, scw: 17.5, scd: 16 }, // [U] posterior 0.7 mm above Egwu's anterior 18.8
  T10: { scw: 17.5 }, // [U] blend
  T2: { scw: 18, scd: 16 }, // [U] blend toward the mid-thoracic canal
  L4: { vbha: 28.5, vbhp: 27.5 }, // [U] centre to Clouthier 2023's mean (27.5 mm) [C]
};

/** Measures of Clouthier 2023's mean lumbar mesh (mm). */
export interface MeanMeshShape {
  /** Body depth at mid-height on the midline. */
  readonly midDepth: number;
  /** Body width at mid-height (the waist). */
  readonly waistWidth: number;
  /** Body height at the body centre. */
  readonly centreHeight: number;
  /** Whole-vertebra extent AP × LR × SI. */
  readonly extents: Extents;
}

/** Clouthier 2023 [C] (domain.md §2a), measured on that study's mean mesh, L2–L5. */
export const MEAN_MESH: Readonly<Record<'L2' | 'L3' | 'L4' | 'L5', MeanMeshShape>> = {
  L2: { midDepth: 35.7, waistWidth: 38.6, centreHeight: 26.6, extents: { ap: 87.7, lr: 83.0, si: 51.0 } },
  L3: { midDepth: 36.4, waistWidth: 41.0, centreHeight: 26.6, extents: { ap: 89.8, lr: 92.6, si: 50.0 } },
  L4: { midDepth: 36.0, waistWidth: 41.8, centreHeight: 27.5, extents: { ap: 88.8, lr: 89.8, si: 45.7 } },
  L5: { midDepth: 38.4, waistWidth: 43.9, centreHeight: 30.1, extents: { ap: 83.1, lr: 94.8, si: 51.8 } },
};

// Clouthier 2023 [C] (domain.md §2a): mean-mesh whole-vertebra extent AP × LR × SI.
// L1 and the thoracic levels are modelling estimates [U] that taper upward from L2 (thoracic SI
// is descriptive only: the generator does not aim at it).
const EXTENTS: Record<LevelId, Extents> = {
  T1: { ap: 62, lr: 70, si: 42 }, // [U]
  T2: { ap: 62, lr: 64, si: 46 }, // [U]
  T3: { ap: 62, lr: 60, si: 48 }, // [U]
  T4: { ap: 63, lr: 58, si: 50 }, // [U]
  T5: { ap: 64, lr: 58, si: 52 }, // [U]
  T6: { ap: 65, lr: 58, si: 54 }, // [U]
  T7: { ap: 66, lr: 58, si: 55 }, // [U]
  T8: { ap: 67, lr: 58, si: 55 }, // [U]
  T9: { ap: 68, lr: 57, si: 54 }, // [U]
  T10: { ap: 70, lr: 55, si: 52 }, // [U]
  T11: { ap: 72, lr: 50, si: 50 }, // [U]
  T12: { ap: 76, lr: 50, si: 50 }, // [U]
  L1: { ap: 84, lr: 74, si: 50 }, // [U]
  L2: MEAN_MESH.L2.extents, // Clouthier 2023 [C]
  L3: MEAN_MESH.L3.extents, // Clouthier 2023 [C]
  L4: MEAN_MESH.L4.extents, // Clouthier 2023 [C]
  L5: MEAN_MESH.L5.extents, // Clouthier 2023 [C]
  S1: { ap: 60, lr: 100, si: 40 }, // simplified sacral base [U]
};

// Thoracic spinous processes point steeply down (mid-thoracic steepest): modelling estimates [U]
// from standard anatomy texts. Lumbar ones run back and a little down, so that the blade's tip
// lies below mid-height as in Clouthier 2023's mean shape (lateral views in shared/reference/) [U].
const SPINOUS_ANGLE: Record<LevelId, number> = {
  T1: 22, T2: 32, T3: 42, T4: 48, T5: 54, T6: 56, T7: 56, T8: 54, T9: 48, T10: 40, T11: 30, T12: 18,
  L1: 12, L2: 16, L3: 14, L4: 14, L5: 18, S1: 30,
};

function regionOf(id: LevelId): Region {
  if (id.startsWith('T')) return 'thoracic';
  if (id.startsWith('L')) return 'lumbar';
  return 'sacral';
}

function buildLevel(row: Row): LevelParams {
  const [id, epw, epd, vbha, vbhp, pw, ph, pta, scw, scd] = row;
  const anchor: Override = { ...CHECKED[id], ...ANCHORS[id] };
  const confirmed = Object.keys(ANCHORS[id] ?? {}) as (keyof LevelParams)[];
  if (id === 'L2' || id === 'L3' || id === 'L4' || id === 'L5') confirmed.push('extents');
  return {
    id,
    region: regionOf(id),
    epw: anchor.epw ?? epw,
    epd: anchor.epd ?? epd,
    vbha: anchor.vbha ?? vbha,
    vbhp: anchor.vbhp ?? vbhp,
    pw: anchor.pw ?? pw,
    ph,
    pta: anchor.pta ?? pta,
    scw: anchor.scw ?? scw,
    scd: anchor.scd ?? scd,
    extents: EXTENTS[id],
    spinousAngle: SPINOUS_ANGLE[id],
    confirmed,
  };
}

const PARAMS: Record<LevelId, LevelParams> = Object.fromEntries(
  TABLE.map((row) => [row[0], buildLevel(row)]),
) as Record<LevelId, LevelParams>;

/** Parameters of one level. */
export function levelParams(id: LevelId): LevelParams {
  return PARAMS[id];
}

/** The level below `id`, or undefined for S1. */
export function nextLevel(id: LevelId): LevelId | undefined {
  return LEVELS[LEVELS.indexOf(id) + 1];
}

/** The level above `id`, or undefined for T1. */
export function previousLevel(id: LevelId): LevelId | undefined {
  const i = LEVELS.indexOf(id);
  return i > 0 ? LEVELS[i - 1] : undefined;
}

export function isLevelId(value: string): value is LevelId {
  return (LEVELS as readonly string[]).includes(value);
}
