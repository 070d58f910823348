/** `capture()`: a PNG of what is shown, drawn at the asked size. */
import { selectStep } from '../state/store.ts';
import type { AppStore } from '../state/store.ts';
import type { PaneRegistry } from '../state/paneCapture.ts';
import type { Readiness } from '../state/readiness.ts';
import { captionLines } from './captionLines.ts';
import { composeFrame } from './composeFrame.ts';
import type { FrameContent } from './composeFrame.ts';
import type { CaptureOptions } from './mediaTypes.ts';
import { MediaError, pictureSize } from './mediaTypes.ts';

export interface MediaDeps {
  store: AppStore;
  panes: PaneRegistry;
  readiness: Readiness;
}

/** How long to wait for the models and the cement before giving up on a picture. */
export const READY_TIMEOUT_MS = 60_000;

export function frameContent(store: AppStore, caption: boolean): FrameContent {
  const s = store.getState();
  return {
    lang: s.params.lang,
    paneTitles: s.params.procedure === 'compare',
    bullseye: selectStep(s).bullseye === true,
    caption: caption ? captionLines(s) : null,
  };
}

export async function waitForPicture(readiness: Readiness): Promise<void> {
  try {
    await readiness.whenReady(READY_TIMEOUT_MS);
  } catch (error) {
    throw new MediaError('not-ready', error instanceof Error ? error.message : String(error));
  }
}

export function drawingCanvas(width: number, height: number): { canvas: HTMLCanvasElement; ctx: CanvasRenderingContext2D } {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new MediaError('unsupported', 'This browser cannot draw a 2D picture');
  return { canvas, ctx };
}

export async function capturePicture(deps: MediaDeps, options?: CaptureOptions): Promise<Blob> {
  const { width, height } = pictureSize(options);
  await waitForPicture(deps.readiness);
  const { canvas, ctx } = drawingCanvas(width, height);
  composeFrame(ctx, width, height, deps.panes, frameContent(deps.store, options?.caption === true));
  return new Promise<Blob>((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new MediaError('failed', 'The picture could not be encoded as PNG'))), 'image/png'),
  );
}
