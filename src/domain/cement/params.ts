/**
 * Constants of the cement model, each with its source. Physical numbers come from
 * shared/domain.md; numbers marked [U] are modelling estimates (approximate), several of them
 * tuned so that the seeded population reproduces the pooled leak rates of domain.md §5 — the
 * calibration tests in tests/domain/cement hold them there.
 */
import type { Viscosity } from '../caseParams.ts';

/** domain.md §7: Darcy permeability of cancellous bone, Baroud 2004 [C], m². */
export const PERMEABILITY_SI_M2 = 4.45e-8;
export const PERMEABILITY_AP_M2 = 3.44e-8;
/** Left–right permeability: not given by Baroud 2004; taken equal to AP [U]. @alias */
export const PERMEABILITY_LR_M2 = PERMEABILITY_AP_M2;

/** domain.md §7: osteoporotic porosity 85–95% [U]; the middle. Cement fills the pores only. */
export const POROSITY = 0.9;

/** Default voxel edge, mm (issue 5: 0.75 mm or finer). */
export const DEFAULT_SPACING_MM = 0.75;
/** Finest voxel edge accepted, mm (memory grows as 1/spacing³). */
export const MIN_SPACING_MM = 0.4;

/** Default injection rate [U] (modelling estimate: about a millilitre a minute by hand). */
export const DEFAULT_RATE_ML_PER_MIN = 1;

/**
 * Viscous resistance weight per mm of Darcy path (threshold units / mm), by viscosity. Darcy:
 * the pressure to push cement a distance L through bone grows as μL/k, so a thicker cement pays
 * more for a long finger and advances as a compact front; a thin one fingers along the weakest
 * paths (domain.md §7, Trivedi 2023, Widmer Soyka 2013 [C]). Viscosity runs from tens of Pa·s
 * early to 100–1000 Pa·s doughy (domain.md §6 [U]); the weights are [U], tuned.
 */
export const VISCOUS_WEIGHT: Record<Viscosity, number> = { low: 0.035, medium: 0.09, high: 0.2 };

/**
 * Entry barrier of a vein (threshold units) for each viscosity, for a vessel of
 * VEIN_BARRIER_RADIUS_MM at the default rate [U]: a doughy cement does not enter a millimetre-wide
 * vessel as readily as a runny one (yield stress). Scaled by 1/radius per vein and by
 * 1/√(rate / default rate), the same at every level. Tuned towards domain.md §5 [C]: low viscosity
 * OR 3.32 for any leak, high vs low RR 0.38; medium retuned (0.95 → 0.85) for the deeper lumbar
 * bodies of Clouthier 2023's mean shape, so VP stays in 45–65% of levels at every level.
 */
export const VEIN_BARRIER: Record<Viscosity, number> = { low: 0.5, medium: 0.85, high: 2.8 };

/**
 * Entry length, mm of bone-equivalent Darcy path [U], paid once when cement enters a route out of
 * the body: the narrow vein mouth, crack or break. A runny cement pays little for it in pressure
 * (small viscous weight), a doughy one a lot — so thick cement leaks less (domain.md §5 [C]).
 */
export const ENTRY_LENGTH_MM = { vein: 2.5, defect: 0.5, crack: 1 };

/**
 * Vein radii, mm [U] (modelling estimates: the basivertebral vein is the largest intraosseous
 * vein; the foramina of the anterior plexus are the smallest). The entry barrier scales as
 * 1/radius, as a capillary or yield-stress entry pressure does.
 */
export const VEIN_RADIUS_MM = { basivertebral: 1.05, segmental: 0.55, anteriorPlexus: 0.47 };

/** Radius at which a vein's entry barrier is VEIN_BARRIER itself, mm [U]; a vein of radius r pays ×(this / r). */
export const VEIN_BARRIER_RADIUS_MM = 0.5;

/**
 * Spread of vein calibre [U]: a log-uniform factor per patient (±this in natural log) times a
 * uniform factor per vein system (± this fraction). Patients differ in how leak-prone they are,
 * which keeps the rise of leak rate with volume gradual.
 */
export const PATIENT_CALIBRE_LOG_SPREAD = 0.6;
export const VEIN_CALIBRE_SPREAD = 0.3;

/**
 * Extra entry barrier of a cortical defect when barely open (none when wide open) [U]: fracture
 * lines differ in how far they gape; tuned so a defect raises the odds of a leak about as the
 * pooled OR 5.56 does (domain.md §5 [C]).
 */
export const DEFECT_BARRIER = 2;

/**
 * Entry barrier of a fracture line (cortical break or endplate crack) by viscosity [U]: like a
 * vein's, a doughy cement does not enter a narrow gap as readily as a runny one. Tuned so
 * high-viscosity cement leaks less in kyphoplasty too, where cement reaches opened fracture lines
 * at low pressure (domain.md §5: high vs low viscosity RR 0.38 over VP and BKP [C]).
 */
export const BREAK_BARRIER: Record<Viscosity, number> = { low: 0, medium: 0, high: 0.6 };

/** Share of the entry thresholds that varies smoothly (regional bone loss) vs voxel by voxel [U]. */
export const FIELD_SMOOTH_SHARE = 0.55;
/** Correlation length of the smooth part, mm [U] (a few trabecular spacings). */
export const FIELD_CELL_MM = 3;

/** Per-class entry threshold and path resistance per mm (× the Darcy cost of cancellous bone). */
export interface MediumRule {
  readonly threshold: number;
  readonly resistancePerMm: number;
}

/**
 * Media other than cancellous bone [U]. Voids (cavity, cleft) fill first; veins and breaks are
 * low-resistance routes out of the body (domain.md §7: leaks follow veins, cortical defects and
 * endplate cracks [C]); tissue outside takes cement reluctantly, so leaks stay local.
 */
export const MEDIA = {
  cavity: { threshold: -2, resistancePerMm: 0.05 },
  cleft: { threshold: -0.6, resistancePerMm: 0.15 },
  vein: { threshold: 0.05, resistancePerMm: 0.15 },
  defect: { threshold: 0.1, resistancePerMm: 0.4 },
  crack: { threshold: 0.35, resistancePerMm: 0.8 },
  disc: { threshold: 0.4, resistancePerMm: 0.9 },
  epidural: { threshold: 0.45, resistancePerMm: 1.5 },
  paravertebral: { threshold: 0.4, resistancePerMm: 1.2 },
} as const satisfies Record<string, MediumRule>;

/** Random part of the entry threshold outside the bone (uneven soft tissue) [U]. */
export const OUTSIDE_NOISE = 0.4;
/**
 * Resistance of a superior–inferior step outside the bone relative to other directions [U]: the
 * external vertebral venous plexuses and the epidural plexus run lengthwise (domain.md §2).
 */
export const OUTSIDE_SI_FACTOR = 0.4;

/**
 * BKP: the balloon compacts the trabeculae round the cavity, which then resist interdigitation
 * [U]: the cement first fills the cavity at low pressure (domain.md §6, Weisskopf 2008 [C]),
 * then interdigitates through the compacted rim, which is less permeable (a higher Darcy cost
 * per mm) and a little harder to enter. Thickness, resistance and threshold [U], tuned.
 */
export const COMPACTED_SHELL_MM = 1.5;
export const COMPACTED_RESISTANCE = 4;
export const COMPACTED_EXTRA_THRESHOLD = 0.2;

/** The balloon's shape and the cavity it leaves: procedures/balloon.ts (one shape for picture and simulation). */

/**
 * BKP: how far from the cavity a fracture line is pushed open by the inflating balloon, mm [U]
 * (modelling estimate: a few millimetres past the compacted rim). Tuned so kyphoplasty
 * leaks are mixed, venous, cortical and disc (domain.md §5: Lee 2010, Lysenko 2018, Wang 2014).
 */
export const BALLOON_OPENS_FRACTURE_MM = 6.5;

/** Sclerotic rim round an intravertebral cleft, mm, resisting like compacted bone [U]. */
export const CLEFT_RIM_MM = 0.75;
/**
 * Chance that the endplate over a cleft is broken through to the disc [U]. The cleft lies against
 * the collapsed endplate (anatomy/fracture.ts), so a breach opens it to the disc at every level
 * and body height alike. With the fissure from a cleft to a cortical break, a cleft raises the
 * odds of a leak at T9, L1 and L4 by 1.9–2.5× on the calibration seeds (pooled OR 1.40,
 * domain.md §5 [C]). Disc leaks with a cleft then come out at 47–51% of VP levels, well above
 * Tang 2021's 16.5% [C]: the model's cleft holds cement that would otherwise leave by the
 * segmental veins (they fall to 3–8% of levels, against Tang's 52.5% → 24.5%), and the disc
 * makes up the difference. A known limit (README).
 */
export const CLEFT_BREACH_CHANCE = 0.4;

/**
 * Smallest leak that counts, mL [U] (modelling estimate): 0.05 mL is a streak about 2 cm along a
 * 1–2 mm vein, or a blob 4–5 mm across, which opacified cement shows on a radiograph or
 * fluoroscopy; smaller traces are left to CT. One rule for the statistics, the metrics, the
 * labels and the `leak` event (visibleLeaks.ts).
 */
export const MIN_VISIBLE_LEAK_ML = 0.05;

/**
 * Chance of an endplate fracture line open to the disc, by Genant grade [U]: more collapse, more
 * often both endplates and cracks (Wang 2020, Chin Med J 133:2696). Set, with the model's chance
 * of cement entering an open crack, so that disc leaks come out near Tang 2021's 6.5% of VP levels
 * without a cleft (domain.md §5 [C]).
 */
export const CRACK_CHANCE: Record<1 | 2 | 3, number> = { 1: 0.1, 2: 0.15, 3: 0.22 };

/**
 * Chance of a fracture line through the cortical shell when the case does not say, by Genant
 * grade [U]. Set, with the model's chance of cement finding an open break, so that cortical leaks
 * come out near Tang 2021's 12.2% of VP levels without a cleft (domain.md §5 [C]); a case can
 * still name a defect (the pooled OR 5.56 is measured between cases with and without one).
 */
export const CORTICAL_BREAK_CHANCE: Record<1 | 2 | 3, number> = { 1: 0.2, 2: 0.28, 3: 0.36 };

/**
 * Chance of a fracture line through the cortex when the body holds a cleft [U]: a cleft is an
 * unhealed fracture gap, often open to the cortex, and the line runs on from the cleft to the
 * break (features.ts). Cortical leaks with a cleft come out at 17–32% of VP levels at T9, L1 and
 * L4 on the calibration seeds, near Tang 2021's 25.9%, against 12.2% without (domain.md §5 [C]).
 */
export const CLEFT_CORTICAL_BREAK_CHANCE = 0.8;
