/**
 * Fractures deform the generated meshes by the Genant grade's fraction, in the right place, and
 * leave the base positions and the posterior arch alone.
 */
import { describe, expect, it } from 'vitest';
import {
  deformPositions,
  fractureFeatures,
  GRADE_HEIGHT_LOSS,
  wedgeAngleDeg,
  type FractureGrade,
  type FractureShape,
} from '../../../src/domain/anatomy/fracture.ts';
import type { LevelId } from '../../../src/domain/anatomy/levels.ts';
import { measureBodyHeights, measureBodyHeightsInSpine, rayHits, toLocal } from '../../../src/domain/anatomy/measureVertebra.ts';
import { vertebraTransform } from '../../../src/domain/anatomy/spineLayout.ts';
import { vertebraGeometry } from '../../../src/domain/anatomy/vertebraGeometry.ts';
import { levelMesh } from './glbMeshes.ts';

const LEVELS_TESTED: LevelId[] = ['T8', 'T12', 'L1', 'L2'];
const GRADES: FractureGrade[] = [1, 2, 3];
const SHAPES: FractureShape[] = ['wedge', 'biconcave', 'crush'];

const cases = LEVELS_TESTED.flatMap((level) => GRADES.flatMap((grade) => SHAPES.map((shape) => [level, grade, shape] as const)));

describe('Genant grade height loss', () => {
  it('uses a fraction inside each grade band (domain.md §3)', () => {
    expect(GRADE_HEIGHT_LOSS[1]).toBeGreaterThanOrEqual(0.2);
    expect(GRADE_HEIGHT_LOSS[1]).toBeLessThanOrEqual(0.25);
    expect(GRADE_HEIGHT_LOSS[2]).toBeGreaterThan(0.25);
    expect(GRADE_HEIGHT_LOSS[2]).toBeLessThanOrEqual(0.4);
    expect(GRADE_HEIGHT_LOSS[3]).toBeGreaterThan(0.4);
  });
});

describe.each(cases)('%s grade %i %s', (level, grade, shape) => {
  it('reduces the measured heights by the grade fraction ±2%', async () => {
    const bone = await levelMesh(level, level);
    const frame = vertebraTransform(level);
    const before = measureBodyHeights(toLocal(bone, frame), level);
    const deformed = Float64Array.from(bone.positions);
    deformPositions(deformed, { level, grade, shape });
    const after = measureBodyHeights(toLocal({ positions: deformed, indices: bone.indices }, frame), level);
    const loss = (k: 'anterior' | 'middle' | 'posterior'): number => 1 - after[k] / before[k];
    const f = GRADE_HEIGHT_LOSS[grade];
    const expected = {
      wedge: { anterior: f, middle: undefined, posterior: 0 },
      biconcave: { anterior: 0, middle: f, posterior: 0 },
      crush: { anterior: f, middle: f, posterior: f },
    }[shape];
    for (const k of ['anterior', 'middle', 'posterior'] as const) {
      const e = expected[k];
      if (e !== undefined) expect(Math.abs(loss(k) - e), `${k} loss ${loss(k).toFixed(3)} vs ${e}`).toBeLessThanOrEqual(0.02);
    }
    if (shape === 'wedge') expect(wedgeAngleDeg(level, after.anterior, after.posterior)).toBeGreaterThan(wedgeAngleDeg(level, before.anterior, before.posterior) + 3);
  });
});

describe('deformation', () => {
  it('leaves the posterior arch in place and does not touch the input when copying', async () => {
    const bone = await levelMesh('L1', 'L1');
    const copy = Float64Array.from(bone.positions);
    deformPositions(copy, { level: 'L1', grade: 3, shape: 'crush' });
    const g = vertebraGeometry('L1');
    const local = toLocal(bone, vertebraTransform('L1'));
    let archMoved = 0;
    for (let i = 0; i < copy.length; i += 3) {
      const moved = Math.hypot(copy[i]! - bone.positions[i]!, copy[i + 1]! - bone.positions[i + 1]!, copy[i + 2]! - bone.positions[i + 2]!);
      if (local.positions[i + 2]! < g.zPosterior - 4) archMoved = Math.max(archMoved, moved);
    }
    expect(archMoved).toBe(0);
    expect(copy).not.toEqual(bone.positions);
  });

  it('leaves the neighbouring vertebrae where they are', async () => {
    for (const neighbour of ['T12', 'L2'] as const) {
      for (const shape of SHAPES) {
        const bone = await levelMesh(neighbour, neighbour);
        const copy = Float64Array.from(bone.positions);
        deformPositions(copy, { level: 'L1', grade: 3, shape });
        expect(copy, `${neighbour} moved by an L1 ${shape} fracture`).toEqual(bone.positions);
      }
    }
  });

  it('moves the disc above with the collapsing endplate, so they stay in contact', async () => {
    const level: LevelId = 'L1';
    const frame = vertebraTransform(level);
    const bone = await levelMesh(level, level);
    const disc = await levelMesh('T12', 'T12-L1');
    const b = Float64Array.from(bone.positions);
    const d = Float64Array.from(disc.positions);
    deformPositions(b, { level, grade: 3, shape: 'wedge' });
    deformPositions(d, { level, grade: 3, shape: 'wedge' });
    const boneL = toLocal({ positions: b, indices: bone.indices }, frame);
    const discL = toLocal({ positions: d, indices: disc.indices }, frame);
    const g = vertebraGeometry(level);
    for (const z of [g.zAnterior - 4, 0, g.zPosterior + 4]) {
      const o = [0, 0, z] as const;
      const gap = rayHits(discL, o, [0, 1, 0])[0]! - rayHits(boneL, o, [0, 1, 0])[0]!;
      expect(Math.abs(gap)).toBeLessThan(0.5);
    }
  });

  it('places an optional cortical defect and cleft', () => {
    const f = fractureFeatures({ level: 'L1', grade: 2, shape: 'wedge', corticalDefect: 'anterior', cleft: true });
    expect(f.defect?.site).toBe('anterior');
    expect(f.defect?.normal[2]).toBeGreaterThan(0.8);
    expect(f.cleft?.radii[0]).toBeGreaterThan(0);
  });
});

describe('measuring in the spine frame', () => {
  it('gives the same heights from metre positions as from the own-frame mesh', async () => {
    const bone = await levelMesh('L1', 'L1');
    const metres = Float64Array.from(bone.positions, (v) => v / 1000);
    const a = measureBodyHeightsInSpine({ positions: metres, indices: bone.indices }, 'L1', 0.001);
    const b = measureBodyHeights(toLocal(bone, vertebraTransform('L1')), 'L1');
    expect(a.anterior).toBeCloseTo(b.anterior, 6);
    expect(a.middle).toBeCloseTo(b.middle, 6);
  });
});
