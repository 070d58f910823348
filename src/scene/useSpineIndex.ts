import type { SpineIndex } from '../render/spineIndex.ts';
import { fetchSpineIndex } from '../render/spineIndex.ts';

let pending: Promise<SpineIndex> | null = null;
let result: { index: SpineIndex } | { error: Error } | null = null;

/** The model index, suspending until it has loaded (fetched once per page). */
export function useSpineIndex(): SpineIndex {
  if (result) {
    if ('error' in result) throw result.error;
    return result.index;
  }
  pending ??= fetchSpineIndex().then(
    (index) => void (result = { index }),
    (error: unknown) => void (result = { error: error instanceof Error ? error : new Error(String(error)) }),
  ) as unknown as Promise<SpineIndex>;
  throw pending;
}
