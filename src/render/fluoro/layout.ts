/**
 * Where the fluoroscopy images go in a pane (CSS pixels, origin at the bottom-left as WebGL wants):
 * a small pair stacked at the right edge of the 3D view, a stacked pair beside it (split), or a large
 * pair alone.
 */
import type { View } from '../../domain/caseParams.ts';
import type { Rect } from './renderFluoro.ts';

export interface FluoroLayout {
  show3d: boolean;
  ap: Rect | null;
  lateral: Rect | null;
}

const MARGIN = 10;
/**
 * Below this edge (CSS px) an X-ray picture beside the 3D view shows nothing readable: a pane that
 * small (a phone's compare halves) leaves the pictures to the X-ray and split views.
 */
const MIN_PICTURE = 64;

export function fluoroLayout(view: View, width: number, height: number, pictureInPicture: boolean): FluoroLayout {
  switch (view) {
    case 'fluoro': {
      const size = Math.max(40, Math.min((width - 3 * MARGIN) / 2, height - 2 * MARGIN));
      const x0 = (width - 2 * size - MARGIN) / 2;
      const y = (height - size) / 2;
      return { show3d: false, ap: { x: x0, y, width: size, height: size }, lateral: { x: x0 + size + MARGIN, y, width: size, height: size } };
    }
    case 'split': {
      const size = Math.max(40, Math.min(width * 0.42, (height - 3 * MARGIN) / 2));
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
      const y = MARGIN + 56;
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
