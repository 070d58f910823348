/**
 * The cut face of the opened vertebra: where a sagittal plane (x = const, spine frame) crosses the
 * bone and cancellous meshes, filled so the cut reads as a solid section, not a hollow shell. The
 * cortical shell (between the outer bone and the cancellous surface) and the cancellous interior get
 * their own materials. Built from the meshes' own triangles, so the face meets the clipped surface
 * exactly. The outline of the intact section is kept too: drawn faintly, it shows the vertebra
 * before the fracture.
 */
import type { BufferGeometry, Matrix4 } from 'three';
import { BufferGeometry as Geometry, Float32BufferAttribute, ShapeUtils, Vector2, Vector3 } from 'three';

/** A closed loop in the plane, as (z, y) pairs (scene metres). */
type Loop = Vector2[];

export interface SectionCap {
  /** Two groups: 0 the cortical shell, 1 the cancellous interior. Positions in scene metres. */
  geometry: BufferGeometry;
  /** The outer contour of the section as line-segment pairs (scene metres). */
  outline: Float32Array;
}

const va = new Vector3();
const vb = new Vector3();
const vc = new Vector3();

/** Where the plane x = x0 cuts a mesh: closed loops in (z, y). */
export function sectionLoops(geometry: BufferGeometry, toWorld: Matrix4, x0: number): Loop[] {
  const position = geometry.getAttribute('position');
  const index = geometry.getIndex();
  const count = index ? index.count : position.count;
  const world = new Float32Array(position.count * 3);
  for (let i = 0; i < position.count; i++) {
    va.fromBufferAttribute(position, i).applyMatrix4(toWorld);
    world[i * 3] = va.x;
    world[i * 3 + 1] = va.y;
    world[i * 3 + 2] = va.z;
  }
  const key = (p: Vector2): string => `${Math.round(p.x * 1e7)},${Math.round(p.y * 1e7)}`;
  const next = new Map<string, Vector2[]>();
  const cross = (i: number, j: number): Vector2 => {
    // The same edge always gives the same point, whichever triangle asks.
    const [a, b] = i < j ? [i, j] : [j, i];
    const xa = world[a * 3]! - x0;
    const xb = world[b * 3]! - x0;
    const u = xa / (xa - xb);
    return new Vector2(world[a * 3 + 2]! + (world[b * 3 + 2]! - world[a * 3 + 2]!) * u, world[a * 3 + 1]! + (world[b * 3 + 1]! - world[a * 3 + 1]!) * u);
  };
  const link = (p: Vector2, q: Vector2) => {
    const k = key(p);
    const list = next.get(k) ?? [];
    list.push(q);
    next.set(k, list);
  };
  const points = new Map<string, Vector2>();
  for (let t = 0; t < count; t += 3) {
    const ids = index ? [index.getX(t), index.getX(t + 1), index.getX(t + 2)] : [t, t + 1, t + 2];
    // A vertex exactly on the plane counts as on the positive side.
    const side = ids.map((v) => world[v * 3]! - x0 >= 0);
    const crossings: Vector2[] = [];
    for (let e = 0; e < 3; e++) {
      const i = ids[e]!;
      const j = ids[(e + 1) % 3]!;
      if (side[e] !== side[(e + 1) % 3]) crossings.push(cross(i, j));
    }
    if (crossings.length !== 2) continue;
    const [p, q] = crossings as [Vector2, Vector2];
    points.set(key(p), p);
    points.set(key(q), q);
    link(p, q);
    link(q, p);
  }
  // Chain the segments into loops.
  const used = new Set<string>();
  const loops: Loop[] = [];
  for (const [k, start] of points) {
    if (used.has(k)) continue;
    const loop: Loop = [start];
    used.add(k);
    let current = start;
    for (;;) {
      const candidates = next.get(key(current)) ?? [];
      const step = candidates.find((c) => !used.has(key(c)));
      if (!step) break;
      used.add(key(step));
      loop.push(step);
      current = step;
    }
    if (loop.length >= 3) loops.push(loop);
  }
  return loops;
}

function contains(loop: Loop, p: Vector2): boolean {
  let inside = false;
  for (let i = 0, j = loop.length - 1; i < loop.length; j = i++) {
    const a = loop[i]!;
    const b = loop[j]!;
    if (a.y > p.y !== b.y > p.y && p.x < ((b.x - a.x) * (p.y - a.y)) / (b.y - a.y) + a.x) inside = !inside;
  }
  return inside;
}

/** Fills loops with even-odd nesting (a loop inside one other is a hole), plus extra holes; pushes triangles. */
function fill(loops: Loop[], extraHoles: Loop[], x0: number, out: number[]): void {
  const depth = loops.map((l, i) => loops.filter((o, j) => j !== i && contains(o, l[0]!)).length);
  loops.forEach((loop, i) => {
    if (depth[i]! % 2 === 1) return;
    const holes = [
      ...loops.filter((o, j) => depth[j] === depth[i]! + 1 && contains(loop, o[0]!)),
      ...extraHoles.filter((h) => contains(loop, h[0]!)),
    ];
    const contour = ShapeUtils.isClockWise(loop) ? [...loop].reverse() : loop;
    const holeLoops = holes.map((h) => (ShapeUtils.isClockWise(h) ? h : [...h].reverse()));
    const faces = ShapeUtils.triangulateShape(contour, holeLoops);
    const verts = [...contour, ...holeLoops.flat()];
    for (const f of faces) {
      for (const v of f) {
        const p = verts[v]!;
        out.push(x0, p.y, p.x);
      }
    }
  });
}

/**
 * The cap at x = x0 for a bone mesh and its cancellous mesh (each with its transform into the spine
 * frame, metres). `facing` is the side the cap faces (−1: toward −X).
 */
export function buildSectionCap(
  bone: { geometry: BufferGeometry; matrix: Matrix4 },
  cancellous: { geometry: BufferGeometry; matrix: Matrix4 } | null,
  x0: number,
  facing: 1 | -1,
): SectionCap {
  const outer = sectionLoops(bone.geometry, bone.matrix, x0);
  const inner = cancellous ? sectionLoops(cancellous.geometry, cancellous.matrix, x0) : [];
  const cortical: number[] = [];
  const spongy: number[] = [];
  fill(outer, inner, x0, cortical);
  fill(inner, [], x0, spongy);
  const positions = new Float32Array([...cortical, ...spongy]);
  // Triangles face the camera's side.
  for (let i = 0; i < positions.length; i += 9) {
    va.fromArray(positions, i);
    vb.fromArray(positions, i + 3);
    vc.fromArray(positions, i + 6);
    const nx = (vb.y - va.y) * (vc.z - va.z) - (vb.z - va.z) * (vc.y - va.y);
    if (Math.sign(nx) !== facing) {
      positions.set([vc.x, vc.y, vc.z], i + 3);
      positions.set([vb.x, vb.y, vb.z], i + 6);
    }
  }
  const geometry = new Geometry();
  geometry.setAttribute('position', new Float32BufferAttribute(positions, 3));
  // Texture coordinates in millimetres along (z, y), for the cancellous pattern.
  const uv = new Float32Array((positions.length / 3) * 2);
  for (let i = 0, j = 0; i < positions.length; i += 3, j += 2) {
    uv[j] = positions[i + 2]! * 1000;
    uv[j + 1] = positions[i + 1]! * 1000;
  }
  geometry.setAttribute('uv', new Float32BufferAttribute(uv, 2));
  geometry.addGroup(0, cortical.length / 3, 0);
  geometry.addGroup(cortical.length / 3, spongy.length / 3, 1);
  const outline: number[] = [];
  for (const loop of outer) {
    for (let i = 0; i < loop.length; i++) {
      const a = loop[i]!;
      const b = loop[(i + 1) % loop.length]!;
      outline.push(x0, a.y, a.x, x0, b.y, b.x);
    }
  }
  return { geometry, outline: new Float32Array(outline) };
}
