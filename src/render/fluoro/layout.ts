/**
 * Where the fluoroscopy images go in a pane (CSS pixels, origin at the bottom-left as WebGL wants):
 * a small pair stacked at the right edge of the 3D view, a stacked pair beside it (split), or a large
 * pair alone.
 */
import type { View } from '../../domain/caseParams.ts';
import type { Rect } from './renderFluoro.ts';

/** What decides the layout: the view, whether the 3D view carries the pair, and whether two panes are compared. */
export interface FluoroShown {
  view: View;
  pictureInPicture: boolean;
  /** Compare: the results button lies along the bottom of the view, over the second pane's corner. */
  compared: boolean;
}

export interface FluoroLayout {
  show3d: boolean;
  ap: Rect | null;
  lateral: Rect | null;
}

const MARGIN = 10;
/** Clear of the buttons floating along the view's bottom edge (camera, results), CSS px. */
const CONTROLS = 56;
/** The view's own button at its top-left corner ("Show"): its bottom edge, and its right edge in the longest language. */
const TOP_BUTTON = 56;
const SIDE_BUTTON = 120;
/**
 * Below this edge (CSS px) an X-ray picture beside the 3D view shows nothing readable: a pane that
 * small (a phone's compare halves) leaves the pictures to the X-ray and split views.
 */
const MIN_PICTURE = 64;

export function fluoroLayout({ view, pictureInPicture, compared }: FluoroShown, width: number, height: number): FluoroLayout {
  // In compare both panes keep the same layout, so the second pane's pictures stay clear of the
  // results button in its corner.
  const bottom = compared ? CONTROLS : 0;
  switch (view) {
    case 'fluoro': {
      // The pair side by side, clear of the view's button at the top-left corner: below it (best in
      // a tall pane) or beside it (best in a wide one), whichever leaves the larger pictures.
      const low = Math.max(MARGIN, bottom);
      const below = Math.min((width - 3 * MARGIN) / 2, height - TOP_BUTTON - MARGIN - low);
      const beside = Math.min((width - SIDE_BUTTON - 2 * MARGIN) / 2, height - MARGIN - low);
      const size = Math.max(40, below, beside);
      const left = below >= beside ? MARGIN : SIDE_BUTTON;
      const high = below >= beside ? height - TOP_BUTTON - MARGIN : height - MARGIN;
      const x0 = left + (width - MARGIN - left - 2 * size - MARGIN) / 2;
      const y = low + (high - low - size) / 2;
      return { show3d: false, ap: { x: x0, y, width: size, height: size }, lateral: { x: x0 + size + MARGIN, y, width: size, height: size } };
    }
    case 'split': {
      const size = Math.max(40, Math.min(width * 0.42, (height - 3 * MARGIN - bottom) / 2));
      const x = width - size - MARGIN;
      return {
        show3d: true,
        ap: { x, y: height - MARGIN - size, width: size, height: size },
        lateral: { x, y: height - 2 * (MARGIN + size), width: size, height: size },
      };
    }
    case '3d': {
      const none = { show3d: true, ap: null, lateral: null };
      if (!pictureInPicture) return none;
      // Above the bottom edge so the floating controls stay clear.
      const y = MARGIN + CONTROLS;
      // The pair stacked in a column at the right edge, in every shape of pane: the 3D view keeps
      // its full height for the vertebra beside them (a row across a phone's portrait view would
      // leave the vertebra only a strip above it).
      const size = Math.min(width * (width < 520 ? 0.24 : 0.2), (height - y - 2 * MARGIN) / 2, 240);
      if (size < MIN_PICTURE) return none;
      const x = width - size - MARGIN;
      return {
        show3d: true,
        ap: { x, y: y + size + MARGIN, width: size, height: size },
        lateral: { x, y, width: size, height: size },
      };
    }
  }
}
