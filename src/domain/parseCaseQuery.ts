/**
 * Reads the URL-state fields (shared/product.md) field by field. Every value that cannot be used is
 * reported as an issue and replaced by its default; nothing here throws.
 */
import type { CaseParams, TreatableLevel } from './caseParams.ts';
import {
  APPROACHES,
  DEFAULT_CASE,
  GRADES,
  LANGS,
  MODES,
  PROCEDURES,
  RESTORATIONS,
  SHAPES,
  TREATABLE_LEVELS,
  UIS,
  VIEWS,
  VISCOSITIES,
  VOLUME_MAX_ML,
  VOLUME_MIN_ML,
  isOneOf,
} from './caseParams.ts';
import type { StepId } from './procedures/plans.ts';
import { timelinePlan } from './procedures/timelinePlan.ts';
import { totalDuration } from './procedures/timeline.ts';
import { ml } from './units.ts';

/** Why a parameter was ignored. */
export type QueryIssueReason = 'unknown-param' | 'invalid' | 'out-of-range' | 'not-in-procedure' | 'repeated';

export interface QueryIssue {
  param: string;
  value: string;
  reason: QueryIssueReason;
}

export interface ParsedQuery {
  params: CaseParams;
  /** Requested playback position: a step id and/or seconds into the procedure. */
  step: StepId | null;
  t: number | null;
  /**
   * The page that embeds this app (shared/product.md § Embedding): an http(s) origin such as
   * `https://clinic.example`. Not part of the case; only the embed bridge reads it.
   */
  origin: string | null;
  /** `kiosk=1`: the waiting-room loop (not part of the case; the page runs it). */
  kiosk: boolean;
  issues: QueryIssue[];
}

export const QUERY_KEYS = [
  'procedure', 'level', 'grade', 'shape', 'approach', 'step', 't',
  'viscosity', 'volume', 'seed', 'restoration', 'cleft', 'view', 'lang', 'mode', 'ui', 'origin', 'kiosk',
] as const;
type QueryKey = (typeof QUERY_KEYS)[number];

/** A decimal number in plain notation: no hex, no exponent, no trailing text. */
const DECIMAL = /^-?\d+(\.\d+)?$/;

/**
 * `defaults` stand in for every field the query leaves out or gets wrong (the page passes the
 * browser's language as the default `lang`).
 */
export function parseCaseQuery(
  entries: Iterable<readonly [string, string]>,
  defaults: Readonly<CaseParams> = DEFAULT_CASE,
): ParsedQuery {
  const params: CaseParams = { ...defaults };
  const issues: QueryIssue[] = [];
  const seen = new Map<QueryKey, string>();

  for (const [key, value] of entries) {
    if (!isOneOf(QUERY_KEYS, key)) {
      issues.push({ param: key, value, reason: 'unknown-param' });
    } else if (seen.has(key)) {
      issues.push({ param: key, value, reason: 'repeated' });
    } else {
      seen.set(key, value.trim());
    }
  }

  function pick<T extends string>(key: QueryKey, list: readonly T[], apply: (v: T) => void): void {
    const raw = seen.get(key);
    if (raw === undefined) return;
    const value = key === 'level' ? raw.toUpperCase() : raw.toLowerCase();
    if (isOneOf(list, value)) apply(value);
    else issues.push({ param: key, value: raw, reason: 'invalid' });
  }

  pick('procedure', PROCEDURES, (v) => (params.procedure = v));
  pick('level', TREATABLE_LEVELS, (v: TreatableLevel) => (params.level = v));
  pick('shape', SHAPES, (v) => (params.shape = v));
  pick('approach', APPROACHES, (v) => (params.approach = v));
  pick('viscosity', VISCOSITIES, (v) => (params.viscosity = v));
  pick('restoration', RESTORATIONS, (v) => (params.restoration = v));
  pick('view', VIEWS, (v) => (params.view = v));
  pick('mode', MODES, (v) => (params.mode = v));
  pick('lang', LANGS, (v) => (params.lang = v));
  pick('ui', UIS, (v) => (params.ui = v));

  const grade = seen.get('grade');
  if (grade !== undefined) {
    const n = Number(grade);
    if (DECIMAL.test(grade) && isOneOf(GRADES, n)) params.grade = n;
    else issues.push({ param: 'grade', value: grade, reason: DECIMAL.test(grade) ? 'out-of-range' : 'invalid' });
  }

  const volume = seen.get('volume');
  if (volume !== undefined) {
    const n = Number(volume);
    if (!DECIMAL.test(volume)) issues.push({ param: 'volume', value: volume, reason: 'invalid' });
    else if (n < VOLUME_MIN_ML || n > VOLUME_MAX_ML) issues.push({ param: 'volume', value: volume, reason: 'out-of-range' });
    else params.volume = ml(n);
  }

  const seed = seen.get('seed');
  if (seed !== undefined) {
    const n = Number(seed);
    if (!/^\d{1,10}$/.test(seed) || n > 0xffffffff) issues.push({ param: 'seed', value: seed, reason: 'invalid' });
    else params.seed = n;
  }

  const plan = timelinePlan(params.procedure);
  let step: StepId | null = null;
  const rawStep = seen.get('step');
  if (rawStep !== undefined) {
    const id = rawStep.toLowerCase();
    const index = plan.steps.findIndex((s) => s.id === id);
    if (index >= 0) step = plan.steps[index]!.id;
    else issues.push({ param: 'step', value: rawStep, reason: 'not-in-procedure' });
  }

  let t: number | null = null;
  const rawT = seen.get('t');
  if (rawT !== undefined) {
    const n = Number(rawT);
    if (!DECIMAL.test(rawT)) issues.push({ param: 't', value: rawT, reason: 'invalid' });
    else if (n < 0) issues.push({ param: 't', value: rawT, reason: 'out-of-range' });
    // product.md: "A `t` past the end means the end."
    else t = Math.min(n, totalDuration(plan));
  }

  let origin: string | null = null;
  const rawOrigin = seen.get('origin');
  if (rawOrigin !== undefined) {
    origin = parseOrigin(rawOrigin);
    if (origin === null) issues.push({ param: 'origin', value: rawOrigin, reason: 'invalid' });
  }

  const cleft = seen.get('cleft');
  if (cleft !== undefined) {
    const value = cleft.toLowerCase();
    if (value === '1' || value === 'true') params.cleft = true;
    else if (value === '0' || value === 'false') params.cleft = false;
    else issues.push({ param: 'cleft', value: cleft, reason: 'invalid' });
  }

  let kiosk = false;
  const rawKiosk = seen.get('kiosk');
  if (rawKiosk !== undefined) {
    const value = rawKiosk.toLowerCase();
    if (value === '1' || value === 'true') kiosk = true;
    else if (value !== '0' && value !== 'false') issues.push({ param: 'kiosk', value: rawKiosk, reason: 'invalid' });
  }

  return { params, step, t, origin, kiosk, issues };
}

/** `scheme://host[:port]` exactly, http or https, with nothing after it; else null. */
export function parseOrigin(raw: string): string | null {
  try {
    const url = new URL(raw);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return url.origin === raw.replace(/\/$/, '') ? url.origin : null;
  } catch {
    return null;
  }
}
