/** Bounds and errors of `capture` and `record` (shared/product.md, command API). */
import type { CaptureOptions } from '../state/commandApi.ts';

export type { CaptureOptions, RecordOptions } from '../state/commandApi.ts';

export const DEFAULT_SIZE = { width: 1920, height: 1080 } as const;
/** Bounds: 4K UHD fits; anything larger would exhaust a laptop's GPU memory. */
export const MIN_SIDE = 16;
export const MAX_SIDE = 4096;
export const MAX_FPS = 60;
/** One hour of frames at most: beyond any lecture clip. */
export const MAX_FRAMES = 3600 * 30;

export class MediaError extends Error {
  constructor(
    readonly code: 'bad-args' | 'no-view' | 'not-ready' | 'unsupported' | 'cancelled' | 'failed',
    message: string,
  ) {
    super(message);
    this.name = 'MediaError';
  }
}

export function pictureSize(options: CaptureOptions | undefined): { width: number; height: number } {
  const width = options?.width ?? DEFAULT_SIZE.width;
  const height = options?.height ?? DEFAULT_SIZE.height;
  for (const [name, v] of [['width', width], ['height', height]] as const) {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < MIN_SIDE || v > MAX_SIDE) {
      throw new MediaError('bad-args', `${name} must be a whole number of pixels from ${MIN_SIDE} to ${MAX_SIDE}, got ${String(v)}`);
    }
  }
  return { width, height };
}
