import { describe, expect, it } from 'vitest';
import { levelLandmarks } from '../../src/domain/anatomy/landmarks.ts';
import { BKP_PLAN, VP_PLAN } from '../../src/domain/procedures/plans.ts';
import { cameraAt, stepCamera, vertebraSubject } from '../../src/domain/procedures/shots.ts';
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
    expect(dist(cameraAt(VP_PLAN, lm, end).target, stepCamera(VP_PLAN, 'dock', lm).target)).toBeLessThan(1e-6);
    expect(dist(stepCamera(VP_PLAN, 'dock', lm, 'left').target, lm.pedicles.left.entry)).toBeLessThan(1e-9);
    // Seen from the patient's left for a single left needle, from the right for two.
    expect(stepCamera(VP_PLAN, 'dock', lm, 'left').position[0]).toBeGreaterThan(lm.pedicles.left.entry[0]);
    expect(stepCamera(VP_PLAN, 'dock', lm, 'right').position[0]).toBeLessThan(lm.pedicles.right.entry[0]);
  });
});

describe('shots as plan data', () => {
  it('cavity and cement steps look at the opened vertebra from the needle\'s side, nearly level', () => {
    for (const plan of [VP_PLAN, BKP_PLAN]) {
      for (const step of plan.steps.filter((s) => s.phase === 'cavity' || s.phase === 'cement')) {
        const subject = vertebraSubject('L1');
        const right = stepCamera(plan, step.id, lm, 'right', subject);
        const left = stepCamera(plan, step.id, lm, 'left', subject);
        const dir = [right.position[0] - right.target[0], right.position[1] - right.target[1], right.position[2] - right.target[2]];
        const len = Math.hypot(dir[0]!, dir[1]!, dir[2]!);
        // From the side: mostly along −X (the patient's right), little from above or behind.
        expect(-dir[0]! / len).toBeGreaterThan(0.95);
        expect(left.position[0]).toBeGreaterThan(left.target[0]);
        // Close: the frame holds the treated vertebra (body to spinous process), not the spine.
        expect(right.target).toEqual(subject.centre);
        expect(right.frameMm).toEqual(subject.sideMm);
        expect(right.frameMm[0]).toBeLessThan(3.5 * lm.bodyDepth);
        expect(right.frameMm[0]).toBeGreaterThan(2 * lm.bodyDepth);
      }
    }
  });

  it('access steps frame the pedicle and the needle path', () => {
    const pedicle = stepCamera(VP_PLAN, 'pedicle', lm, 'right');
    const entry = lm.pedicles.right.entry;
    const target = lm.anteriorThirdTargets.right;
    const mid = [(entry[0] + target[0]) / 2, (entry[1] + target[1]) / 2, (entry[2] + target[2]) / 2];
    expect(dist(pedicle.target, mid)).toBeLessThan(1e-9);
    // The frame holds the whole path.
    expect(pedicle.frameMm[0]).toBeGreaterThan(dist(entry, target));
  });
});
