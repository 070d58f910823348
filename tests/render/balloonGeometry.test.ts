import { Mesh, Vector3 } from 'three';
import { describe, expect, it } from 'vitest';
import { levelLandmarks } from '../../src/domain/anatomy/landmarks.ts';
import { DEFAULT_CASE } from '../../src/domain/caseParams.ts';
import { balloonShape, inflatedBalloons, insideBalloon } from '../../src/domain/procedures/balloon.ts';
import { balloonQuaternion, createBalloonGeometry, shapeBalloonGeometry } from '../../src/render/balloonGeometry.ts';

/** Enclosed volume of an indexed triangle mesh (divergence theorem), in its units cubed. */
function meshVolume(mesh: Mesh): number {
  const pos = mesh.geometry.getAttribute('position');
  const index = mesh.geometry.getIndex()!;
  const a = new Vector3(), b = new Vector3(), c = new Vector3();
  let v = 0;
  for (let i = 0; i < index.count; i += 3) {
    a.fromBufferAttribute(pos, index.getX(i)).applyMatrix4(mesh.matrixWorld);
    b.fromBufferAttribute(pos, index.getX(i + 1)).applyMatrix4(mesh.matrixWorld);
    c.fromBufferAttribute(pos, index.getX(i + 2)).applyMatrix4(mesh.matrixWorld);
    v += a.dot(b.clone().cross(c)) / 6;
  }
  return Math.abs(v);
}

describe('the drawn balloon', () => {
  it.each([[0.5, 15, 20], [1, 15, 3], [2, 10, 4], [3, 15, 2.5]])('holds the shape’s volume (%s mL, %s mm, room %s mm)', (ml, len, room) => {
    const shape = balloonShape(ml, len, room);
    const geometry = createBalloonGeometry(16, 48);
    shapeBalloonGeometry(geometry, shape, 1);
    const mesh = new Mesh(geometry);
    mesh.updateMatrixWorld();
    // A tessellated surface is a little inside the smooth one: within 2%.
    expect(meshVolume(mesh) / 1000).toBeGreaterThan(shape.volumeMl * 0.98);
    expect(meshVolume(mesh) / 1000).toBeLessThanOrEqual(shape.volumeMl * 1.0001);
  });

  it('lies on the balloon’s own axis and frame: its vertices are on the domain shape’s surface', () => {
    const [b] = inflatedBalloons(levelLandmarks('L1'), 'bipedicular', { level: 'L1', grade: DEFAULT_CASE.grade, shape: DEFAULT_CASE.shape });
    const geometry = createBalloonGeometry();
    shapeBalloonGeometry(geometry, b!.shape, 1);
    const mesh = new Mesh(geometry);
    balloonQuaternion(b!.frame, mesh.quaternion);
    mesh.position.set(...b!.frame.centre);
    mesh.updateMatrixWorld();
    const pos = geometry.getAttribute('position');
    const p = new Vector3();
    for (let i = 0; i < pos.count; i++) {
      p.fromBufferAttribute(pos, i).applyMatrix4(mesh.matrixWorld);
      expect(insideBalloon(b!.frame, b!.shape, [p.x, p.y, p.z], 0.01)).toBe(true);
      expect(insideBalloon(b!.frame, b!.shape, [p.x, p.y, p.z], -0.05)).toBe(false);
    }
  });
});
