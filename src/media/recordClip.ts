/**
 * `record()`: a clip of t from `from` to `to`, drawn frame by frame: for each frame the procedure
 * is put at that moment, the frame waits until the scene has drawn it (`data-ready`), and the
 * picture is composed at the clip's size and encoded. Not real time, so it is smooth on any machine.
 * Afterwards the procedure goes back to where it was.
 */
import { totalDuration } from '../domain/procedures/timeline.ts';
import { selectPlan } from '../state/store.ts';
import type { MediaDeps } from './capturePicture.ts';
import { drawingCanvas, frameContent, waitForPicture } from './capturePicture.ts';
import { composeFrame } from './composeFrame.ts';
import { createVideoSink } from './encodeVideo.ts';
import type { RecordOptions } from './mediaTypes.ts';
import { MAX_FPS, MAX_FRAMES, MediaError, pictureSize } from './mediaTypes.ts';

export function clipFrames(options: RecordOptions | undefined, duration: number): { from: number; fps: number; frames: number } {
  const fps = options?.fps ?? 30;
  if (typeof fps !== 'number' || !Number.isFinite(fps) || fps < 1 || fps > MAX_FPS) throw new MediaError('bad-args', `fps must be from 1 to ${MAX_FPS}, got ${String(fps)}`);
  const from = options?.from ?? 0;
  const to = options?.to ?? duration;
  if (typeof from !== 'number' || typeof to !== 'number' || !Number.isFinite(from) || !Number.isFinite(to)) throw new MediaError('bad-args', 'from and to must be seconds');
  const a = Math.min(Math.max(0, from), duration);
  const b = Math.min(Math.max(0, to), duration);
  if (!(b > a)) throw new MediaError('bad-args', `to (${to}) must come after from (${from}) within the procedure (0–${duration} s)`);
  const frames = Math.round((b - a) * fps);
  if (frames < 1) throw new MediaError('bad-args', 'The clip is shorter than one frame');
  if (frames > MAX_FRAMES) throw new MediaError('bad-args', `At most ${MAX_FRAMES} frames in one clip`);
  return { from: a, fps, frames };
}

export async function recordClip(deps: MediaDeps, options?: RecordOptions): Promise<Blob> {
  const { width, height } = pictureSize(options);
  // Video encoders work on even sizes (4:2:0 chroma).
  if (width % 2 || height % 2) throw new MediaError('bad-args', `A clip needs an even width and height, got ${width} × ${height}`);
  const { store } = deps;
  const { from, fps, frames } = clipFrames(options, totalDuration(selectPlan(store.getState())));
  const signal = options?.signal;
  const cancelled = () => new MediaError('cancelled', 'The recording was cancelled');
  if (signal?.aborted) throw cancelled();

  const before = store.getState();
  const resume = { t: before.t, playing: before.playing };
  if (resume.playing) before.pause();
  const { canvas, ctx } = drawingCanvas(width, height);
  const sink = await createVideoSink(canvas, fps, frames);
  let finished = false;
  try {
    const caption = options?.caption === true;
    for (let i = 0; i < frames; i++) {
      if (signal?.aborted) throw cancelled();
      store.getState().seek(from + i / fps);
      await waitForPicture(deps.readiness);
      if (signal?.aborted) throw cancelled();
      composeFrame(ctx, width, height, deps.panes, frameContent(store, caption));
      await sink.add(i);
      options?.onProgress?.((i + 1) / frames);
    }
    const blob = await sink.finish();
    finished = true;
    return blob;
  } finally {
    if (!finished) sink.abort();
    store.getState().seek(resume.t);
    if (resume.playing) store.getState().play();
  }
}
