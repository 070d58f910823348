/**
 * The assembled spine and its landmarks: order, curves, and landmarks where they belong.
 */
import { describe, expect, it } from 'vitest';
import { levelLandmarks, spineIndex } from '../../../src/domain/anatomy/landmarks.ts';
import { LEVELS, levelParams } from '../../../src/domain/anatomy/levels.ts';
import { superiorEndplateFrame, inferiorEndplateFrame, vertebraTransform, discHeights } from '../../../src/domain/anatomy/spineLayout.ts';
import { apply, compose, dot, invert, rotate, sub, type Vec3 } from '../../../src/domain/anatomy/vec.ts';
import { vertebraCancellousSdf, vertebraSdf } from '../../../src/domain/anatomy/vertebraSdf.ts';

function sagittalAngleDeg(v: Vec3): number {
  return (Math.atan2(v[2], v[1]) * 180) / Math.PI;
}

describe('spine layout', () => {
  it('stacks T1 … S1 from top to bottom', () => {
    for (let i = 0; i + 1 < LEVELS.length; i++) {
      const a = vertebraTransform(LEVELS[i]!).t;
      const b = vertebraTransform(LEVELS[i + 1]!).t;
      expect(a[1]).toBeGreaterThan(b[1]);
    }
  });

  it('has a lumbar lordosis and a thoracic kyphosis in the usual adult ranges [U]', () => {
    const up = (id: (typeof LEVELS)[number], f: typeof superiorEndplateFrame): Vec3 => rotate(compose(vertebraTransform(id), f(id)), [0, 1, 0]);
    // Lordosis L1 superior endplate to S1 superior endplate; kyphosis T1 superior to T12 inferior.
    const lordosis = sagittalAngleDeg(up('L1', superiorEndplateFrame)) - sagittalAngleDeg(up('S1', superiorEndplateFrame));
    const kyphosis = sagittalAngleDeg(up('T1', superiorEndplateFrame)) - sagittalAngleDeg(up('T12', inferiorEndplateFrame));
    expect(Math.abs(lordosis)).toBeGreaterThan(40);
    expect(Math.abs(lordosis)).toBeLessThan(70);
    expect(Math.abs(kyphosis)).toBeGreaterThan(20);
    expect(Math.abs(kyphosis)).toBeLessThan(60);
    expect(Math.sign(lordosis)).not.toBe(Math.sign(kyphosis));
  });

  it('uses the confirmed lumbar disc heights (domain.md §2b)', () => {
    expect(discHeights('L4')).toEqual({ anterior: 18.1, middle: 13.8, posterior: 10.1 });
  });
});

describe.each(LEVELS)('%s landmarks', (id) => {
  const l = levelLandmarks(id);
  const inv = invert(vertebraTransform(id));
  const local = (p: Vec3): Vec3 => apply(inv, p);
  const bone = vertebraSdf(id);
  const cancellous = vertebraCancellousSdf(id);
  const at = (f: (x: number, y: number, z: number) => number, p: Vec3): number => {
    const q = local(p);
    return f(q[0], q[1], q[2]);
  };

  it('anterior-third targets lie in the cancellous bone, in front of the body centre', () => {
    for (const t of [l.anteriorThirdTargets.left, l.anteriorThirdTargets.midline, l.anteriorThirdTargets.right]) {
      expect(at(cancellous, t)).toBeLessThan(0);
      expect(local(t)[2]).toBeGreaterThan(levelParams(id).epd / 6);
    }
  });

  it('pedicle entries are on the bone surface behind the isthmus, axes point forward', () => {
    for (const p of [l.pedicles.left, l.pedicles.right]) {
      expect(Math.abs(at(bone, p.entry))).toBeLessThan(0.05);
      expect(dot(sub(p.entry, p.isthmus), p.axis)).toBeLessThan(0);
      expect(rotate(inv, p.axis)[2]).toBeGreaterThan(0.8);
    }
  });

  it('the canal centre is outside the bone; the foramen and vein exits sit on the surface', () => {
    expect(at(bone, l.canalCentre)).toBeGreaterThan(3);
    for (const p of [l.segmentalVeinExits.left, l.segmentalVeinExits.right]) expect(Math.abs(at(bone, p))).toBeLessThan(0.05);
    expect(Math.abs(at(bone, l.basivertebralForamen.centre))).toBeLessThan(2.5);
  });

  it('endplate normals point away from the body centre', () => {
    expect(dot(sub(l.superiorEndplate.centre, l.bodyCentre), l.superiorEndplate.normal)).toBeGreaterThan(0);
    expect(dot(sub(l.inferiorEndplate.centre, l.bodyCentre), l.inferiorEndplate.normal)).toBeGreaterThan(0);
  });
});

describe('index', () => {
  it('lists every level with its file and mesh names', () => {
    const index = spineIndex();
    expect(index.levels.map((l) => l.id)).toEqual([...LEVELS]);
    expect(index.levels.find((l) => l.id === 'L1')).toMatchObject({ file: 'L1.glb', bone: 'L1', cancellous: 'L1_cancellous', discBelow: 'L1-L2' });
    expect(index.levels.find((l) => l.id === 'S1')?.discBelow).toBeNull();
  });
});
