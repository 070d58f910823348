import { describe, expect, it } from 'vitest';
import type { FractureGrade, FractureShape } from '../../src/domain/anatomy/fracture.ts';
import { levelLandmarks } from '../../src/domain/anatomy/landmarks.ts';
import { ml } from '../../src/domain/units.ts';
import { vertebraTransform } from '../../src/domain/anatomy/spineLayout.ts';
import { apply } from '../../src/domain/anatomy/vec.ts';
import type { Approach, CaseParams } from '../../src/domain/caseParams.ts';
import { DEFAULT_CASE } from '../../src/domain/caseParams.ts';
import { placeFeatures } from '../../src/domain/cement/features.ts';
import { baseGrid } from '../../src/domain/cement/voxelise.ts';
import { BALLOON_CAVITY_TOTAL_ML, balloonShape, insideBalloon } from '../../src/domain/procedures/balloon.ts';
import { BKP_PLAN } from '../../src/domain/procedures/plans.ts';
import { prepareCase, samplePose } from '../../src/domain/procedures/samplePose.ts';
import { totalDuration } from '../../src/domain/procedures/timeline.ts';
import { createRandom } from '../../src/domain/random.ts';

/** The balloons as drawn once the balloon step is over (end of the procedure). */
function drawnAtEnd(params: CaseParams) {
  const c = prepareCase('bkp', params, levelLandmarks(params.level));
  // Just before deflation ends the balloons are full: find the fullest moment of the plan.
  let best = samplePose(BKP_PLAN, c, 0).balloons;
  let bestMl = 0;
  for (let t = 0; t <= totalDuration(BKP_PLAN); t += 0.05) {
    const balloons = samplePose(BKP_PLAN, c, t).balloons;
    const ml = balloons.reduce((s, b) => s + b.shape.volumeMl, 0);
    if (ml > bestMl) [best, bestMl] = [balloons, ml];
  }
  return { balloons: best, volumeMl: bestMl };
}

function simulatedCavityMl(level: CaseParams['level'], grade: FractureGrade, shape: FractureShape, approach: Approach, seed: number): number {
  const base = baseGrid(level, grade, shape, 0.75);
  const input = { procedure: 'bkp', level, grade, shape, approach, viscosity: 'medium', volumeMl: ml(4), seed } as const;
  return placeFeatures(base, input, createRandom(seed)).cavityMl;
}

const CASES: [CaseParams['level'], FractureGrade, FractureShape][] = [
  ['L1', 2, 'wedge'],
  ['L4', 1, 'biconcave'],
  ['T12', 3, 'crush'],
  ['T9', 2, 'wedge'],
  ['T5', 2, 'wedge'],
];

describe('one balloon: drawn and simulated', () => {
  it.each(CASES.flatMap(([l, g, s]) => (['unipedicular', 'bipedicular'] as const).map((a) => [`${l} grade ${g} ${s} ${a}`, l, g, s, a] as const)))(
    '%s: the balloons drawn full hold what the simulated cavity holds',
    (_name, level, grade, shape, approach) => {
      const drawn = drawnAtEnd({ ...DEFAULT_CASE, level, grade, shape, approach });
      const cavity = simulatedCavityMl(level, grade, shape, approach, 11);
      expect(drawn.volumeMl).toBeGreaterThan(0.5);
      // Voxels of 0.75 mm against the exact shape: within 3%.
      expect(Math.abs(cavity - drawn.volumeMl) / drawn.volumeMl).toBeLessThan(0.03);
    },
    20_000,
  );

  it.each([['L1'], ['L3'], ['T12']] as const)('%s: one balloon or two leave the same cavity, as drawn and as simulated', (level) => {
    const uni = drawnAtEnd({ ...DEFAULT_CASE, level, approach: 'unipedicular' });
    const bi = drawnAtEnd({ ...DEFAULT_CASE, level, approach: 'bipedicular' });
    expect(uni.balloons).toHaveLength(1);
    expect(bi.balloons).toHaveLength(2);
    expect(uni.volumeMl).toBeCloseTo(BALLOON_CAVITY_TOTAL_ML, 2);
    expect(bi.volumeMl).toBeCloseTo(BALLOON_CAVITY_TOTAL_ML, 2);
    const simUni = simulatedCavityMl(level, 2, 'wedge', 'unipedicular', 5);
    const simBi = simulatedCavityMl(level, 2, 'wedge', 'bipedicular', 5);
    expect(Math.abs(simUni - simBi)).toBeLessThan(0.05 * BALLOON_CAVITY_TOTAL_ML);
  }, 20_000);

  it('the cavity lies where the balloon is drawn: its voxels are inside the drawn shape', () => {
    const params: CaseParams = { ...DEFAULT_CASE, level: 'L1', approach: 'bipedicular' };
    const { balloons } = drawnAtEnd(params);
    const base = baseGrid('L1', params.grade, params.shape, 0.75);
    const grid = placeFeatures(base, { procedure: 'bkp', level: 'L1', grade: params.grade, shape: params.shape, approach: 'bipedicular', viscosity: 'medium', volumeMl: ml(4), seed: 2 }, createRandom(2));
    // Cavity voxels back in the spine frame, against the drawn balloons.
    const { dims, origin, spacingMm: h } = base.meta;
    const toSpine = vertebraTransform('L1');
    let inside = 0;
    let total = 0;
    for (let idx = 0; idx < grid.kind.length; idx++) {
      if (grid.kind[idx] !== 12) continue;
      total++;
      const i = idx % dims[0], j = Math.floor(idx / dims[0]) % dims[1], k = Math.floor(idx / (dims[0] * dims[1]));
      // The grid frame is the vertebra's own; the drawn balloons are in the spine frame.
      const p = apply(toSpine, [origin[0] + i * h, origin[1] + j * h, origin[2] + k * h]);
      if (balloons.some((b) => insideBalloon(b.frame, b.shape, p, 0.01))) inside++;
    }
    expect(total).toBeGreaterThan(1000);
    expect(inside / total).toBeGreaterThan(0.99);
  }, 20_000);

  it('the endplates hold the balloon: less room, flatter and wider, the same fill', () => {
    const free = balloonShape(3, 15, 20);
    const tight = balloonShape(3, 15, 4);
    expect(free.volumeMl).toBeCloseTo(3, 3);
    expect(free.verticalRadiusMm).toBeCloseTo(free.radiusMm, 9);
    expect(tight.verticalRadiusMm).toBe(4);
    expect(tight.radiusMm).toBeGreaterThan(free.radiusMm);
    expect(tight.volumeMl).toBeCloseTo(3, 3);
  });
});
