/**
 * Where the fluoroscopy images go in a pane (CSS pixels, origin at the bottom-left as WebGL wants):
 * a small pair in the corner of the 3D view, a stacked pair beside it (split), or a large pair alone.
 */
import type { View } from '../../domain/caseParams.ts';
import type { Rect } from './renderFluoro.ts';

export interface FluoroLayout {
  show3d: boolean;
  ap: Rect | null;
  lateral: Rect | null;
}

const MARGIN = 10;

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
      if (!pictureInPicture) return { show3d: true, ap: null, lateral: null };
      const size = Math.max(40, Math.min(width * (width < 520 ? 0.34 : 0.22), height * 0.34, 240));
      // Above the bottom edge so the floating controls stay clear.
      const y = MARGIN + 56;
      return {
        show3d: true,
        ap: { x: width - 2 * (size + MARGIN), y, width: size, height: size },
        lateral: { x: width - size - MARGIN, y, width: size, height: size },
      };
    }
  }
}
