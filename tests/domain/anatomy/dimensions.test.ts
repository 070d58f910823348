/**
 * Dimensions measured on the generated bone meshes (public/models/spine/<LEVEL>.glb), mapped back
 * to each vertebra's own frame, against domain.md §2b (±10%, ±5% for confirmed values) and the
 * Clouthier 2023 mean-mesh extents of §2a (±8%).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { LEVELS, levelParams, type LevelId, type LevelParams } from '../../../src/domain/anatomy/levels.ts';
import { measureVertebra, toLocal, type VertebraMeasurements } from '../../../src/domain/anatomy/measureVertebra.ts';
import { vertebraTransform } from '../../../src/domain/anatomy/spineLayout.ts';
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
