/**
 * Where a pane's shot goes: the free part of each pane (not under the X-ray pictures, the pane's
 * title or a panel over the view), the scale that fits the shot's frame there, shared by all panes
 * so that compare shows both procedures at the same size, and this pane's free part.
 *
 * Elements that cover the 3D view carry `data-covers-view`; each pane's view carries `data-pane-view`; both live under
 * the element marked `data-view-root`. Read inside the frame loop: a few layout reads per frame.
 */
import type { Box } from '../render/framing.ts';
import { fitScale, largestFreeBox } from '../render/framing.ts';
import type { FluoroShown } from '../render/fluoro/layout.ts';
import { fluoroLayout } from '../render/fluoro/layout.ts';

export interface PaneFraming {
  /** Pixels per millimetre at the focus, the same in every pane. */
  pxPerMm: number;
  /** Centre of this pane's free part, CSS px from the pane's top-left corner. */
  centre: [number, number];
  /** This pane's free part (CSS px, pane's top-left origin). */
  free: Box;
}

function boxOf(el: Element): Box {
  const r = el.getBoundingClientRect();
  return { x: r.left, y: r.top, width: r.width, height: r.height };
}

/** The X-ray pictures of a pane as page boxes (layout rects have their origin at the bottom-left). */
function pictureBoxes(pane: Box, shown: FluoroShown): Box[] {
  const layout = fluoroLayout(shown, pane.width, pane.height);
  return [layout.ap, layout.lateral]
    .filter((r) => r !== null)
    .map((r) => ({ x: pane.x + r.x, y: pane.y + pane.height - r.y - r.height, width: r.width, height: r.height }));
}

const cache = { key: '', result: [] as Box[] };

/**
 * Frames `frameMm` in the free part of every pane under the same root as `canvas`. Falls back to the
 * whole canvas when the page has no marked panes (tests that mount the scene alone).
 */
export function paneFraming(canvas: HTMLElement, frameMm: readonly [number, number], shown: FluoroShown): PaneFraming {
  const own = boxOf(canvas);
  const root = canvas.closest('[data-view-root]');
  const paneEls = root ? [...root.querySelectorAll('[data-pane]:not([hidden]) [data-pane-view]')] : [];
  const panes = paneEls.length > 0 ? paneEls.map(boxOf) : [own];
  const covers = root ? [...root.querySelectorAll('[data-covers-view]')].map(boxOf).filter((b) => b.width > 0 && b.height > 0) : [];
  const key = JSON.stringify([panes, covers, shown, frameMm[0].toFixed(2), frameMm[1].toFixed(2)]);
  if (key !== cache.key) {
    cache.key = key;
    cache.result = panes.map((pane) => largestFreeBox(pane, [...covers, ...pictureBoxes(pane, shown)], frameMm[0], frameMm[1]));
  }
  const frees = cache.result;
  const pxPerMm = Math.max(1e-3, Math.min(...frees.map((f) => fitScale(f, frameMm))));
  // This pane: the one whose box contains the canvas centre.
  const cx = own.x + own.width / 2;
  const cy = own.y + own.height / 2;
  const i = Math.max(0, panes.findIndex((p) => cx >= p.x && cx <= p.x + p.width && cy >= p.y && cy <= p.y + p.height));
  const f = frees[i] ?? own;
  const free = { x: f.x - own.x, y: f.y - own.y, width: f.width, height: f.height };
  return { pxPerMm, centre: [free.x + free.width / 2, free.y + free.height / 2], free };
}
