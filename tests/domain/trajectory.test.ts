import { describe, expect, it } from 'vitest';
import { levelLandmarks } from '../../src/domain/anatomy/landmarks.ts';
import type { LevelId } from '../../src/domain/anatomy/levels.ts';
import { checkSafetyRule } from '../../src/domain/procedures/safety.ts';
import { NEEDLE_DEPTH_AT } from '../../src/domain/procedures/sampleProcedure.ts';
import { needsExtrapedicular, planTrajectory, tipAt } from '../../src/domain/procedures/trajectory.ts';

const LEVELS: LevelId[] = ['T4', 'T5', 'T6', 'T7', 'T8', 'T9', 'T10', 'T11', 'T12', 'L1', 'L2', 'L3', 'L4', 'L5'];
const CASES = LEVELS.flatMap((level) =>
  (['unipedicular', 'bipedicular'] as const).flatMap((approach) =>
    (approach === 'bipedicular' ? (['left', 'right'] as const) : (['left'] as const)).map((side) => [level, approach, side] as const),
  ),
);

describe('needle trajectory', () => {
  it.each(CASES)('%s %s (%s): the safety rule holds on the bone geometry', (level, approach, side) => {
    const t = planTrajectory(level, levelLandmarks(level), side, approach, { level, grade: 2, shape: 'wedge' });
    const report = checkSafetyRule(level, side, t.entry, t.target);
    expect(report.breach).toBeUndefined();
    expect(report.ok).toBe(true);
  });

  it.each(LEVELS)('%s: the tip ends in the anterior third; entry, wall and target lie in order on the path', (level) => {
    const lm = levelLandmarks(level);
    const t = planTrajectory(level, lm, 'left', 'bipedicular');
    tipAt(t, NEEDLE_DEPTH_AT.body).forEach((v, i) => expect(v).toBeCloseTo(t.target[i]!, 9));
    tipAt(t, NEEDLE_DEPTH_AT.dock).forEach((v, i) => expect(v).toBeCloseTo(t.entry[i]!, 9));
    const along = (p: readonly number[]) => p.reduce((sum, v, i) => sum + (v - t.entry[i]!) * t.direction[i]!, 0);
    expect(along(t.skin)).toBeLessThan(0);
    expect(along(t.wall)).toBeGreaterThan(0);
    expect(along(t.target)).toBeGreaterThan(along(t.wall));
  });

  it.each(LEVELS)('%s: deliberately wrong paths are reported as breaches', (level) => {
    const lm = levelLandmarks(level);
    // Aimed at the spinal canal: medial to the pedicle wall long before the body.
    const intoCanal = checkSafetyRule(level, 'left', lm.pedicles.left.entry, lm.canalCentre);
    expect(intoCanal.ok).toBe(false);
    expect(intoCanal.breach!.medialByMm).toBeGreaterThan(0);
    // From the right pedicle's entry across to the left target: medial on the wrong side early.
    const crossed = checkSafetyRule(level, 'right', lm.pedicles.right.entry, [lm.canalCentre[0] + 40, lm.canalCentre[1], lm.anteriorThirdTargets.left[2]]);
    expect(crossed.ok).toBe(false);
  });

  it('uses an extrapedicular path only where the pedicle is too narrow for the needle', () => {
    const routes = Object.fromEntries(LEVELS.map((l) => [l, needsExtrapedicular(l)]));
    expect(routes['L1']).toBe(false);
    expect(routes['L5']).toBe(false);
    const narrow = LEVELS.filter((l) => routes[l]);
    for (const l of narrow) expect(l.startsWith('T')).toBe(true);
  });
});
