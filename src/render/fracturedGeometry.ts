/**
 * A mesh of the treated level with its fracture applied at run time (product.md: fractures are never
 * baked into the base positions). Keeps the intact and the fractured positions and normals so that
 * height restoration (kyphoplasty) is a blend between the two: the fracture deformation is linear in
 * the height lost, so the blend is exact, not an approximation.
 */
import type { BufferGeometry, Matrix4 } from 'three';
import { BufferAttribute, Vector3 } from 'three';
import type { FractureParams } from '../domain/anatomy/fracture.ts';
import { deformPositions } from '../domain/anatomy/fracture.ts';
import { METRES_PER_MM } from './toScene.ts';

export interface FracturedGeometry {
  geometry: BufferGeometry;
  /** Sets how much of the fracture shows: 1 fully collapsed, 0 intact. */
  setCollapse(k: number): void;
}

/**
 * `toSpine` is the mesh's world matrix in the file (it may carry the dequantisation scale); it is
 * baked in, so the returned geometry is in scene metres in the assembled-spine frame.
 */
export function fractureGeometry(source: BufferGeometry, toSpine: Matrix4, fracture: FractureParams): FracturedGeometry {
  const geometry = source.clone();
  geometry.deleteAttribute('normal');
  const position = geometry.getAttribute('position');
  const intact = new Float32Array(position.count * 3);
  const v = new Vector3();
  for (let i = 0; i < position.count; i++) {
    v.fromBufferAttribute(position, i).applyMatrix4(toSpine);
    intact[i * 3] = v.x;
    intact[i * 3 + 1] = v.y;
    intact[i * 3 + 2] = v.z;
  }
  const collapsed = intact.slice();
  deformPositions(collapsed, fracture, METRES_PER_MM);

  // Work on plain float attributes (the file's may be quantised) so blending is exact.
  const live = new BufferAttribute(collapsed.slice(), 3);
  geometry.setAttribute('position', live);
  geometry.computeVertexNormals();
  const collapsedNormals = (geometry.getAttribute('normal').array as Float32Array).slice();
  geometry.setAttribute('position', new BufferAttribute(intact.slice(), 3));
  geometry.computeVertexNormals();
  const intactNormals = (geometry.getAttribute('normal').array as Float32Array).slice();
  geometry.setAttribute('position', live);
  const normal = new BufferAttribute(collapsedNormals.slice(), 3);
  geometry.setAttribute('normal', normal);
  geometry.computeBoundingSphere();

  let current = 1;
  return {
    geometry,
    setCollapse(k) {
      if (k === current) return;
      current = k;
      const p = live.array as Float32Array;
      const n = normal.array as Float32Array;
      for (let i = 0; i < p.length; i++) {
        p[i] = intact[i]! + (collapsed[i]! - intact[i]!) * k;
        n[i] = intactNormals[i]! + (collapsedNormals[i]! - intactNormals[i]!) * k;
      }
      live.needsUpdate = true;
      normal.needsUpdate = true;
    },
  };
}
