/** The model index written by `npm run models` (public/models/spine/index.json). */
import type { SpineIndexLevel } from '../domain/anatomy/landmarks.ts';

export interface SpineIndex {
  units: string;
  frame: string;
  levels: SpineIndexLevel[];
}

export const MODELS_BASE = `${import.meta.env.BASE_URL}models/spine/`;

export const INDEX_URL = `${MODELS_BASE}index.json`;

/** `fresh`: skip the browser's HTTP cache (a retry must not get the same broken answer back). */
export async function fetchSpineIndex(fresh = false): Promise<SpineIndex> {
  const response = await fetch(INDEX_URL, { cache: fresh ? 'no-cache' : 'default' });
  if (!response.ok) throw new Error(`The spine model index could not be loaded (HTTP ${response.status}).`);
  let index: SpineIndex;
  try {
    index = (await response.json()) as SpineIndex;
  } catch {
    throw new Error('The spine model index is damaged (not valid JSON).');
  }
  if (!index || !Array.isArray(index.levels) || index.levels.length === 0) throw new Error('The spine model index lists no levels.');
  return index;
}

/** The chosen level and up to `reach` levels either side that exist in the index, top to bottom. */
export function segmentAround(index: SpineIndex, level: string, reach = 2): SpineIndexLevel[] {
  const i = index.levels.findIndex((l) => l.id === level);
  if (i < 0) throw new Error(`The spine models have no level ${level}.`);
  return index.levels.slice(Math.max(0, i - reach), i + reach + 1);
}
