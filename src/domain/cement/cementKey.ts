import type { CementInput } from './types.ts';

/** One string per simulated case: the cache key of its result wherever results are kept. */
export function cementKey(input: CementInput): string {
  return [input.procedure, input.level, input.grade, input.shape, input.approach, input.viscosity, input.volumeMl, input.seed, input.corticalDefect ?? '', input.cleft ?? ''].join('|');
}
