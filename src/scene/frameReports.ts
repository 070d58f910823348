/**
 * The reports of a pane's drawn frames to the readiness bookkeeping. A frame is reported one
 * animation frame after it was drawn, so the report follows its picture onto the screen; a frame
 * drawn while a report is on its way is reported one animation frame after that report. Nothing is
 * allocated per frame.
 *
 * Reports go to the pane named when they go out, not when the chain began: a pane re-dressed as the
 * other procedure (vp to bkp) while a report is on its way must hear of the frames drawn since. (A
 * chain that kept the old name swallowed the one frame drawn after a switch made just after Pause,
 * and with frames drawn on demand the page then never became ready.)
 */
import type { Readiness } from '../state/readiness.ts';

export interface FrameReports {
  /** A frame showing state `version` is being drawn now. */
  drawn(version: number): void;
  /** Drops the report on its way (the pane is going). */
  cancel(): void;
}

export interface ReportTarget {
  readonly pane: string;
  readonly readiness: Pick<Readiness, 'frameDrawn'>;
}

export function createFrameReports(
  target: () => ReportTarget,
  requestFrame: (callback: () => void) => number = requestAnimationFrame,
  cancelFrame: (handle: number) => void = cancelAnimationFrame,
): FrameReports {
  // The version the report on its way carries, the latest version drawn, the pending frame.
  let version = -1;
  let latest = -1;
  let scheduled = false;
  let handle = 0;
  const send = (): void => {
    scheduled = false;
    const to = target();
    to.readiness.frameDrawn(to.pane, version);
    if (latest !== version) {
      version = latest;
      scheduled = true;
      handle = requestFrame(send);
    }
  };
  return {
    drawn(v) {
      latest = v;
      if (scheduled) return;
      version = v;
      scheduled = true;
      handle = requestFrame(send);
    },
    cancel() {
      if (scheduled) cancelFrame(handle);
      scheduled = false;
    },
  };
}
