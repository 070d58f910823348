/**
 * Test helper: reads a generated level file and returns its meshes by name, with positions
 * converted back to millimetres (assembled-spine frame).
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NodeIO } from '@gltf-transform/core';
import { EXTMeshoptCompression } from '@gltf-transform/extensions';
import { MeshoptDecoder } from 'meshoptimizer';
import type { LevelId } from '../../../src/domain/anatomy/levels.ts';

export interface LoadedMesh {
  positions: Float64Array;
  indices: Uint32Array;
}

export const MODEL_DIR = fileURLToPath(new URL('../../../public/models/spine', import.meta.url));

const cache = new Map<string, Promise<Map<string, LoadedMesh>>>();

async function read(path: string): Promise<Map<string, LoadedMesh>> {
  await MeshoptDecoder.ready;
  const io = new NodeIO().registerExtensions([EXTMeshoptCompression]).registerDependencies({ 'meshopt.decoder': MeshoptDecoder });
  const doc = await io.read(path);
  const out = new Map<string, LoadedMesh>();
  for (const mesh of doc.getRoot().listMeshes()) {
    const prim = mesh.listPrimitives()[0]!;
    const pos = prim.getAttribute('POSITION')!.getArray()!;
    const positions = new Float64Array(pos.length);
    for (let i = 0; i < pos.length; i++) positions[i] = pos[i]! * 1000; // m → mm
    out.set(mesh.getName(), { positions, indices: Uint32Array.from(prim.getIndices()!.getArray()!) });
  }
  return out;
}

/** Meshes of `public/models/spine/<id>.glb`, by mesh name (cached per test file). */
export function levelMeshes(id: LevelId): Promise<Map<string, LoadedMesh>> {
  const path = resolve(MODEL_DIR, `${id}.glb`);
  let hit = cache.get(path);
  if (!hit) {
    hit = read(path);
    cache.set(path, hit);
  }
  return hit;
}

/** The mesh `name` of level `id`, or a thrown error naming what is missing. */
export async function levelMesh(id: LevelId, name: string): Promise<LoadedMesh> {
  const m = (await levelMeshes(id)).get(name);
  if (!m) throw new Error(`${id}.glb has no mesh named ${name}`);
  return m;
}
