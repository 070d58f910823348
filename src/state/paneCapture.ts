/**
 * The 3D panes on screen, each able to draw its picture at any size for a slide or a video frame
 * (`capture` and `record` of the command API). Framework-free: the scene registers one drawer per
 * pane; the media code asks them to draw.
 */
import type { SingleProcedure } from '../domain/caseParams.ts';

/** Where the X-ray pictures went in a drawn pane: CSS pixels of the drawing, origin bottom-left. */
export interface DrawnRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface DrawnPane {
  /** The pane's canvas holding the picture; valid only until the current task ends. */
  source: CanvasImageSource;
  xray: { ap: DrawnRect; lateral: DrawnRect } | null;
}

export interface PaneDrawer {
  pane: SingleProcedure;
  /** Left to right (or top to bottom) order on screen. */
  order: number;
  /**
   * Draws the pane's current state at width × height pixels (device ratio 1) and hands the picture
   * to `receive` at once, then puts the pane back as it was on screen, all in one task: the screen never
   * shows the other size, and no frame is reported to `data-ready`.
   */
  draw(width: number, height: number, receive: (drawn: DrawnPane) => void): void;
}

export interface PaneRegistry {
  register(drawer: PaneDrawer): () => void;
  /** The panes now on screen, in order. */
  list(): PaneDrawer[];
  /** True while a pane draws for a capture: the clock must not advance and no frame counts as shown. */
  readonly capturing: boolean;
  setCapturing(value: boolean): void;
}

export function createPaneRegistry(): PaneRegistry {
  const drawers = new Set<PaneDrawer>();
  let capturing = false;
  return {
    register(drawer) {
      drawers.add(drawer);
      return () => void drawers.delete(drawer);
    },
    list: () => [...drawers].sort((a, b) => a.order - b.order),
    get capturing() {
      return capturing;
    },
    setCapturing(value) {
      capturing = value;
    },
  };
}
