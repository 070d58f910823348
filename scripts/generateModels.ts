/**
 * `npm run models`: meshes every level's signed-distance functions (src/domain/anatomy) with
 * manifold-3d's level set, simplifies with meshoptimizer, and writes
 * `public/models/spine/<LEVEL>.glb` (metres, assembled-spine frame, EXT_meshopt_compression) plus
 * `public/models/spine/index.json` (landmarks in mm). Deterministic: same code, same bytes.
 *
 * Usage: npx tsx scripts/generateModels.ts [LEVEL ...] [--out DIR]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import Module from 'manifold-3d';
import { MeshoptEncoder, MeshoptSimplifier } from 'meshoptimizer';
import { Document, NodeIO, type Material } from '@gltf-transform/core';
import { EXTMeshoptCompression } from '@gltf-transform/extensions';
import { LEVELS, isLevelId, type LevelId } from '../src/domain/anatomy/levels.ts';
import { BONE_LOD_MAX_TRIANGLES, modelParts, type ModelPart, type PartKind } from '../src/domain/anatomy/modelParts.ts';
import { vertebraTransform } from '../src/domain/anatomy/spineLayout.ts';
import { spineIndex } from '../src/domain/anatomy/landmarks.ts';
import { apply, rotate, type RigidTransform } from '../src/domain/anatomy/vec.ts';
import type { Sdf } from '../src/domain/anatomy/sdfPrimitives.ts';

/** A triangle mesh: positions (xyz, mm) and triangle indices. */
export interface TriMesh {
  positions: Float32Array;
  indices: Uint32Array;
}

type ManifoldModule = Awaited<ReturnType<typeof Module>>;
let wasm: ManifoldModule | undefined;

/** Loads the WASM modules once. */
export async function initMeshing(): Promise<ManifoldModule> {
  if (!wasm) {
    wasm = await Module();
    wasm.setup();
  }
  await MeshoptSimplifier.ready;
  await MeshoptEncoder.ready;
  return wasm;
}

/** Meshes an SDF (negative inside) into a closed, manifold triangle mesh (mm). */
export function meshSdf(m: ManifoldModule, sdf: Sdf, bounds: ModelPart['bounds'], edge: number): TriMesh {
  const manifold = m.Manifold.levelSet(
    (p) => -sdf(p[0], p[1], p[2]),
    { min: [...bounds.min] as [number, number, number], max: [...bounds.max] as [number, number, number] },
    edge,
    0,
    0.02,
  );
  const mesh = manifold.getMesh();
  manifold.delete();
  const n = mesh.numVert;
  const positions = new Float32Array(n * 3);
  for (let i = 0; i < n; i++) {
    positions[i * 3] = mesh.vertProperties[i * mesh.numProp]!;
    positions[i * 3 + 1] = mesh.vertProperties[i * mesh.numProp + 1]!;
    positions[i * 3 + 2] = mesh.vertProperties[i * mesh.numProp + 2]!;
  }
  // Vertices that manifold-3d lists as duplicates are welded, so the mesh is closed as indexed.
  const indices = Uint32Array.from(mesh.triVerts);
  if (mesh.mergeFromVert.length > 0) {
    const to = new Map<number, number>();
    for (let i = 0; i < mesh.mergeFromVert.length; i++) to.set(mesh.mergeFromVert[i]!, mesh.mergeToVert[i]!);
    for (let i = 0; i < indices.length; i++) indices[i] = to.get(indices[i]!) ?? indices[i]!;
  }
  return compact({ positions, indices });
}

/** Drops unused vertices, keeping first-use order (deterministic). */
export function compact(mesh: TriMesh): TriMesh {
  const remap = new Int32Array(mesh.positions.length / 3).fill(-1);
  const out: number[] = [];
  const indices = new Uint32Array(mesh.indices.length);
  for (let i = 0; i < mesh.indices.length; i++) {
    const v = mesh.indices[i]!;
    if (remap[v] === -1) {
      remap[v] = out.length / 3;
      out.push(mesh.positions[v * 3]!, mesh.positions[v * 3 + 1]!, mesh.positions[v * 3 + 2]!);
    }
    indices[i] = remap[v]!;
  }
  return { positions: Float32Array.from(out), indices };
}

/** Whether every directed edge is used once and its twin once: a closed, oriented 2-manifold. */
export function isClosedManifold(mesh: TriMesh): boolean {
  const n = mesh.positions.length / 3;
  const used = new Map<number, number>();
  const I = mesh.indices;
  for (let i = 0; i < I.length; i += 3) {
    for (let k = 0; k < 3; k++) {
      const key = I[i + k]! * n + I[i + ((k + 1) % 3)]!;
      if (used.has(key)) return false;
      used.set(key, 1);
    }
  }
  for (let i = 0; i < I.length; i += 3) {
    for (let k = 0; k < 3; k++) if (!used.has(I[i + ((k + 1) % 3)]! * n + I[i + k]!)) return false;
  }
  return true;
}

/**
 * Simplifies to at most maxTriangles while keeping the mesh closed and manifold: meshoptimizer
 * first (best triangle placement); where that opens a thin sheet, manifold-3d's own simplifier
 * with a growing tolerance, which cannot break the topology.
 */
export function simplify(mesh: TriMesh, maxTriangles: number, maxErrorMm = 0.05): TriMesh {
  if (mesh.indices.length / 3 <= maxTriangles) return mesh;
  const [indices] = MeshoptSimplifier.simplify(mesh.indices, mesh.positions, 3, maxTriangles * 3, maxErrorMm, ['ErrorAbsolute']);
  const fast = compact({ positions: mesh.positions, indices });
  if (isClosedManifold(fast) || !wasm) return fast;
  const source = new wasm.Manifold(new wasm.Mesh({ numProp: 3, vertProperties: mesh.positions, triVerts: mesh.indices }));
  let out = mesh;
  for (let tol = maxErrorMm; tol <= 4; tol *= 1.6) {
    const s = source.simplify(tol);
    const g = s.getMesh();
    s.delete();
    out = compact({ positions: Float32Array.from(g.vertProperties), indices: Uint32Array.from(g.triVerts) });
    if (out.indices.length / 3 <= maxTriangles) break;
  }
  source.delete();
  return out;
}

/** Topology of a mesh as manifold-3d sees it: closed-and-manifold status and genus. */
export function topology(m: ManifoldModule, mesh: TriMesh): { ok: boolean; genus: number } {
  try {
    const mm = new m.Mesh({ numProp: 3, vertProperties: mesh.positions, triVerts: mesh.indices });
    mm.merge();
    const manifold = new m.Manifold(mm);
    const ok = manifold.status() === 'NoError';
    const genus = manifold.genus();
    manifold.delete();
    return { ok, genus };
  } catch {
    return { ok: false, genus: Number.NaN };
  }
}

function transformMesh(mesh: TriMesh, t: RigidTransform): TriMesh {
  const out = new Float32Array(mesh.positions.length);
  for (let i = 0; i < out.length; i += 3) {
    const p = apply(t, [mesh.positions[i]!, mesh.positions[i + 1]!, mesh.positions[i + 2]!]);
    out[i] = p[0];
    out[i + 1] = p[1];
    out[i + 2] = p[2];
  }
  return { positions: out, indices: mesh.indices };
}

/** Unit normals from the SDF gradient (central differences), in the part's own space. */
function sdfNormals(mesh: TriMesh, sdf: Sdf): Float32Array {
  const e = 0.05;
  const out = new Float32Array(mesh.positions.length);
  for (let i = 0; i < out.length; i += 3) {
    const x = mesh.positions[i]!;
    const y = mesh.positions[i + 1]!;
    const z = mesh.positions[i + 2]!;
    const gx = sdf(x + e, y, z) - sdf(x - e, y, z);
    const gy = sdf(x, y + e, z) - sdf(x, y - e, z);
    const gz = sdf(x, y, z + e) - sdf(x, y, z - e);
    const l = Math.hypot(gx, gy, gz) || 1;
    out[i] = gx / l;
    out[i + 1] = gy / l;
    out[i + 2] = gz / l;
  }
  return out;
}

/**
 * Rounds float32 values to 14 mantissa bits (relative error < 6e-5, i.e. < 0.04 mm over the
 * spine's 0.6 m) so the meshopt byte codec finds zero low bytes. Deterministic.
 */
function truncateMantissa<A extends Float32Array>(values: A): A {
  const u = new Uint32Array(values.buffer, values.byteOffset, values.length);
  for (let i = 0; i < u.length; i++) u[i] = ((u[i]! + 0x100) & ~0x1ff) >>> 0;
  return values;
}

const MATERIAL_COLOURS: Record<PartKind, [number, number, number, number]> = {
  bone: [0.86, 0.82, 0.7, 1],
  rib: [0.86, 0.82, 0.7, 1],
  cancellous: [0.78, 0.55, 0.45, 1],
  annulus: [0.75, 0.8, 0.85, 1],
  nucleus: [0.55, 0.7, 0.9, 1],
  dura: [0.85, 0.8, 0.55, 0.6],
  neural: [0.95, 0.85, 0.35, 1],
  vein: [0.25, 0.35, 0.75, 1],
  muscle: [0.7, 0.25, 0.25, 0.35],
  skin: [0.9, 0.7, 0.6, 0.25],
};

/**
 * Largest surface deviation (mm) the simplifier may introduce: bone and discs are measured and
 * must meet within 0.5 mm, so they stay at 0.05 mm; tubes may move 0.25 mm, muscle and skin 1 mm.
 */
const FIDELITY_MM: Record<PartKind, number> = {
  bone: 0.05,
  rib: 0.25,
  cancellous: 0.1,
  annulus: 0.05,
  nucleus: 0.1,
  dura: 0.25,
  neural: 0.25,
  vein: 0.25,
  muscle: 1,
  skin: 1,
};

/** Statistics printed per level and reused by tests. */
export interface LevelStats {
  level: LevelId;
  milliseconds: number;
  boneTriangles: number;
  lodTriangles: number;
  boneGenus: number;
  bytes: number;
  parts: { name: string; triangles: number }[];
}

/** Builds one level's GLB in memory. */
export async function buildLevel(id: LevelId): Promise<{ glb: Uint8Array; stats: LevelStats }> {
  const start = performance.now();
  const m = await initMeshing();
  const doc = new Document();
  doc.createExtension(EXTMeshoptCompression).setRequired(true).setEncoderOptions({ method: EXTMeshoptCompression.EncoderMethod.FILTER });
  const buffer = doc.createBuffer();
  const scene = doc.createScene(`${id}_scene`);
  const materials = new Map<PartKind, Material>();
  const toSpine = vertebraTransform(id);
  const stats: LevelStats = { level: id, milliseconds: 0, boneTriangles: 0, lodTriangles: 0, boneGenus: Number.NaN, bytes: 0, parts: [] };

  const addMesh = (name: string, kind: PartKind, local: TriMesh, sdf: Sdf, space: ModelPart['space']): void => {
    const world = space === 'vertebra' ? transformMesh(local, toSpine) : local;
    const normalsLocal = sdfNormals(local, sdf);
    if (space === 'vertebra') {
      for (let i = 0; i < normalsLocal.length; i += 3) {
        const n = rotate(toSpine, [normalsLocal[i]!, normalsLocal[i + 1]!, normalsLocal[i + 2]!]);
        normalsLocal[i] = n[0];
        normalsLocal[i + 1] = n[1];
        normalsLocal[i + 2] = n[2];
      }
    }
    // Reorder for cache locality and compression.
    const [remap, unique] = MeshoptEncoder.reorderMesh(world.indices.slice(), true, true);
    const pos = new Float32Array(unique * 3);
    const nor = new Float32Array(unique * 3);
    for (let v = 0; v < remap.length; v++) {
      const r = remap[v]!;
      if (r === 0xffffffff) continue;
      for (let k = 0; k < 3; k++) {
        pos[r * 3 + k] = world.positions[v * 3 + k]! / 1000; // mm → m
        nor[r * 3 + k] = normalsLocal[v * 3 + k]!;
      }
    }
    const idx = new Uint32Array(world.indices.length);
    for (let i = 0; i < idx.length; i++) idx[i] = remap[world.indices[i]!]!;
    let material = materials.get(kind);
    if (!material) {
      const c = MATERIAL_COLOURS[kind];
      material = doc.createMaterial(kind).setBaseColorFactor(c).setRoughnessFactor(0.8).setMetallicFactor(0);
      if (c[3] < 1) material.setAlphaMode('BLEND');
      materials.set(kind, material);
    }
    const prim = doc
      .createPrimitive()
      .setAttribute('POSITION', doc.createAccessor(`${name}_position`).setType('VEC3').setArray(truncateMantissa(pos)).setBuffer(buffer))
      .setAttribute('NORMAL', doc.createAccessor(`${name}_normal`).setType('VEC3').setArray(nor).setBuffer(buffer))
      .setIndices(doc.createAccessor(`${name}_indices`).setType('SCALAR').setArray(unique < 65536 ? Uint16Array.from(idx) : idx).setBuffer(buffer))
      .setMaterial(material);
    const mesh = doc.createMesh(name).addPrimitive(prim).setExtras({ kind });
    scene.addChild(doc.createNode(name).setMesh(mesh));
    stats.parts.push({ name, triangles: idx.length / 3 });
  };

  for (const part of modelParts(id)) {
    const partStart = performance.now();
    const raw = meshSdf(m, part.sdf, part.bounds, part.edge);
    if (raw.indices.length === 0) {
      if (part.kind === 'bone') throw new Error(`${part.name}: empty bone mesh`);
      console.warn(`${part.name}: empty, skipped`);
      continue;
    }
        const full = simplify(raw, part.maxTriangles, FIDELITY_MM[part.kind]);
    if (part.kind === 'bone') {
      const topo = topology(m, full);
      stats.boneGenus = topo.genus;
      stats.boneTriangles = full.indices.length / 3;
      if (!topo.ok) throw new Error(`${part.name}: simplified bone mesh is not closed and manifold`);
      addMesh(part.name, part.kind, full, part.sdf, part.space);
      const lod = simplify(full, BONE_LOD_MAX_TRIANGLES - 200, 2);
      stats.lodTriangles = lod.indices.length / 3;
      addMesh(`${part.name}_lod1`, part.kind, lod, part.sdf, part.space);
    } else {
      addMesh(part.name, part.kind, full, part.sdf, part.space);
    }
    if (process.env.MODELS_VERBOSE) console.log(`  ${part.name}: ${(performance.now() - partStart).toFixed(0)} ms`);
  }
  const io = new NodeIO().registerExtensions([EXTMeshoptCompression]).registerDependencies({ 'meshopt.encoder': MeshoptEncoder });
  const glb = await io.writeBinary(doc);
  stats.bytes = glb.byteLength;
  stats.milliseconds = performance.now() - start;
  return { glb, stats };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const outIndex = args.indexOf('--out');
  const outDir = resolve(outIndex >= 0 ? args[outIndex + 1]! : 'public/models/spine');
  const requested = args.filter((a, i) => isLevelId(a) && (outIndex < 0 || i !== outIndex + 1)) as LevelId[];
  const levels = requested.length > 0 ? requested : [...LEVELS];
  mkdirSync(outDir, { recursive: true });
  const t0 = performance.now();
  let total = 0;
  for (const id of levels) {
    const { glb, stats } = await buildLevel(id);
    writeFileSync(join(outDir, `${id}.glb`), glb);
    total += stats.bytes;
    const big = stats.parts.filter((p) => p.triangles > 0).map((p) => `${p.name.slice(id.length)}:${p.triangles}`).join(' ');
    if (process.env.MODELS_VERBOSE) console.log(big);
    console.log(
      `${id.padEnd(3)} ${(stats.milliseconds / 1000).toFixed(1).padStart(5)} s  bone ${stats.boneTriangles} tris (genus ${stats.boneGenus}), lod ${stats.lodTriangles}, ` +
        `all parts ${stats.parts.reduce((s, p) => s + p.triangles, 0)} tris, ${(stats.bytes / 1024).toFixed(0)} KiB`,
    );
  }
  writeFileSync(join(outDir, 'index.json'), JSON.stringify(spineIndex(), null, 1) + '\n');
  console.log(`total ${((performance.now() - t0) / 1000).toFixed(1)} s, ${(total / 1024 / 1024).toFixed(2)} MiB in ${levels.length} files`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  await main();
}
