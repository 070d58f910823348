/**
 * What the trials found and what can go wrong: every published figure the app shows about benefit
 * and harm, with its source, in one place (shared/domain.md §1, §5, §8 and its "Harms and limits"
 * list). The evidence panel, the printed handout, the caption's source lines and the compare
 * results all read their numbers from here; the words around them live in the locale files, under
 * `evidence.fact.<id>.patient` / `.clinical`, with one `{placeholder}` per figure.
 *
 * Tags as in domain.md: C confirmed in a published source, S via a secondary source, U unconfirmed.
 * A [U] item with no primary source ("find a source before giving a number") carries no figure.
 */

/** A published figure, and how many decimals it was reported with (so 40.0 stays "40.0"). */
export interface Figure {
  readonly value: number;
  readonly digits: 0 | 1;
}

export type EvidenceTag = 'C' | 'S' | 'U';

/**
 * Where a fact comes from: a study or review named as it is cited (names and journals are not
 * translated), or none yet: a fact shown without a figure until a primary source is found.
 */
export type Source =
  | { readonly kind: 'study'; readonly cite: string; readonly tag: EvidenceTag }
  | { readonly kind: 'pending' };

/** One statement with its figures and its one source. Text: `evidence.fact.<id>.patient|clinical`. */
export interface Fact {
  readonly id: string;
  readonly figures: Readonly<Record<string, Figure>>;
  readonly source: Source;
  /** An early or unconfirmed report: shown as such, never as a settled rate. */
  readonly uncertain?: true;
}

/** A heading and its facts. Heading text: `evidence.topic.<id>`. */
export interface Topic {
  readonly id: string;
  readonly facts: readonly Fact[];
}

function fig(value: number, digits: 0 | 1 = 0): Figure {
  return { value, digits };
}

function study(cite: string, tag: EvidenceTag): Source {
  return { kind: 'study', cite, tag };
}

const PENDING: Source = { kind: 'pending' };

// Sources named more than once.
const KAVIAR = study('KAVIAR, Dohm 2014', 'C');
const POOLED_LEAKS = study('World Neurosurg 2017;101:633', 'C');
const VERTOS_II_CT = study('VERTOS II, Venmans 2010', 'C');
const SHAM_TRIALS = study('Buchbinder 2009; INVEST 2009; VERTOS IV 2018', 'C');

/** Typical time per level, minutes: KAVIAR, VP 31.8 vs BKP 40.0 (domain.md §1 [C]). */
export const PROCEDURE_MINUTES = { vp: fig(31.8, 1), bkp: fig(40.0, 1), source: KAVIAR } as const;

/** Cement leaks per treated level, percent (domain.md §5 [C]). */
export const LEAK_RATES = {
  /** Any leak, pooled over 22 studies and 4,187 vertebrae: VP 54.7%, BKP 18.4%. */
  pooled: { vp: fig(54.7, 1), bkp: fig(18.4, 1), source: POOLED_LEAKS },
  /** Any leak on CT in the KAVIAR trial: VP 82%, BKP 73%. */
  kaviarCt: { vp: fig(82), bkp: fig(73), source: KAVIAR },
  /** Any leak on CT in VERTOS II (VP): 80%, all without symptoms. */
  vertosIICt: { vp: fig(80), source: VERTOS_II_CT },
} as const;

/** A trial in the side-by-side comparison: who knew what they had, and which procedure. */
export interface Trial extends Fact {
  readonly procedure: 'vp' | 'bkp';
}

/**
 * The trials side by side (domain.md §8 [C]): open trials against usual care, where patients knew
 * they had been treated, found a benefit; blinded trials against a sham procedure found none.
 */
export const TRIALS: { readonly open: readonly Trial[]; readonly sham: readonly Trial[] } = {
  open: [
    { id: 'vertosII', procedure: 'vp', figures: {}, source: study('VERTOS II, Lancet 2010', 'C') },
    // FREE: SF-36 physical component score +5.2 points over non-surgical care at 1 month.
    { id: 'free', procedure: 'bkp', figures: { points: fig(5.2, 1) }, source: study('FREE, Lancet 2009', 'C') },
  ],
  sham: [
    { id: 'buchbinder', procedure: 'vp', figures: { n: fig(78) }, source: study('Buchbinder 2009, NEJM', 'C') },
    { id: 'invest', procedure: 'vp', figures: { n: fig(131) }, source: study('INVEST, Kallmes 2009, NEJM', 'C') },
    { id: 'vertosIV', procedure: 'vp', figures: {}, source: study('VERTOS IV 2018', 'C') },
  ],
};

/** Does it work, beyond the side-by-side trials: what patients felt and the other studies. */
export const BENEFIT: readonly Topic[] = [
  {
    id: 'felt',
    facts: [
      // Uncontrolled series (domain.md §1 [C]: 75–90%): the systematic review of 69 clinical
      // studies found pain relief in 87% after VP and 92% after KP (Hulme 2006, Spine 31:1983).
      { id: 'series', figures: { low: fig(87), high: fig(92) }, source: study('Hulme 2006, Spine 31:1983', 'C') },
      // What blinding changed: the sham-controlled trials above (domain.md §8 [C]).
      { id: 'blinding', figures: {}, source: SHAM_TRIALS },
    ],
  },
  {
    id: 'other',
    facts: [
      { id: 'vapour', figures: {}, source: study('VAPOUR 2016', 'C') },
      { id: 'kaviar', figures: {}, source: KAVIAR },
      { id: 'cochrane', figures: {}, source: study('Cochrane 2018', 'C') },
    ],
  },
];

/** Harms and limits a patient should hear (domain.md §5 and §8 "Harms and limits"). */
export const HARMS: readonly Topic[] = [
  {
    id: 'leaks',
    facts: [
      { id: 'leaksCt', figures: { vp: LEAK_RATES.kaviarCt.vp, bkp: LEAK_RATES.kaviarCt.bkp }, source: KAVIAR },
      { id: 'leaksVertos', figures: { pct: LEAK_RATES.vertosIICt.vp }, source: VERTOS_II_CT },
      // Symptomatic leaks: "<1–3%" is [U] in domain.md §5, so no number until a primary source is
      // found; that they are rare: VERTOS II found leaks at 80% of levels on CT, all without symptoms.
      { id: 'leaksSymptoms', figures: {}, source: VERTOS_II_CT },
    ],
  },
  // Pulmonary cement embolism on imaging, mostly without symptoms (domain.md §5 [C]: 2–23%); the
  // systematic review gives 3.5–23% after augmentation of osteoporotic fractures (Krueger 2009,
  // Eur Spine J 18:1257).
  {
    id: 'lungs',
    facts: [{ id: 'lungs', figures: { low: fig(3.5, 1), high: fig(23) }, source: study('Krueger 2009, Eur Spine J 18:1257', 'C') }],
  },
  {
    id: 'fractures',
    facts: [
      // KAVIAR: new fractures at 12 months, BKP 35.7% vs VP 43.5%, not significant [C].
      { id: 'fracturesKaviar', figures: { bkp: fig(35.7, 1), vp: fig(43.5, 1) }, source: KAVIAR },
      // Al-Ali: a new fracture of any vertebra within a year in 18%, adjacent in 12% [S].
      { id: 'fracturesAlAli', figures: { any: fig(18), adjacent: fig(12) }, source: study('Al-Ali, AJNR', 'S') },
    ],
  },
  {
    id: 'radiation',
    facts: [
      // Fluoroscopy time per level: VP 4.9 min, BKP 6.1 min (Kopparapu meta-analysis) [S].
      { id: 'fluoroTime', figures: { vp: fig(4.9, 1), bkp: fig(6.1, 1) }, source: study('Kopparapu', 'S') },
      // Patient dose about 1–2 mSv for one VP level [S].
      { id: 'dose', figures: { low: fig(1), high: fig(2) }, source: study('BMC Musculoskelet Disord 2013;14:38', 'S') },
    ],
  },
  // Rib fracture from lying prone: 2 of 30 patients (Lieberman 2001) [S].
  { id: 'ribs', facts: [{ id: 'ribs', figures: { n: fig(2), of: fig(30) }, source: study('Lieberman 2001', 'S') }] },
  // Infection: rare; domain.md asks for a source before any number is given.
  { id: 'infection', facts: [{ id: 'infection', figures: {}, source: PENDING }] },
  // Serious complications incl. spinal cord injury ~1.2% in an early registry (Garfin 2001) [U].
  { id: 'serious', facts: [{ id: 'serious', figures: { pct: fig(1.2, 1) }, source: study('Garfin 2001', 'U'), uncertain: true }] },
  // Relief may not come: blinded trials found no benefit over sham (domain.md §8 [C]).
  { id: 'relief', facts: [{ id: 'relief', figures: {}, source: SHAM_TRIALS }] },
];

/** Every fact the panel shows, in order. */
export function allFacts(): Fact[] {
  return [...TRIALS.open, ...TRIALS.sham, ...BENEFIT.flatMap((t) => t.facts), ...HARMS.flatMap((t) => t.facts)];
}

/** A fact's figures as message placeholders, each written by `format` with its reported decimals. */
export function figureVars(fact: Pick<Fact, 'figures'>, format: (value: number, digits: number) => string): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const [name, f] of Object.entries(fact.figures)) vars[name] = format(f.value, f.digits);
  return vars;
}

/**
 * Placeholders of the caption's real-time and source lines (`realTime.procedure.bkp`,
 * `source.leaks`, `source.leaks.bkp`), so those lines show the same figures as the panel.
 */
export function captionVars(format: (value: number, digits: number) => string): Record<string, string> {
  const f = (x: Figure) => format(x.value, x.digits);
  return {
    bkpMin: f(PROCEDURE_MINUTES.bkp),
    vpMin: f(PROCEDURE_MINUTES.vp),
    pooledVp: f(LEAK_RATES.pooled.vp),
    pooledBkp: f(LEAK_RATES.pooled.bkp),
    ctVp: f(LEAK_RATES.vertosIICt.vp),
    ctBkp: f(LEAK_RATES.kaviarCt.bkp),
  };
}
