import { PerspectiveCamera, Vector3 } from 'three';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../src/domain/random.ts';
import { vertebraSubject } from '../../src/domain/procedures/shots.ts';
import type { Box } from '../../src/render/framing.ts';
import { distanceFor, fitScale, intersect, largestFreeBox } from '../../src/render/framing.ts';
import { fluoroLayout } from '../../src/render/fluoro/layout.ts';

/** The X-ray pictures of a pane as top-left boxes (the layout gives WebGL's bottom-left origin). */
function pictures(width: number, height: number, view: '3d' | 'split'): Box[] {
  const layout = fluoroLayout({ view, pictureInPicture: true, compared: false }, width, height);
  const out: Box[] = [];
  for (const r of [layout.ap, layout.lateral]) {
    if (r) out.push({ x: r.x, y: height - (r.y + r.height), width: r.width, height: r.height });
  }
  return out;
}

function overlapArea(a: Box, b: Box): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * Where a frame of `frameMm` centred on the focus lands on screen, worked out by three's own
 * projection: a camera of `fovDeg` at the distance the framing gives, looking from the patient's
 * side (−X), its view shifted so the focus sits at the free box's centre (as the camera rig does).
 */
function projectedFrame(width: number, height: number, occluders: Box[], frameMm: [number, number], fovDeg: number) {
  const pane: Box = { x: 0, y: 0, width, height };
  const free = largestFreeBox(pane, occluders, frameMm[0], frameMm[1]);
  const pxPerMm = fitScale(free, frameMm);
  const distance = distanceFor(pxPerMm, height, fovDeg);
  const focus = new Vector3(3, 410, -20);
  const camera = new PerspectiveCamera(fovDeg, width / height, 1, 100_000);
  camera.setViewOffset(width, height, width / 2 - (free.x + free.width / 2), height / 2 - (free.y + free.height / 2), width, height);
  camera.position.set(focus.x - distance, focus.y, focus.z);
  camera.lookAt(focus);
  camera.updateMatrixWorld();
  const xs: number[] = [];
  const ys: number[] = [];
  for (const dz of [-0.5, 0.5]) {
    for (const dy of [-0.5, 0.5]) {
      const p = new Vector3(focus.x, focus.y + dy * frameMm[1], focus.z + dz * frameMm[0]).project(camera);
      xs.push(((p.x + 1) / 2) * width);
      ys.push(((1 - p.y) / 2) * height);
    }
  }
  const box: Box = { x: Math.min(...xs), y: Math.min(...ys), width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) };
  return { free, box };
}

const L1 = vertebraSubject('L1').sideMm;
const T4 = vertebraSubject('T4').sideMm;

describe('a shot framed in the part of the pane nothing covers', () => {
  // Phone portrait, tablet both ways, a laptop at the 1280×800, 16:9 full HD.
  const panes: [string, number, number][] = [
    ['phone portrait', 390, 844],
    ['tablet landscape', 1024, 768],
    ['tablet portrait', 768, 1024],
    ['laptop', 1280, 800],
    ['16:9', 1920, 1080],
  ];

  it.each(panes)('%s: the treated vertebra lies inside the free part, clear of the X-ray pictures and the layers button', (_name, width, height) => {
    for (const [frame, fov] of [[L1, 18], [T4, 18], [L1, 45]] as const) {
      const occluders = [...pictures(width, height, '3d'), { x: width - 56, y: 8, width: 48, height: 48 }];
      expect(occluders.length).toBe(3);
      const { free, box } = projectedFrame(width, height, occluders, [frame[0], frame[1]], fov);
      // Inside the pane and the free box (half a pixel for rounding).
      expect(box.x).toBeGreaterThanOrEqual(free.x - 0.5);
      expect(box.y).toBeGreaterThanOrEqual(free.y - 0.5);
      expect(box.x + box.width).toBeLessThanOrEqual(free.x + free.width + 0.5);
      expect(box.y + box.height).toBeLessThanOrEqual(free.y + free.height + 0.5);
      for (const o of occluders) expect(overlapArea(box, o)).toBe(0);
      // It fills the free box along the tighter side, with a small margin: not tiny, never touching.
      const fill = Math.max(box.width / free.width, box.height / free.height);
      expect(fill).toBeGreaterThan(0.9);
      expect(fill).toBeLessThan(0.99);
      // The frame keeps its shape: the focus plane is square to the view, so no distortion.
      expect(box.width / box.height).toBeCloseTo(frame[0] / frame[1], 3);
    }
  });

  it('is large in the view: a third of a tablet or wider pane or more, the whole width of a phone', () => {
    const share = (w: number, h: number) => {
      const { box } = projectedFrame(w, h, pictures(w, h, '3d'), [L1[0], L1[1]], 18);
      return { area: (box.width * box.height) / (w * h), across: box.width / w };
    };
    // The laptop view: with the pictures at the right edge the vertebra fills about half
    // the pane (it read as about a tenth before the shots were framed); more than a third on a
    // tablet held either way, and on a wide screen.
    expect(share(1280, 800).area).toBeGreaterThan(0.45);
    expect(share(1920, 1080).area).toBeGreaterThan(0.45);
    expect(share(1024, 768).area).toBeGreaterThan(0.35);
    expect(share(768, 1024).area).toBeGreaterThan(0.35);
    // A phone held upright cannot give a wide vertebra a quarter of its area (the frame is 1.7:1,
    // the pane 1:2.2); it spans the phone's width instead, clear of the pictures' column.
    const phone = share(390, 844);
    expect(phone.across).toBeGreaterThan(0.9);
    expect(phone.area).toBeGreaterThan(0.2);
  });

  it('one millimetre at the focus spans pxPerMm pixels at the distance given (any field of view)', () => {
    for (const [fov, height, pxPerMm] of [[18, 800, 7.5], [45, 1080, 3], [60, 200, 0.4]] as const) {
      const camera = new PerspectiveCamera(fov, 1.6, 0.1, 1e6);
      camera.position.set(0, 0, distanceFor(pxPerMm, height, fov));
      camera.lookAt(0, 0, 0);
      camera.updateMatrixWorld();
      const a = new Vector3(0, -5, 0).project(camera);
      const b = new Vector3(0, 5, 0).project(camera);
      expect((((b.y - a.y) / 2) * height) / 10).toBeCloseTo(pxPerMm, 6);
    }
  });
});

describe('largest free box', () => {
  /** Brute force on a unit grid: the largest scale of any free integer rectangle. */
  function bruteScale(pane: Box, occluders: Box[], fw: number, fh: number): number {
    const W = pane.width;
    const H = pane.height;
    const covered = new Uint8Array(W * H);
    for (const o of occluders) {
      for (let y = Math.max(0, o.y); y < Math.min(H, o.y + o.height); y++) {
        for (let x = Math.max(0, o.x); x < Math.min(W, o.x + o.width); x++) covered[y * W + x] = 1;
      }
    }
    // Prefix sums of covered cells.
    const S = new Int32Array((W + 1) * (H + 1));
    for (let y = 0; y < H; y++) {
      for (let x = 0; x < W; x++) S[(y + 1) * (W + 1) + x + 1] = covered[y * W + x]! + S[y * (W + 1) + x + 1]! + S[(y + 1) * (W + 1) + x]! - S[y * (W + 1) + x]!;
    }
    const sum = (x0: number, y0: number, x1: number, y1: number) => S[y1 * (W + 1) + x1]! - S[y0 * (W + 1) + x1]! - S[y1 * (W + 1) + x0]! + S[y0 * (W + 1) + x0]!;
    let best = 0;
    for (let x0 = 0; x0 < W; x0++) {
      for (let x1 = x0 + 1; x1 <= W; x1++) {
        for (let y0 = 0; y0 < H; y0++) {
          for (let y1 = y0 + 1; y1 <= H; y1++) {
            if (sum(x0, y0, x1, y1) > 0) break;
            best = Math.max(best, Math.min((x1 - x0) / fw, (y1 - y0) / fh));
          }
        }
      }
    }
    return best;
  }

  it('finds the same best scale as a brute-force search, and its box is free and inside the pane', () => {
    const random = createRandom(7);
    const int = (n: number) => Math.floor(random() * n);
    for (let n = 0; n < 60; n++) {
      const pane: Box = { x: 0, y: 0, width: 20 + int(10), height: 14 + int(10) };
      const occluders: Box[] = Array.from({ length: 1 + int(4) }, () => ({ x: int(pane.width + 4) - 2, y: int(pane.height + 4) - 2, width: 1 + int(9), height: 1 + int(9) }));
      const fw = 1 + random() * 3;
      const fh = 1 + random() * 3;
      const box = largestFreeBox(pane, occluders, fw, fh);
      expect(Math.min(box.width / fw, box.height / fh)).toBeCloseTo(bruteScale(pane, occluders, fw, fh), 9);
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(pane.width);
      expect(box.y + box.height).toBeLessThanOrEqual(pane.height);
      for (const o of occluders) expect(overlapArea(box, o)).toBe(0);
    }
  });

  it('keeps the whole pane when nothing covers it, or only things outside it', () => {
    const pane: Box = { x: 100, y: 50, width: 640, height: 400 };
    expect(largestFreeBox(pane, [], 2, 1)).toEqual(pane);
    expect(largestFreeBox(pane, [{ x: 0, y: 0, width: 100, height: 50 }, { x: 740, y: 0, width: 20, height: 900 }], 2, 1)).toEqual(pane);
  });

  it('a picture down the right edge leaves the strip to its left', () => {
    const pane: Box = { x: 0, y: 0, width: 1000, height: 600 };
    // A tall picture column: a wide frame goes to the left of it, full height.
    expect(largestFreeBox(pane, [{ x: 800, y: 100, width: 190, height: 490 }], 5, 3)).toEqual({ x: 0, y: 0, width: 800, height: 600 });
    // A short picture at the top right: a wide frame goes under it (scale 166.7 there, 160 beside it).
    expect(largestFreeBox(pane, [{ x: 800, y: 0, width: 200, height: 100 }], 5, 3)).toEqual({ x: 0, y: 100, width: 1000, height: 500 });
  });

  it('gives a zero box, never a negative one, when the pane is all covered; the fit is then zero', () => {
    const pane: Box = { x: 0, y: 0, width: 320, height: 200 };
    const box = largestFreeBox(pane, [{ x: -10, y: -10, width: 400, height: 400 }], 3, 2);
    expect(box.width * box.height).toBe(0);
    expect(fitScale(box, [90, 60])).toBe(0);
  });

  it('intersects boxes, and returns null for boxes that only touch', () => {
    expect(intersect({ x: 0, y: 0, width: 10, height: 10 }, { x: 5, y: -5, width: 10, height: 10 })).toEqual({ x: 5, y: 0, width: 5, height: 5 });
    expect(intersect({ x: 0, y: 0, width: 10, height: 10 }, { x: 10, y: 0, width: 5, height: 5 })).toBeNull();
  });
});

describe('the X-ray pictures beside the 3D view', () => {
  it.each([[390, 844], [768, 1024], [1024, 768], [1280, 800], [1920, 1080], [640, 800]])('%i×%i: two pictures in the pane, apart, at the right edge, above the floating controls', (width, height) => {
    const [ap, lateral] = pictures(width, height, '3d');
    for (const p of [ap!, lateral!]) {
      expect(p.x).toBeGreaterThanOrEqual(0);
      expect(p.y).toBeGreaterThanOrEqual(0);
      expect(p.x + p.width).toBeLessThanOrEqual(width);
      // Clear of the bottom 56 px where the playback controls float.
      expect(p.y + p.height).toBeLessThanOrEqual(height - 56);
      // Square, readable, and no more than a quarter of the width each.
      expect(p.width).toBe(p.height);
      expect(p.width).toBeGreaterThanOrEqual(64);
      expect(p.width).toBeLessThanOrEqual(0.25 * width);
      expect(width - (p.x + p.width)).toBeLessThan(20);
    }
    expect(overlapArea(ap!, lateral!)).toBe(0);
    // Most of the pane's width is left for the vertebra.
    expect(Math.min(ap!.x, lateral!.x)).toBeGreaterThan(0.7 * width);
  });

  it('leaves a pane too small for a readable picture without pictures, and hides them when asked', () => {
    expect(fluoroLayout({ view: '3d', pictureInPicture: true, compared: false }, 195, 300)).toEqual({ show3d: true, ap: null, lateral: null });
    expect(fluoroLayout({ view: '3d', pictureInPicture: false, compared: false }, 1280, 800)).toEqual({ show3d: true, ap: null, lateral: null });
    // A tiny window still frames something: the whole pane is free.
    const pane: Box = { x: 0, y: 0, width: 195, height: 300 };
    expect(largestFreeBox(pane, pictures(195, 300, '3d'), L1[0], L1[1])).toEqual(pane);
  });

  it('split view: the pictures stack in a column that a framed vertebra never enters', () => {
    for (const [width, height] of [[1280, 800], [768, 1024]] as const) {
      const pics = pictures(width, height, 'split');
      expect(pics).toHaveLength(2);
      const { box } = projectedFrame(width, height, pics, [L1[0], L1[1]], 18);
      for (const p of pics) expect(overlapArea(box, p)).toBe(0);
      expect(box.width).toBeGreaterThan(0.4 * width);
    }
  });

  it('X-ray view and compare: the pictures stay clear of the view\'s corner button and of the results button, and stay large', () => {
    // The "Show" button: 12 px from the corner, 44 px tall, up to about 110 px wide in French and German.
    const showButton: Box = { x: 0, y: 0, width: 120, height: 56 };
    // Compare's results button along the bottom edge: 12 px above it, 44 px tall.
    const results = (width: number, height: number): Box => ({ x: 0, y: height - 56, width, height: 56 });
    // A laptop's compare half, a single laptop pane, a phone's portrait view, a phone's compare half.
    for (const [width, height, compared, least] of [
      [489, 292, true, 150],
      [980, 322, false, 280],
      [390, 300, false, 160],
      [194, 196, true, 40],
    ] as const) {
      for (const view of ['fluoro', 'split', '3d'] as const) {
        const layout = fluoroLayout({ view, pictureInPicture: true, compared }, width, height);
        const pics = [layout.ap, layout.lateral].filter((r) => r !== null).map((r) => ({ x: r.x, y: height - (r.y + r.height), width: r.width, height: r.height }));
        for (const p of pics) {
          if (view === 'fluoro') expect(overlapArea(p, showButton), `${view} ${width}x${height}`).toBe(0);
          if (compared) expect(overlapArea(p, results(width, height)), `${view} ${width}x${height}`).toBe(0);
          expect(p.x).toBeGreaterThanOrEqual(0);
          expect(p.y).toBeGreaterThanOrEqual(0);
          expect(p.x + p.width).toBeLessThanOrEqual(width);
          expect(p.y + p.height).toBeLessThanOrEqual(height);
        }
        if (view === 'fluoro') expect(layout.ap!.width, `${width}x${height}`).toBeGreaterThanOrEqual(least);
      }
    }
  });
});
