/**
 * The generated files: names, closed manifold bone of genus 1, triangle budgets, byte budgets,
 * neighbours that do not interpenetrate, discs that meet both endplates.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LEVELS, nextLevel, type LevelId } from '../../../src/domain/anatomy/levels.ts';
import { BONE_LOD_MAX_TRIANGLES, BONE_MAX_TRIANGLES } from '../../../src/domain/anatomy/modelParts.ts';
import { rayHits, toLocal, type MeshView } from '../../../src/domain/anatomy/measureVertebra.ts';
import { vertebraTransform } from '../../../src/domain/anatomy/spineLayout.ts';
import { vertebraGeometry } from '../../../src/domain/anatomy/vertebraGeometry.ts';
import { vertebraSdf } from '../../../src/domain/anatomy/vertebraSdf.ts';
import { apply, invert } from '../../../src/domain/anatomy/vec.ts';
import { MODEL_DIR, levelMesh, levelMeshes } from './glbMeshes.ts';

/** Edge use counts: a closed, oriented 2-manifold uses each directed edge once and its twin once. */
function edgeReport(mesh: MeshView): { open: number; nonManifold: number; edges: number; components: number } {
  const directed = new Map<string, number>();
  const I = mesh.indices;
  const parent = new Int32Array(mesh.positions.length / 3).map((_, i) => i);
  const find = (a: number): number => {
    while (parent[a] !== a) a = parent[a] = parent[parent[a]!]!;
    return a;
  };
  for (let i = 0; i < I.length; i += 3) {
    for (let k = 0; k < 3; k++) {
      const a = I[i + k]!;
      const b = I[i + ((k + 1) % 3)]!;
      const key = `${a},${b}`;
      directed.set(key, (directed.get(key) ?? 0) + 1);
      parent[find(a)] = find(b);
    }
  }
  let open = 0;
  let nonManifold = 0;
  for (const [key, n] of directed) {
    const [a, b] = key.split(',');
    const twin = directed.get(`${b},${a}`) ?? 0;
    if (n > 1) nonManifold++;
    if (twin === 0) open++;
  }
  const roots = new Set<number>();
  for (let i = 0; i < I.length; i++) roots.add(find(I[i]!));
  return { open, nonManifold, edges: directed.size / 2, components: roots.size };
}

function eulerGenus(mesh: MeshView, edges: number): number {
  const used = new Set<number>();
  for (let i = 0; i < mesh.indices.length; i++) used.add(mesh.indices[i]!);
  const chi = used.size - edges + mesh.indices.length / 3;
  return 1 - chi / 2;
}

const SOFT_SUFFIXES = ['_cancellous', '_lod1', '_dura', '_root_left', '_root_right', '_basivertebral_vein', '_segmental_vein_left', '_segmental_vein_right', '_plexus', '_muscle', '_skin'];

describe.each(LEVELS)('%s.glb', (id) => {
  it('holds the named meshes of the model contract', async () => {
    const names = [...(await levelMeshes(id)).keys()];
    const expected = [id, ...SOFT_SUFFIXES.map((s) => id + s)].filter((n) => !(id === 'S1' && n.includes('_root_')));
    const below = nextLevel(id);
    if (below) expected.push(`${id}-${below}`, `${id}-${below}_nucleus`);
    expected.push(LEVELS.indexOf(id) <= LEVELS.indexOf('L1') ? `${id}_cord` : `${id}_cauda`);
    for (const n of expected) expect(names, `missing ${n}`).toContain(n);
  });

  it('bone is closed, manifold, one piece, genus 1, within the triangle budgets', async () => {
    const bone = await levelMesh(id, id);
    const r = edgeReport(bone);
    expect(r.open).toBe(0);
    expect(r.nonManifold).toBe(0);
    expect(r.components).toBe(1);
    if (id !== 'S1') expect(eulerGenus(bone, r.edges)).toBe(1);
    expect(bone.indices.length / 3).toBeLessThanOrEqual(BONE_MAX_TRIANGLES);
    const lod = await levelMesh(id, `${id}_lod1`);
    expect(lod.indices.length / 3).toBeLessThanOrEqual(BONE_LOD_MAX_TRIANGLES);
    expect(edgeReport(lod).open).toBe(0);
  });

  it('every part is a closed surface', async () => {
    for (const [name, mesh] of await levelMeshes(id)) {
      expect(edgeReport(mesh).open, `${name} has open edges`).toBe(0);
    }
  });
});

describe('neighbouring vertebrae', () => {
  it.each(LEVELS.slice(0, -1))('%s and the level below do not interpenetrate', async (upper) => {
    const lower = nextLevel(upper)!;
    for (const [a, b] of [[upper, lower], [lower, upper]] as [LevelId, LevelId][]) {
      const mesh = await levelMesh(a, a);
      const sdf = vertebraSdf(b);
      const toB = invert(vertebraTransform(b));
      let deepest = 0;
      for (let i = 0; i < mesh.positions.length; i += 3) {
        const q = apply(toB, [mesh.positions[i]!, mesh.positions[i + 1]!, mesh.positions[i + 2]!]);
        deepest = Math.min(deepest, sdf(q[0], q[1], q[2]));
      }
      // Mesh vertices sit within ~0.05 mm of their own surface; anything deeper is a collision.
      expect(deepest, `${a} vertex ${(-deepest).toFixed(2)} mm inside ${b}`).toBeGreaterThan(-0.15);
    }
  });
});

describe('discs', () => {
  it.each(LEVELS.slice(0, -1))('the disc below %s meets both endplates (gap < 0.5 mm, no overlap)', async (upper) => {
    const lower = nextLevel(upper)!;
    const disc = await levelMesh(upper, `${upper}-${lower}`);
    for (const [level, dir] of [[upper, -1], [lower, 1]] as [LevelId, number][]) {
      const g = vertebraGeometry(level);
      const p = g.params;
      const bone = toLocal(await levelMesh(level, level), vertebraTransform(level));
      const discLocal = toLocal(disc, vertebraTransform(level));
      const zc = (g.zAnterior + g.zPosterior) / 2;
      for (const fx of [-0.3, 0, 0.3]) {
        for (const fz of [-0.3, 0, 0.3]) {
          const o = [fx * p.epw, 0, zc + fz * p.epd] as const;
          const boneHit = rayHits(bone, o, [0, dir, 0])[0]!;
          const discHit = rayHits(discLocal, o, [0, dir, 0])[0]!;
          const gap = discHit - boneHit;
          expect(gap, `${level} ${dir < 0 ? 'inferior' : 'superior'} endplate at (${fx}, ${fz})`).toBeLessThan(0.5);
          // Both surfaces are within ~0.05 mm of their SDFs: deeper than 0.15 mm would be overlap.
          expect(gap).toBeGreaterThan(-0.15);
        }
      }
    }
  });
});

describe('file budgets', () => {
  const bytes = (name: string): number => statSync(join(MODEL_DIR, name)).size;
  it('public/models holds at most 8 MB', () => {
    const total = readdirSync(MODEL_DIR).reduce((s, f) => s + bytes(f), 0);
    expect(total).toBeLessThanOrEqual(8 * 1024 * 1024);
  });
  it('the default scene, L1 ± 2 levels, downloads at most 2 MB', () => {
    const i = LEVELS.indexOf('L1');
    const files = LEVELS.slice(i - 2, i + 3).map((l) => `${l}.glb`);
    const total = files.reduce((s, f) => s + bytes(f), 0) + bytes('index.json');
    expect(total).toBeLessThanOrEqual(2 * 1024 * 1024);
  });
});

describe('facet joints', () => {
  it.each(LEVELS.slice(0, -1))('the inferior facets of %s meet the superior facets below across a joint space', async (upper) => {
    const lower = nextLevel(upper)!;
    const mesh = await levelMesh(upper, upper);
    const sdf = vertebraSdf(lower);
    const toLower = invert(vertebraTransform(lower));
    const joint = vertebraGeometry(lower).superiorFacet.point;
    for (const s of [1, -1]) {
      let nearest = Infinity;
      for (let i = 0; i < mesh.positions.length; i += 3) {
        const q = apply(toLower, [mesh.positions[i]!, mesh.positions[i + 1]!, mesh.positions[i + 2]!]);
        if (Math.hypot(q[0] - s * joint[0], q[1] - joint[1], q[2] - joint[2]) > 12) continue;
        nearest = Math.min(nearest, sdf(q[0], q[1], q[2]));
      }
      // Facing articular surfaces about a millimetre apart (cartilage), never touching.
      expect(nearest).toBeLessThan(2);
      expect(nearest).toBeGreaterThan(0);
    }
  });
});
