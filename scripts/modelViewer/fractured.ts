/**
 * Writes a copy of level files with a fracture applied to the level's bone, cancellous interior
 * and both neighbouring discs, for looking at with shoot.ts.
 * Usage: npx tsx scripts/modelViewer/fractured.ts L1 3 wedge /tmp/out-dir
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { NodeIO } from '@gltf-transform/core';
import { EXTMeshoptCompression } from '@gltf-transform/extensions';
import { MeshoptDecoder, MeshoptEncoder } from 'meshoptimizer';
import { deformPositions, type FractureGrade, type FractureShape } from '../../src/domain/anatomy/fracture.ts';
import { previousLevel, type LevelId } from '../../src/domain/anatomy/levels.ts';

const [level = 'L1', grade = '3', shape = 'wedge', out = '/tmp/fractured'] = process.argv.slice(2);
const id = level as LevelId;
await MeshoptDecoder.ready;
await MeshoptEncoder.ready;
const io = new NodeIO()
  .registerExtensions([EXTMeshoptCompression])
  .registerDependencies({ 'meshopt.decoder': MeshoptDecoder, 'meshopt.encoder': MeshoptEncoder });
mkdirSync(out, { recursive: true });
const above = previousLevel(id);
for (const file of [above, id].filter((l): l is LevelId => l !== undefined)) {
  const doc = await io.read(join('public/models/spine', `${file}.glb`));
  for (const mesh of doc.getRoot().listMeshes()) {
    const name = mesh.getName();
    const touched = name === id || name === `${id}_cancellous` || name.startsWith(`${id}-`) || name === `${above}-${id}`;
    if (!touched) continue;
    const acc = mesh.listPrimitives()[0]!.getAttribute('POSITION')!;
    const pos = Float32Array.from(acc.getArray()!);
    deformPositions(pos, { level: id, grade: Number(grade) as FractureGrade, shape: shape as FractureShape }, 0.001);
    acc.setArray(pos);
  }
  await io.write(join(out, `${file}.glb`), doc);
}
console.log('wrote', out);
