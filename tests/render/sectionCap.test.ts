import type { BufferGeometry } from 'three';
import { BoxGeometry, BufferAttribute, BufferGeometry as Geometry, CylinderGeometry, Matrix4 } from 'three';
import { describe, expect, it } from 'vitest';
import { buildSectionCap } from '../../src/render/sectionCap.ts';

const identity = new Matrix4();

/** Within 0.01% of the expected value: the cap is stored in 32-bit floats. */
function near(actual: number, expected: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-4 * Math.abs(expected));
}

/** Area (in the plane x = const) and the sign of each triangle's normal along X, per material group. */
function groups(geometry: BufferGeometry): { area: number; signs: Set<number>; offPlane: number }[] {
  const p = geometry.getAttribute('position').array as Float32Array;
  return geometry.groups.map((g) => {
    let area = 0;
    const signs = new Set<number>();
    let offPlane = 0;
    for (let v = g.start; v < g.start + g.count; v += 3) {
      const [ax, ay, az, bx, by, bz, cx, cy, cz] = [...p.subarray(v * 3, v * 3 + 9)] as number[];
      // Normal's x component = ((b − a) × (c − a)).x.
      const nx = (by! - ay!) * (cz! - az!) - (bz! - az!) * (cy! - ay!);
      area += Math.abs(nx) / 2;
      if (Math.abs(nx) > 1e-14) signs.add(Math.sign(nx));
      offPlane = Math.max(offPlane, Math.abs(bx! - ax!), Math.abs(cx! - ax!));
    }
    return { area, signs, offPlane };
  });
}

function outlineLength(outline: Float32Array): number {
  let length = 0;
  for (let i = 0; i < outline.length; i += 6) length += Math.hypot(outline[i + 3]! - outline[i]!, outline[i + 4]! - outline[i + 1]!, outline[i + 5]! - outline[i + 2]!);
  return length;
}

/** Two closed meshes as one (a shell with a hollow: the inner box turned inside out). */
function hollowBox(outer: [number, number, number], inner: [number, number, number]): BufferGeometry {
  const a = new BoxGeometry(...outer).toNonIndexed();
  const b = new BoxGeometry(...inner).toNonIndexed();
  const pb = b.getAttribute('position').array as Float32Array;
  // Reverse the inner box's triangles so its faces point into the hollow.
  for (let i = 0; i < pb.length; i += 9) {
    for (let k = 0; k < 3; k++) [pb[i + 3 + k], pb[i + 6 + k]] = [pb[i + 6 + k]!, pb[i + 3 + k]!];
  }
  const g = new Geometry();
  g.setAttribute('position', new BufferAttribute(new Float32Array([...(a.getAttribute('position').array as Float32Array), ...pb]), 3));
  return g;
}

describe('the cut face of a sagittal section', () => {
  it('closes a box: the shell and the interior together cover the whole cross-section', () => {
    // A 20 × 10 × 30 mm box (scene metres) with a 16 × 6 × 26 mm interior, cut 2 mm off centre.
    const bone = new BoxGeometry(0.02, 0.01, 0.03);
    const cancellous = new BoxGeometry(0.016, 0.006, 0.026);
    const cap = buildSectionCap({ geometry: bone, matrix: identity }, { geometry: cancellous, matrix: identity }, 0.002, -1);
    const [cortical, spongy] = groups(cap.geometry);
    // Section of the box: 10 × 30 mm = 300 mm²; of the interior 6 × 26 = 156 mm².
    near(spongy!.area * 1e6, 156);
    near(cortical!.area * 1e6, 300 - 156);
    // Flat in the cut plane, every triangle facing the camera's side (−X).
    expect(cortical!.offPlane).toBe(0);
    expect([...cortical!.signs, ...spongy!.signs].every((s) => s === -1)).toBe(true);
    const p = cap.geometry.getAttribute('position').array as Float32Array;
    for (let i = 0; i < p.length; i += 3) expect(p[i]).toBeCloseTo(0.002, 9);
    // The outline runs round the outer section once: its perimeter is 2 × (10 + 30) mm.
    near(outlineLength(cap.outline) * 1000, 80);
    // Texture coordinates in millimetres along (z, y).
    const uv = cap.geometry.getAttribute('uv').array as Float32Array;
    for (let i = 0, j = 0; i < p.length; i += 3, j += 2) {
      expect(uv[j]).toBeCloseTo(p[i + 2]! * 1000, 3);
      expect(uv[j + 1]).toBeCloseTo(p[i + 1]! * 1000, 3);
    }
  });

  it('faces whichever side it is asked to', () => {
    const bone = new BoxGeometry(0.02, 0.01, 0.03);
    for (const facing of [1, -1] as const) {
      const cap = buildSectionCap({ geometry: bone, matrix: identity }, null, -0.004, facing);
      const [cortical] = groups(cap.geometry);
      expect([...cortical!.signs]).toEqual([facing]);
      near(cortical!.area * 1e6, 300);
    }
  });

  it('closes a cylinder cut across its axis: the regular polygon of its sides', () => {
    // Radius 12 mm, 48 sides, its axis turned onto X: the cut is the 48-gon of radius 12 mm,
    // area ½ · 48 · r² · sin(2π/48) = 451.10 mm² (the circle's would be 452.39).
    const r = 0.012;
    const cylinder = new CylinderGeometry(r, r, 0.04, 48, 1).rotateZ(Math.PI / 2);
    const cap = buildSectionCap({ geometry: cylinder, matrix: identity }, null, 0.005, 1);
    const [cortical, spongy] = groups(cap.geometry);
    near(cortical!.area * 1e6, 0.5 * 48 * 144 * Math.sin((2 * Math.PI) / 48));
    expect(cortical!.area * 1e6).toBeCloseTo(451.1, 1);
    expect(spongy!.area).toBe(0);
    expect([...cortical!.signs]).toEqual([1]);
    // Perimeter of the 48-gon: 48 · 2r · sin(π/48).
    near(outlineLength(cap.outline) * 1000, 48 * 24 * Math.sin(Math.PI / 48));
  });

  it('applies each mesh\'s own transform (a file in millimetres placed in the spine)', () => {
    // The same box in millimetres, scaled to metres and moved; the cut at the moved centre + 2 mm.
    const toSpine = new Matrix4().makeTranslation(0.05, 0.4, -0.01).multiply(new Matrix4().makeScale(0.001, 0.001, 0.001));
    const bone = new BoxGeometry(20, 10, 30);
    const cancellous = new BoxGeometry(16, 6, 26);
    const cap = buildSectionCap({ geometry: bone, matrix: toSpine }, { geometry: cancellous, matrix: toSpine }, 0.052, -1);
    const [cortical, spongy] = groups(cap.geometry);
    near(spongy!.area * 1e6, 156);
    near(cortical!.area * 1e6, 144);
    cap.geometry.computeBoundingBox();
    const box = cap.geometry.boundingBox!;
    expect(box.min.y).toBeCloseTo(0.395, 6);
    expect(box.max.y).toBeCloseTo(0.405, 6);
    expect(box.min.z).toBeCloseTo(-0.025, 6);
    expect(box.max.z).toBeCloseTo(0.005, 6);
  });

  it('leaves a hollow open: a loop inside another is a hole, not filled twice', () => {
    const shell = hollowBox([0.02, 0.02, 0.03], [0.01, 0.008, 0.012]);
    const cap = buildSectionCap({ geometry: shell, matrix: identity }, null, 0, -1);
    const [cortical] = groups(cap.geometry);
    // 20 × 30 less the 8 × 12 hollow.
    near(cortical!.area * 1e6, 600 - 96);
    // Two loops in the outline: 2 × (20 + 30) + 2 × (8 + 12) mm.
    near(outlineLength(cap.outline) * 1000, 140);
  });

  it('gives an empty face, not an error, where the plane misses the bone or the mesh is empty', () => {
    const bone = new BoxGeometry(0.02, 0.01, 0.03);
    const miss = buildSectionCap({ geometry: bone, matrix: identity }, null, 0.5, -1);
    expect(miss.geometry.getAttribute('position').count).toBe(0);
    expect(miss.outline.length).toBe(0);
    const empty = new Geometry();
    empty.setAttribute('position', new BufferAttribute(new Float32Array(0), 3));
    const none = buildSectionCap({ geometry: empty, matrix: identity }, null, 0, 1);
    expect(none.geometry.getAttribute('position').count).toBe(0);
    // An interior the plane misses (cut through the shell only) leaves the whole face cortical.
    const side = buildSectionCap({ geometry: bone, matrix: identity }, { geometry: new BoxGeometry(0.004, 0.006, 0.026), matrix: identity }, 0.008, -1);
    const [cortical, spongy] = groups(side.geometry);
    near(cortical!.area * 1e6, 300);
    expect(spongy!.area).toBe(0);
  });
});
