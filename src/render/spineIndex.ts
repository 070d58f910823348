/** The model index written by `npm run models` (public/models/spine/index.json). */
import type { SpineIndexLevel } from '../domain/anatomy/landmarks.ts';

export interface SpineIndex {
  units: string;
  frame: string;
  levels: SpineIndexLevel[];
}

export const MODELS_BASE = `${import.meta.env.BASE_URL}models/spine/`;

export async function fetchSpineIndex(): Promise<SpineIndex> {
  const response = await fetch(`${MODELS_BASE}index.json`);
  if (!response.ok) throw new Error(`The spine model index could not be loaded (HTTP ${response.status}).`);
  const index = (await response.json()) as SpineIndex;
  if (!Array.isArray(index.levels) || index.levels.length === 0) throw new Error('The spine model index lists no levels.');
  return index;
}

/** The chosen level and up to `reach` levels either side that exist in the index, top to bottom. */
export function segmentAround(index: SpineIndex, level: string, reach = 2): SpineIndexLevel[] {
  const i = index.levels.findIndex((l) => l.id === level);
  if (i < 0) throw new Error(`The spine models have no level ${level}.`);
  return index.levels.slice(Math.max(0, i - reach), i + reach + 1);
}
