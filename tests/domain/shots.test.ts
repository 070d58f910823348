import { describe, expect, it } from 'vitest';
import { levelLandmarks } from '../../src/domain/anatomy/landmarks.ts';
import { BKP_PLAN, VP_PLAN } from '../../src/domain/procedures/plans.ts';
import { cameraAt, stepCamera } from '../../src/domain/procedures/shots.ts';
import { stepStartTimes, totalDuration } from '../../src/domain/procedures/timeline.ts';

const lm = levelLandmarks('L1');
const dist = (a: readonly number[], b: readonly number[]) => Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!, a[2]! - b[2]!);

describe('camera shots', () => {
  it.each([VP_PLAN, BKP_PLAN].map((p) => [p.procedure, p]))('%s: the camera moves continuously through every step boundary', (_n, plan) => {
    let prev = cameraAt(plan, lm, 0);
    for (let t = 0.02; t <= totalDuration(plan); t += 0.02) {
      const pose = cameraAt(plan, lm, t);
      // Never a jump: at most a few millimetres per 20 ms of playback.
      expect(dist(pose.position, prev.position)).toBeLessThan(15);
      prev = pose;
    }
  });

  it('settles on each step\'s own shot and watches the needle\'s side while docking', () => {
    const starts = stepStartTimes(VP_PLAN);
    const dock = VP_PLAN.steps.findIndex((s) => s.id === 'dock');
    const end = starts[dock]! + VP_PLAN.steps[dock]!.duration - 0.01;
    expect(dist(cameraAt(VP_PLAN, lm, end).target, stepCamera('dock', lm).target)).toBeLessThan(1e-6);
    expect(dist(stepCamera('dock', lm, 'left').target, lm.pedicles.left.entry)).toBeLessThan(1e-9);
    // Seen from the patient's left for a single left needle, from the right for two.
    expect(stepCamera('dock', lm, 'left').position[0]).toBeGreaterThan(lm.pedicles.left.entry[0]);
    expect(stepCamera('dock', lm, 'right').position[0]).toBeLessThan(lm.pedicles.right.entry[0]);
  });
});
