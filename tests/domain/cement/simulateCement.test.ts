/** Properties of one cement simulation: determinism, conservation, geometry, and readability by t. */
import { describe, expect, it } from 'vitest';
import { localLandmarks } from '../../../src/domain/anatomy/landmarks.ts';
import { vertebraGeometry } from '../../../src/domain/anatomy/vertebraGeometry.ts';
import { vertebraCancellousSdf, vertebraSdf } from '../../../src/domain/anatomy/vertebraSdf.ts';
import { cementMask, isInsideClass, leakTypesAt, simulateCement } from '../../../src/domain/cement/simulateCement.ts';
import { CELL, LEAK_TYPES, type CementInput, type CementResult } from '../../../src/domain/cement/types.ts';
import { baseGrid, voxelAt, voxelCentre } from '../../../src/domain/cement/voxelise.ts';
import { ml } from '../../../src/domain/units.ts';

const CASE: CementInput = {
  procedure: 'vp', level: 'L1', grade: 2, shape: 'wedge', approach: 'bipedicular',
  viscosity: 'medium', volumeMl: ml(4), seed: 7,
};

function filled(r: CementResult): number[] {
  const out: number[] = [];
  r.arrival.forEach((a, i) => {
    if (Number.isFinite(a)) out.push(i);
  });
  return out;
}

describe('simulateCement', { timeout: 120_000 }, () => {
  it('is deterministic per seed and differs between seeds', () => {
    const a = simulateCement(CASE);
    const b = simulateCement({ ...CASE });
    expect(b.arrival).toEqual(a.arrival);
    expect(b.kind).toEqual(a.kind);
    expect(b.route).toEqual(a.route);
    expect(b.leaks).toEqual(a.leaks);
    const c = simulateCement({ ...CASE, seed: 8 });
    expect(c.arrival).not.toEqual(a.arrival);
    // Nothing carries over from one run to the next (working arrays are reused).
    simulateCement({ ...CASE, procedure: 'bkp', seed: 9 });
    const again = simulateCement(CASE);
    expect(again.arrival).toEqual(a.arrival);
    expect(again.leaks).toEqual(a.leaks);
  });

  it('conserves cement: inside + leaked = injected = planned, arrival within 0..planned', () => {
    for (const procedure of ['vp', 'bkp'] as const) {
      const r = simulateCement({ ...CASE, procedure });
      expect(r.injectedMl).toBeCloseTo(4, 9);
      expect(r.cementInsideMl + r.leakedMl).toBeCloseTo(r.injectedMl, 9);
      expect(r.leaks.reduce((s, l) => s + l.volumeMl, 0)).toBeCloseTo(r.leakedMl, 9);
      expect(r.fillFraction).toBeCloseTo(r.cementInsideMl / r.bodyVolumeMl, 12);
      const cellMl = r.grid.spacingMm ** 3 / 1000;
      let total = 0;
      for (const i of filled(r)) {
        expect(r.arrival[i]).toBeGreaterThan(0);
        expect(r.arrival[i]).toBeLessThanOrEqual(4 + 1e-6);
        total += r.kind[i] === CELL.cancellous ? 0.9 * cellMl : cellMl;
      }
      // The last voxel may be only partly filled.
      expect(Math.abs(total - r.injectedMl)).toBeLessThan(cellMl);
    }
  });

  it('puts cement only where it can go, and counts as leaked only what left the body', () => {
    // Seed 8: a patient whose break leaks (seed 7's stays sealed at L1's full mean-shape depth).
    const r = simulateCement({ ...CASE, seed: 8, viscosity: 'low', volumeMl: ml(6), corticalDefect: true });
    const walls: number[] = [CELL.none, CELL.cortical, CELL.endplate];
    for (const i of filled(r)) {
      expect(walls).not.toContain(r.kind[i]);
      if (r.route[i] === 0) expect(isInsideClass(r.kind[i]!)).toBe(true);
      else expect(isInsideClass(r.kind[i]!)).toBe(false);
    }
    expect(r.leaks.length).toBeGreaterThan(0);
    for (const leak of r.leaks) {
      expect(LEAK_TYPES).toContain(leak.type);
      expect(leak.atMl).toBeGreaterThanOrEqual(0);
      expect(leak.atMl).toBeLessThan(6);
    }
  });

  it('can be read at any moment: a run planned for less is the same run cut short', () => {
    const long = simulateCement({ ...CASE, volumeMl: ml(5) });
    const short = simulateCement({ ...CASE, volumeMl: ml(3) });
    const upTo3 = filled(long).filter((i) => long.arrival[i]! < 3 - 1e-6);
    expect(filled(short).filter((i) => short.arrival[i]! < 3 - 1e-6)).toEqual(upTo3);
    expect(leakTypesAt(long, 5)).toEqual(leakTypesAt(long));
    const mask = cementMask(long, 3);
    expect(mask.reduce((n, m) => n + (m > 0 ? 1 : 0), 0)).toBe(filled(long).filter((i) => long.arrival[i]! <= 3).length);
    expect(cementMask(long, 5, mask)).toBe(mask);
    expect(mask.filter((m) => m === 2).length).toBe(long.route.filter((r) => r !== 0).length);
    const types = leakTypesAt(long, 3);
    const direct = new Set(short.leaks.filter((l) => l.volumeMl > 0).map((l) => l.type));
    for (const t of types) expect(direct).toContain(t);
  });

  it('fills the BKP balloon cavity first, a few mL of it', () => {
    const r = simulateCement({ ...CASE, procedure: 'bkp' });
    expect(r.cavityMl).toBeGreaterThan(1);
    expect(r.cavityMl).toBeLessThan(6); // two balloons of at most 3 mL (domain.md §1)
    let lastCavity = 0;
    let firstBone = Infinity;
    r.kind.forEach((k, i) => {
      const a = r.arrival[i]!;
      if (k === CELL.cavity) lastCavity = Math.max(lastCavity, a);
      else if (k === CELL.cancellous && Number.isFinite(a)) firstBone = Math.min(firstBone, a);
    });
    expect(lastCavity).toBeLessThanOrEqual(r.cavityMl + 0.01);
    expect(firstBone).toBeGreaterThan(r.cavityMl - 0.05);
  });

  it('voxelises with the anatomy SDFs: where the fracture leaves bone intact the classes match them', () => {
    const base = baseGrid('L1', 2, 'wedge', 0.75);
    const g = vertebraGeometry('L1');
    const outer = vertebraSdf('L1');
    const inner = vertebraCancellousSdf('L1');
    const [nx, ny, nz] = base.meta.dims;
    let checked = 0;
    // Behind the posterior wall the wedge deformation is zero, so grid and SDF frames coincide.
    for (let k = 1; k < nz - 1; k++) {
      for (let j = 1; j < ny - 1; j++) {
        for (let i = 1; i < nx - 1; i++) {
          const idx = i + nx * (j + ny * k);
          const [x, y, z] = voxelCentre(base.meta, idx);
          if (z > g.zPosterior - 4.2) continue;
          const d = outer(x, y, z);
          if (Math.abs(d) < 0.05 || Math.abs(inner(x, y, z)) < 0.05) continue;
          const bone = base.kind[idx] === CELL.cancellous || base.kind[idx] === CELL.cortical || base.kind[idx] === CELL.endplate;
          expect(bone).toBe(d < 0);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
    expect(base.meta.spacingMm).toBeLessThanOrEqual(0.75);
  });

  it('has every tissue class, and the needle tips in cancellous bone', () => {
    const r = simulateCement({ ...CASE, corticalDefect: true, cleft: true });
    const present = new Set(r.kind);
    for (const c of ['cancellous', 'cortical', 'endplate', 'cleft', 'defect', 'basivertebralVein', 'segmentalVein', 'disc', 'epidural', 'paravertebral'] as const) {
      expect(present.has(CELL[c]), c).toBe(true);
    }
    expect(present.has(CELL.cavity)).toBe(false);
    expect(r.tips).toHaveLength(2);
    for (const t of r.tips) expect([CELL.cancellous, CELL.cleft]).toContain(r.kind[voxelAt(r.grid, t)]);
  });

  it('a grade 3 wedge leaves less room in the anterior third than a grade 1', () => {
    const room = (grade: 1 | 3): number => {
      const b = baseGrid('L1', grade, 'wedge', 0.75);
      const zFront = localLandmarks('L1').anteriorThirdTargets.midline[2] - 2;
      let n = 0;
      b.kind.forEach((k, i) => {
        if (k === CELL.cancellous && voxelCentre(b.meta, i)[2] > zFront) n++;
      });
      return n;
    };
    expect(room(3)).toBeLessThan(room(1) * 0.85);
  });

  it('runs across levels, shapes and approaches', () => {
    for (const input of [
      { ...CASE, level: 'T7', approach: 'unipedicular', volumeMl: ml(2.5) },
      { ...CASE, level: 'L4', grade: 3, shape: 'crush', procedure: 'bkp' },
      { ...CASE, level: 'T12', shape: 'biconcave', cleft: true, viscosity: 'high' },
    ] as const satisfies readonly CementInput[]) {
      const r = simulateCement(input);
      expect(r.injectedMl).toBeCloseTo(input.volumeMl, 6);
      expect(r.fillFraction).toBeGreaterThan(0.05);
      expect(r.fillFraction).toBeLessThan(0.6);
    }
  });
});
