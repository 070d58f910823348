/**
 * Dimensions measured on the generated bone meshes (public/models/spine/<LEVEL>.glb), mapped back
 * to each vertebra's own frame, against domain.md §2b (±10%, ±5% for confirmed values) and the
 * Clouthier 2023 mean-mesh extents of §2a (±8%).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { LEVELS, levelParams, type LevelId, type LevelParams } from '../../../src/domain/anatomy/levels.ts';
import { measureVertebra, toLocal, type VertebraMeasurements } from '../../../src/domain/anatomy/measureVertebra.ts';
import { spineIndex } from '../../../src/domain/anatomy/landmarks.ts';
import { vertebraTransform } from '../../../src/domain/anatomy/spineLayout.ts';
import { invert, rotate } from '../../../src/domain/anatomy/vec.ts';
import { levelMesh } from './glbMeshes.ts';

const VERTEBRAE = LEVELS.filter((l) => l !== 'S1');
const measured = new Map<LevelId, VertebraMeasurements>();

beforeAll(async () => {
  for (const id of VERTEBRAE) {
    const bone = await levelMesh(id, id);
    measured.set(id, measureVertebra(toLocal(bone, vertebraTransform(id)), id));
  }
});

function tolerance(p: LevelParams, key: keyof LevelParams): number {
  return p.confirmed.includes(key) ? 0.05 : 0.1;
}

function expectNear(actual: number, target: number, tol: number, label: string): void {
  const rel = Math.abs(actual - target) / target;
  expect(rel, `${label}: measured ${actual.toFixed(2)} mm vs ${target} mm (±${tol * 100}%)`).toBeLessThanOrEqual(tol);
}

describe.each(VERTEBRAE)('%s measured on its mesh', (id) => {
  const p = levelParams(id);
  it('body width, depth, anterior and posterior height', () => {
    const m = measured.get(id)!;
    expectNear(m.bodyWidth, p.epw, tolerance(p, 'epw'), 'body width');
    expectNear(m.bodyDepth, p.epd, tolerance(p, 'epd'), 'body depth');
    expectNear(m.anterior, p.vbha, tolerance(p, 'vbha'), 'anterior height');
    expectNear(m.posterior, p.vbhp, tolerance(p, 'vbhp'), 'posterior height');
  });
  it('pedicle width and height on both sides', () => {
    const m = measured.get(id)!;
    for (const side of ['left', 'right'] as const) {
      expectNear(m.pedicleWidth[side], p.pw, tolerance(p, 'pw'), `${side} pedicle width`);
      expectNear(m.pedicleHeight[side], p.ph, tolerance(p, 'ph'), `${side} pedicle height`);
    }
  });
  it('canal width and depth', () => {
    const m = measured.get(id)!;
    expectNear(m.canalWidth, p.scw, tolerance(p, 'scw'), 'canal width');
    expectNear(m.canalDepth, p.scd, tolerance(p, 'scd'), 'canal depth');
  });
});

describe('across levels', () => {
  it('pedicle width is smallest at T4 or T5', () => {
    let best: LevelId = 'T1';
    for (const id of VERTEBRAE) {
      const w = measured.get(id)!.pedicleWidth;
      const b = measured.get(best)!.pedicleWidth;
      if (Math.min(w.left, w.right) < Math.min(b.left, b.right)) best = id;
    }
    expect(['T4', 'T5']).toContain(best);
  });

  it.each(['L2', 'L3', 'L4', 'L5'] as const)('%s whole-vertebra extents AP × LR × SI within 8%% of the mean mesh', (id) => {
    const m = measured.get(id)!;
    const e = levelParams(id).extents; // Clouthier 2023 [C]
    expectNear(m.extents.ap, e.ap, 0.08, 'AP extent');
    expectNear(m.extents.lr, e.lr, 0.08, 'LR extent');
    expectNear(m.extents.si, e.si, 0.08, 'SI extent');
  });
});

describe('thoracic values checked against other series (domain.md §2b, 2026-11)', () => {
  it.each(['T1', 'T2', 'T3'] as const)('%s body is taller at the back than at the front (Egwu 2019)', (id) => {
    const m = measured.get(id)!;
    expect(m.posterior).toBeGreaterThan(m.anterior);
  });

  it('T2 heights: anterior 16.9, posterior 17.6 mm (Egwu 2019), within 5%', () => {
    const m = measured.get('T2')!;
    expectNear(m.anterior, 16.9, 0.05, 'T2 anterior height');
    expectNear(m.posterior, 17.6, 0.05, 'T2 posterior height');
  });

  it('T1–T3 heights are no longer below the mid-thoracic ones by more than 2 mm', () => {
    const t5 = measured.get('T5')!;
    for (const id of ['T1', 'T2', 'T3'] as const) expect(measured.get(id)!.anterior).toBeGreaterThan(t5.anterior - 2);
  });

  it.each(['T4', 'T5', 'T6'] as const)('%s canal: width 19–21 mm, depth 17–20 mm (Kaur 2016; Chughtai)', (id) => {
    const m = measured.get(id)!;
    expect(m.canalWidth).toBeGreaterThanOrEqual(19 * 0.97);
    expect(m.canalWidth).toBeLessThanOrEqual(21 * 1.03);
    expect(m.canalDepth).toBeGreaterThanOrEqual(17 * 0.97);
    expect(m.canalDepth).toBeLessThanOrEqual(20 * 1.03);
  });

  it('T12 pedicle transverse angle is near neutral, slightly negative (sources from −9.8° to +4°)', () => {
    const index = spineIndex().levels.find((l) => l.id === 'T12')!;
    const toLocal = invert(vertebraTransform('T12'));
    for (const [side, s] of [['left', 1], ['right', -1]] as const) {
      const axis = rotate(toLocal, index.landmarks.pedicles[side].axis);
      const angle = (Math.atan2(-s * axis[0], axis[2]) * 180) / Math.PI;
      expect(angle).toBeGreaterThan(-6);
      expect(angle).toBeLessThanOrEqual(0.5);
    }
  });
});
