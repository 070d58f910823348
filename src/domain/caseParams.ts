/**
 * The case a user explores: which procedure, which vertebra, what fracture, what cement.
 * These are the URL-state fields of shared/product.md ("App state in the URL"); validation is
 * field by field so one bad value never spoils the rest.
 */
import type { Ml } from './units.ts';
import { ml } from './units.ts';

export const PROCEDURES = ['vp', 'bkp', 'compare'] as const;
export type Procedure = (typeof PROCEDURES)[number];
/** A procedure that can actually be performed (compare shows both). */
export type SingleProcedure = Exclude<Procedure, 'compare'>;

/** Levels that can be treated. S1 exists in the model as the base of the spine but is not offered. */
export const TREATABLE_LEVELS = [
  'T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9', 'T10', 'T11', 'T12',
  'L1', 'L2', 'L3', 'L4', 'L5',
] as const;
export type TreatableLevel = (typeof TREATABLE_LEVELS)[number];

/** Genant semi-quantitative grade (domain.md §3): 1 = 20–25%, 2 = 25–40%, 3 = >40% height loss. */
export const GRADES = [1, 2, 3] as const;
export type Grade = (typeof GRADES)[number];
/** Fracture morphology (domain.md §3). */
export const SHAPES = ['wedge', 'biconcave', 'crush'] as const;
export type Shape = (typeof SHAPES)[number];
export const APPROACHES = ['unipedicular', 'bipedicular'] as const;
export type Approach = (typeof APPROACHES)[number];
export const VISCOSITIES = ['low', 'medium', 'high'] as const;
export type Viscosity = (typeof VISCOSITIES)[number];
export const VIEWS = ['3d', 'fluoro', 'split'] as const;
export type View = (typeof VIEWS)[number];
export const MODES = ['patient', 'educator'] as const;
export type Mode = (typeof MODES)[number];
/** Which chrome surrounds the view: the full app, or the compact player embedded in a clinic's page. */
export const UIS = ['full', 'compact'] as const;
export type Ui = (typeof UIS)[number];
/**
 * Which kyphoplasty case is shown (domain.md §4): the population mean (default), a responder, or a
 * level that regains no height (procedures/restoration.ts).
 */
export const RESTORATIONS = ['mean', 'responder', 'none'] as const;
export type Restoration = (typeof RESTORATIONS)[number];
/** Languages with a complete translation. */
export const LANGS = ['en', 'es', 'fr', 'de', 'pt'] as const;
export type Lang = (typeof LANGS)[number];

/**
 * The first of the browser's preferred languages (`the browser’s languages list`, e.g. "de-AT") that has a
 * translation, by its primary subtag; English when none has.
 */
export function langFromBrowser(languages: readonly string[]): Lang {
  for (const tag of languages) {
    const primary = tag.split(/[-_]/)[0]!.toLowerCase();
    if (isOneOf(LANGS, primary)) return primary;
  }
  return 'en';
}

/**
 * Cement volume bounds for the volume control, mL. Reported means per level run from 2.8 mL
 * (Buchbinder 2009) to 7.5 mL (VAPOUR 2016), domain.md §6; the range leaves room either side.
 */
export const VOLUME_MIN_ML = ml(0.5);
export const VOLUME_MAX_ML = ml(10);

export interface CaseParams {
  procedure: Procedure;
  level: TreatableLevel;
  grade: Grade;
  shape: Shape;
  approach: Approach;
  viscosity: Viscosity;
  /** Planned cement volume per level; null = the default for the fractured level (cement/plannedVolume.ts). */
  volume: Ml | null;
  seed: number;
  /** The kyphoplasty case shown: population mean, responder or no restoration. */
  restoration: Restoration;
  /**
   * An intravertebral cleft (a fluid or gas gap under the collapsed endplate, domain.md §3): drawn on
   * the cut face and filled first by the cement, raising the odds of a leak (domain.md §5).
   */
  cleft: boolean;
  view: View;
  mode: Mode;
  lang: Lang;
  ui: Ui;
}

/**
 * Default case: L1, the most often fractured level (domain.md §3: L1 > T12 > L2),
 * Genant grade 2 wedge fracture, the commonest osteoporotic shape.
 */
export const DEFAULT_CASE: Readonly<CaseParams> = Object.freeze({
  procedure: 'vp',
  level: 'L1',
  grade: 2,
  shape: 'wedge',
  approach: 'bipedicular',
  viscosity: 'medium',
  volume: null,
  seed: 1,
  restoration: 'mean',
  cleft: false,
  view: '3d',
  mode: 'patient',
  lang: 'en',
  ui: 'full',
});

export function isOneOf<T extends string | number>(list: readonly T[], value: unknown): value is T {
  return (list as readonly unknown[]).includes(value);
}
