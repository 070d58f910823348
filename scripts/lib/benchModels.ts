/**
 * Model figures for `npm run bench`: bytes and triangles of each level's file as committed, the
 * download of the default scene (L1 ± 2 and the index), and generation time for a few levels.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { NodeIO } from '@gltf-transform/core';
import { ALL_EXTENSIONS } from '@gltf-transform/extensions';
import { MeshoptDecoder } from 'meshoptimizer';
import { LEVELS } from '../../src/domain/anatomy/levels.ts';
import { buildLevel } from '../generateModels.ts';

interface Row {
  name: string;
  value: number;
  unit: string;
  budget?: number;
}

const DIR = join(import.meta.dirname, '..', '..', 'public', 'models', 'spine');

export async function benchModels(): Promise<Row[]> {
  await MeshoptDecoder.ready;
  const io = new NodeIO().registerExtensions(ALL_EXTENSIONS).registerDependencies({ 'meshopt.decoder': MeshoptDecoder });
  const rows: Row[] = [];
  let total = statSync(join(DIR, 'index.json')).size;
  for (const id of LEVELS) {
    const file = join(DIR, `${id}.glb`);
    const bytes = statSync(file).size;
    total += bytes;
    const doc = await io.readBinary(new Uint8Array(readFileSync(file)));
    const tris = (name: string) =>
      doc.getRoot().listMeshes().filter((m) => m.getName() === name).flatMap((m) => m.listPrimitives()).reduce((n, p) => n + (p.getIndices()?.getCount() ?? 0) / 3, 0);
    rows.push({ name: `model ${id}: bone / LOD triangles, file size`, value: bytes / 1000, unit: `KB (${tris(id)} / ${tris(`${id}_lod1`)} triangles)` });
  }
  const segment = ['T11', 'T12', 'L1', 'L2', 'L3'].reduce((n, id) => n + statSync(join(DIR, `${id}.glb`)).size, statSync(join(DIR, 'index.json')).size);
  rows.push({ name: 'models: all files', value: total / 1e6, unit: 'MB', budget: 8 });
  rows.push({ name: 'models: default scene download (L1 ± 2 + index)', value: segment / 1e6, unit: 'MB', budget: 2 });
  for (const id of ['T6', 'L1', 'L5'] as const) {
    const { stats } = await buildLevel(id);
    rows.push({ name: `model generation time ${id}`, value: stats.milliseconds / 1000, unit: 's' });
  }
  return rows;
}
