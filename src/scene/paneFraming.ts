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

/** The panes' views and the covers under one root, as read from the page. */
interface PageLayout {
  /** The animation frame they were read in (`document.timeline.currentTime`). */
  time: number;
  root: Element | null;
  views: Element[];
  panes: Box[];
  covers: Box[];
  key: string;
}
let page: PageLayout | null = null;

/**
 * Read once per animation frame for all panes: each read after the labels of a pane have moved
 * makes the browser lay the page out again (measured: 1.4 ms of a compare frame's 19 ms went in
 * these reads).
 */
function pageLayout(root: Element | null): PageLayout {
  const now = document.timeline.currentTime;
  const time = typeof now === 'number' ? now : Number.NaN;
  if (page && page.root === root && page.time === time) return page;
  const views = root ? [...root.querySelectorAll('[data-pane]:not([hidden]) [data-pane-view]')] : [];
  const panes = views.map(boxOf);
  const covers = root ? [...root.querySelectorAll('[data-covers-view]')].map(boxOf).filter((b) => b.width > 0 && b.height > 0) : [];
  page = { time, root, views, panes, covers, key: JSON.stringify([panes, covers]) };
  return page;
}

const cache = { key: '', result: [] as Box[], pxPerMm: 1 };

/**
 * Frames `frameMm` in the free part of every pane under the same root as `canvas`. Falls back to the
 * whole canvas when the page has no marked panes (tests that mount the scene alone).
 */
export function paneFraming(canvas: HTMLElement, frameMm: readonly [number, number], shown: FluoroShown): PaneFraming {
  const layout = pageLayout(canvas.closest('[data-view-root]'));
  // This pane: the view holding the canvas, which fills it.
  const mine = layout.views.findIndex((v) => v.contains(canvas));
  const own = mine >= 0 ? layout.panes[mine]! : boxOf(canvas);
  const panes = layout.panes.length > 0 ? layout.panes : [own];
  const key = `${layout.key}|${shown.view}|${shown.pictureInPicture}|${shown.compared}|${frameMm[0].toFixed(2)}|${frameMm[1].toFixed(2)}`;
  if (key !== cache.key) {
    cache.key = key;
    cache.result = panes.map((pane) => largestFreeBox(pane, [...layout.covers, ...pictureBoxes(pane, shown)], frameMm[0], frameMm[1]));
    cache.pxPerMm = Math.max(1e-3, Math.min(...cache.result.map((f) => fitScale(f, frameMm))));
  }
  const f = cache.result[Math.max(0, mine)] ?? own;
  const free = { x: f.x - own.x, y: f.y - own.y, width: f.width, height: f.height };
  return { pxPerMm: cache.pxPerMm, centre: [free.x + free.width / 2, free.y + free.height / 2], free };
}
