import { describe, expect, it } from 'vitest';
import type { FractureGrade, FractureParams, FractureShape } from '../../../src/domain/anatomy/fracture.ts';
import { fractureDeformer, fractureFeatures } from '../../../src/domain/anatomy/fracture.ts';
import { cleftOutline } from '../../../src/domain/anatomy/fractureLine.ts';
import { levelLandmarks } from '../../../src/domain/anatomy/landmarks.ts';
import type { LevelId } from '../../../src/domain/anatomy/levels.ts';
import { vertebraTransform } from '../../../src/domain/anatomy/spineLayout.ts';
import type { Vec3 } from '../../../src/domain/anatomy/vec.ts';
import { apply, invert } from '../../../src/domain/anatomy/vec.ts';
import { vertebraCancellousSdf } from '../../../src/domain/anatomy/vertebraSdf.ts';
import { createRandom } from '../../../src/domain/random.ts';

const SHAPES: FractureShape[] = ['wedge', 'biconcave', 'crush'];
const GRADES: FractureGrade[] = [1, 2, 3];

/** Where `p` lies against the simulation's cleft: 1 on its surface, less inside. */
function ellipsoidValue(cleft: NonNullable<ReturnType<typeof fractureFeatures>['cleft']>, p: Vec3): number {
  const d = [p[0] - cleft.centre[0], p[1] - cleft.centre[1], p[2] - cleft.centre[2]];
  return cleft.axes.reduce((sum, a, i) => sum + ((d[0]! * a[0] + d[1]! * a[1] + d[2]! * a[2]) / cleft.radii[i]!) ** 2, 0);
}

/** Area of a polygon in the (y, z) plane. */
function areaYZ(points: Vec3[]): number {
  let twice = 0;
  for (let i = 0; i < points.length; i++) {
    const a = points[i]!;
    const b = points[(i + 1) % points.length]!;
    twice += a[1] * b[2] - b[1] * a[2];
  }
  return Math.abs(twice) / 2;
}

describe('the fracture put back: restore undoes deform', () => {
  it.each(SHAPES)('%s: restore(deform(p)) = p and deform(restore(p)) = p in and around the body', (shape) => {
    const f: FractureParams = { level: 'L1', grade: 3, shape };
    const d = fractureDeformer(f);
    const c = levelLandmarks('L1').bodyCentre;
    const random = createRandom(11);
    for (let n = 0; n < 60; n++) {
      // Through the body and the discs either side (±25 mm up and down, the body's width and depth).
      const p: Vec3 = [c[0] + (random() - 0.5) * 50, c[1] + (random() - 0.5) * 50, c[2] + (random() - 0.5) * 40];
      const back = d.restore(d.deform(p));
      const there = d.deform(d.restore(p));
      for (let k = 0; k < 3; k++) {
        expect(Math.abs(back[k]! - p[k]!)).toBeLessThan(1e-6);
        expect(Math.abs(there[k]! - p[k]!)).toBeLessThan(1e-6);
      }
    }
  });
});

describe('the cleft on the cut face', () => {
  const cases: [LevelId, FractureGrade, FractureShape][] = [];
  for (const level of ['T8', 'L1'] as LevelId[]) for (const grade of GRADES) for (const shape of SHAPES) cases.push([level, grade, shape]);
  cases.push(['T12', 3, 'biconcave'], ['L4', 3, 'wedge'], ['L4', 2, 'crush']);

  it.each(cases)('%s grade %i %s: the section of the simulation’s own cleft, inside the cancellous bone', (level, grade, shape) => {
    const f: FractureParams = { level, grade, shape, cleft: true };
    const cleft = fractureFeatures(f).cleft!;
    const d = fractureDeformer(f);
    // The app cuts 1 mm off the body's midline, toward the camera.
    const x = levelLandmarks(level).bodyCentre[0] - 1;
    const outline = cleftOutline(f, x);
    expect(outline).toHaveLength(64);
    const drawn = outline.map((p) => d.deform(p));
    const sdf = vertebraCancellousSdf(level);
    const toLocal = invert(vertebraTransform(level));
    const depth = (p: Vec3) => {
      const q = apply(toLocal, p);
      return sdf(q[0], q[1], q[2]);
    };
    let onSurface = 0;
    drawn.forEach((p, i) => {
      // On the cut plane; on the cleft's surface once the fracture is applied, or, where the cleft
      // reaches the endplate, inside it and at the cancellous bone's edge (the simulation too turns
      // only cancellous bone into cleft).
      expect(Math.abs(p[0] - x)).toBeLessThan(1e-9);
      const v = ellipsoidValue(cleft, p);
      if (Math.abs(v - 1) < 1e-6) onSurface++;
      else {
        expect(v).toBeLessThan(1);
        expect(Math.abs(depth(outline[i]!) + 0.05)).toBeLessThan(1e-3);
      }
      // Never outside the cancellous interior (intact bone at the intact place, which the fracture
      // maps onto the fractured body): never through the endplate or the shell.
      expect(depth(outline[i]!)).toBeLessThan(0);
    });
    expect(onSurface).toBeGreaterThan(32);
    // The cleft's axes are the vertebra's own, its first across the body (along X): so the cut
    // through it is an ellipse of semi-axes r·√(1 − (e/rx)²), e the cut's distance from its
    // centre. The 64 points are that ellipse's regular polygon: area (64/2)·sin(2π/64)·a·b, less
    // what the endplate takes.
    expect(Math.abs(cleft.axes[0][0])).toBeCloseTo(1, 12);
    const k = 1 - ((x - cleft.centre[0]) / cleft.radii[0]) ** 2;
    const full = 32 * Math.sin((2 * Math.PI) / 64) * cleft.radii[1] * cleft.radii[2] * k;
    const area = areaYZ(drawn);
    if (onSurface === 64) expect(area / full).toBeCloseTo(1, 6);
    expect(area / full).toBeLessThan(1 + 1e-6);
    expect(area / full).toBeGreaterThan(0.85);
    // A real gap: several square millimetres (about 3 × 7 mm semi-axes at L1).
    expect(area).toBeGreaterThan(20);
    // In the upper half of the body, under the superior endplate (local +Y is superior).
    const mid = outline.reduce((sum, p) => sum + apply(toLocal, p)[1], 0) / outline.length;
    expect(mid).toBeGreaterThan(0);
  });

  it('is absent without a cleft, and where the cut misses it', () => {
    const x = levelLandmarks('L1').bodyCentre[0];
    expect(cleftOutline({ level: 'L1', grade: 2, shape: 'wedge' }, x)).toEqual([]);
    expect(cleftOutline({ level: 'L1', grade: 2, shape: 'wedge', cleft: false }, x)).toEqual([]);
    const f: FractureParams = { level: 'L1', grade: 2, shape: 'wedge', cleft: true };
    const cleft = fractureFeatures(f).cleft!;
    expect(cleftOutline(f, cleft.centre[0] + cleft.radii[0] + 0.01)).toEqual([]);
    expect(cleftOutline(f, cleft.centre[0] - cleft.radii[0] - 0.01)).toEqual([]);
    // Just inside its side, a small ellipse still.
    expect(cleftOutline(f, cleft.centre[0] + cleft.radii[0] - 0.5)).toHaveLength(64);
  });
});
