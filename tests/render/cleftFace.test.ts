import type { MeshBasicMaterial } from 'three';
import { BoxGeometry, Color, Group, Mesh, Vector3 } from 'three';
import { describe, expect, it } from 'vitest';
import type { FractureParams } from '../../src/domain/anatomy/fracture.ts';
import { fractureDeformer, fractureFeatures } from '../../src/domain/anatomy/fracture.ts';
import { levelLandmarks } from '../../src/domain/anatomy/landmarks.ts';
import { buildSegment } from '../../src/render/buildSegment.ts';

const centre = levelLandmarks('L1').bodyCentre;

/**
 * A stand-in for L1's model file: a block round the body centre (scene metres) as the outer bone,
 * a smaller one as the cancellous interior; enough for the cut face to be built.
 */
function level(): { id: string; scene: Group } {
  const scene = new Group();
  const bone = new Mesh(new BoxGeometry(0.05, 0.04, 0.04));
  bone.name = 'L1';
  const cancellous = new Mesh(new BoxGeometry(0.044, 0.034, 0.034));
  cancellous.name = 'L1_cancellous';
  for (const m of [bone, cancellous]) {
    m.position.set(centre[0] / 1000, centre[1] / 1000, centre[2] / 1000);
    scene.add(m);
  }
  return { id: 'L1', scene };
}

function cutAt(fracture: FractureParams) {
  const built = buildSegment([level()], 'L1', fracture);
  // The app's cut: 1 mm off the midline toward the camera on the patient's right (−X).
  built.setCutaway(new Vector3((centre[0] - 1) / 1000, centre[1] / 1000, centre[2] / 1000), -1);
  return { built, cleft: built.group.getObjectByName('L1_cleft') as Mesh | undefined };
}

/** The cleft's drawn vertices in the spine frame, mm. */
function vertices(mesh: Mesh): [number, number, number][] {
  const p = mesh.geometry.getAttribute('position');
  return Array.from({ length: p.count }, (_, i) => [p.getX(i) * 1000, p.getY(i) * 1000, p.getZ(i) * 1000]);
}

describe('the cleft drawn on the cut face', () => {
  it('is drawn where the simulation puts it, as a dark filled gap on the visible cut face', () => {
    const fracture: FractureParams = { level: 'L1', grade: 2, shape: 'wedge', cleft: true };
    const { built, cleft } = cutAt(fracture);
    expect(cleft).toBeDefined();
    expect(cleft!.visible).toBe(true);
    expect(cleft!.parent?.visible).toBe(true);
    expect(cleft!.parent?.name).toBe('L1_section');
    const sim = fractureFeatures(fracture).cleft!;
    const value = (p: readonly number[]) => {
      const d = [p[0]! - sim.centre[0], p[1]! - sim.centre[1], p[2]! - sim.centre[2]];
      return sim.axes.reduce((sum, a, i) => sum + ((d[0]! * a[0] + d[1]! * a[1] + d[2]! * a[2]) / sim.radii[i]!) ** 2, 0);
    };
    const vs = vertices(cleft!);
    // A fan of triangles: every vertex inside the cleft, its rim on it (32-bit floats: a few µm).
    expect(vs.length).toBeGreaterThanOrEqual(3 * 48);
    const values = vs.map(value);
    for (const v of values) expect(v).toBeLessThan(1.001);
    expect(Math.max(...values)).toBeGreaterThan(0.999);
    // On the camera's side of the cut, just in front of the face (a fraction of a millimetre).
    for (const p of vs) {
      expect(p[0]).toBeLessThan(centre[0] - 1);
      expect(p[0]).toBeGreaterThan(centre[0] - 1.5);
    }
    // Dark: fluid or gas, no bone (relative luminance well under a tenth).
    const c = new Color().copy((cleft!.material as MeshBasicMaterial).color).convertLinearToSRGB();
    expect(0.2126 * c.r + 0.7152 * c.g + 0.0722 * c.b).toBeLessThan(0.1);
    built.dispose();
  });

  it('moves with the bone as height is restored', () => {
    const fracture: FractureParams = { level: 'L1', grade: 3, shape: 'wedge', cleft: true };
    const { built, cleft } = cutAt(fracture);
    const collapsed = vertices(cleft!);
    built.setCollapse(0);
    const intact = vertices(cleft!);
    // Restored, each point sits where the fracture would have taken it from.
    const d = fractureDeformer(fracture);
    let moved = 0;
    intact.forEach((p, i) => {
      const q = d.deform(p);
      for (let k = 0; k < 3; k++) expect(Math.abs(q[k]! - collapsed[i]![k]!)).toBeLessThan(0.01);
      moved = Math.max(moved, p[1] - collapsed[i]![1]);
    });
    // Grade 3 lifts the front of the body by millimetres.
    expect(moved).toBeGreaterThan(2);
    built.dispose();
  });

  it('is not drawn when the fracture has no cleft, nor while the vertebra is closed', () => {
    const { built, cleft } = cutAt({ level: 'L1', grade: 2, shape: 'wedge' });
    expect(cleft).toBeUndefined();
    // The fracture line is still drawn.
    expect(built.group.getObjectByName('L1_fracture')).toBeDefined();
    built.dispose();
    const open = cutAt({ level: 'L1', grade: 2, shape: 'wedge', cleft: true });
    open.built.setCutaway(null);
    expect(open.cleft!.parent!.visible).toBe(false);
    open.built.dispose();
  });
});
