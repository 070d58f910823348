/**
 * The simulated cement as a three mesh: the triangles of `cementMesh.ts` placed in the spine. The
 * triangles come either from the cement worker (`show`, while playing) or are meshed here and now
 * (`setInjected`, for a capture or where workers are missing); both give the same surface.
 */
import { BufferAttribute, BufferGeometry, DoubleSide, Matrix4, Mesh, MeshStandardMaterial } from 'three';
import type { CementMeshed, CementResult } from '../domain/cement/types.ts';
import type { CementMesher } from './cementMesh.ts';
import { cementMeshBuffers, createCementMesher } from './cementMesh.ts';
import { MU_PER_MM } from './fluoro/attenuation.ts';
import { METRES_PER_MM } from './toScene.ts';

export interface CementSurface {
  mesh: Mesh;
  /** The injected volume the surface shows, mL (NaN before the first). */
  readonly shownMl: number;
  /** Shows the cement present once `ml` has been injected, meshed here and now. */
  setInjected(ml: number): void;
  /** Shows a surface meshed elsewhere (the cement worker). */
  show(meshed: CementMeshed): void;
  dispose(): void;
}

/**
 * Remeshes so far: how many, the time spent meshing (in the worker or here), and the time the page's
 * main thread spent on them (meshing here, or copying the worker's triangles in), ms. Read by
 * `npm run bench`.
 */
export const remeshStats = { count: 0, ms: 0, mainMs: 0 };

export function buildCementSurface(result: CementResult, toSpine: Matrix4): CementSurface {
  const { grid } = result;
  const buffers = cementMeshBuffers();
  const geometry = new BufferGeometry();
  const attributes = [new BufferAttribute(buffers.positions, 3), new BufferAttribute(buffers.colours, 3), new BufferAttribute(buffers.normals, 3)] as const;
  geometry.setAttribute('position', attributes[0]);
  geometry.setAttribute('color', attributes[1]);
  geometry.setAttribute('normal', attributes[2]);
  geometry.setDrawRange(0, 0);
  const material = new MeshStandardMaterial({ vertexColors: true, roughness: 0.45, metalness: 0, side: DoubleSide });
  const mesh = new Mesh(geometry, material);
  mesh.name = 'cement';
  mesh.matrixAutoUpdate = false;
  // Grid index → spine metres: scale by the voxel edge, shift to the grid origin (one cell of padding).
  const local = new Matrix4()
    .makeScale(grid.spacingMm * METRES_PER_MM, grid.spacingMm * METRES_PER_MM, grid.spacingMm * METRES_PER_MM)
    .setPosition((grid.origin[0] - grid.spacingMm) * METRES_PER_MM, (grid.origin[1] - grid.spacingMm) * METRES_PER_MM, (grid.origin[2] - grid.spacingMm) * METRES_PER_MM);
  mesh.matrix.multiplyMatrices(toSpine, local);
  mesh.frustumCulled = false;
  mesh.userData['muPerMm'] = MU_PER_MM.cement;

  let shownMl = Number.NaN;
  // Made on first use: most surfaces are meshed by the worker only.
  let mesher: CementMesher | null = null;

  /** Draws the first `triangles` triangles; uploads only those. */
  function drawn(ml: number, triangles: number): void {
    shownMl = ml;
    geometry.setDrawRange(0, triangles * 3);
    for (const attribute of attributes) {
      attribute.clearUpdateRanges();
      attribute.addUpdateRange(0, triangles * 9);
      attribute.needsUpdate = true;
    }
    mesh.visible = triangles > 0;
  }

  return {
    mesh,
    get shownMl() {
      return shownMl;
    },
    setInjected(ml) {
      if (ml === shownMl) return;
      const started = performance.now();
      mesher ??= createCementMesher({ arrival: result.arrival, route: result.route, dims: grid.dims });
      drawn(ml, mesher(ml, buffers));
      const ms = performance.now() - started;
      remeshStats.count += 1;
      remeshStats.ms += ms;
      remeshStats.mainMs += ms;
    },
    show(meshed) {
      const started = performance.now();
      const n = meshed.triangles * 9;
      buffers.positions.set(meshed.positions.subarray(0, n));
      buffers.normals.set(meshed.normals.subarray(0, n));
      buffers.colours.set(meshed.colours.subarray(0, n));
      drawn(meshed.ml, meshed.triangles);
      remeshStats.count += 1;
      remeshStats.ms += meshed.ms;
      remeshStats.mainMs += performance.now() - started;
    },
    dispose() {
      geometry.dispose();
      material.dispose();
    },
  };
}

export interface SurfaceFeed {
  /** Asks for the surface at `ml`; true if it is shown now. `here`: mesh on this thread, now (as is a surface's first). */
  want(ml: number, here: boolean): boolean;
  dispose(): void;
}

/**
 * Keeps a surface showing the volume last asked for, with one mesh request in flight at a time: an
 * answer for a volume no longer wanted is shown (it is nearer than the last) and the latest volume
 * asked for next, unless the surface already shows the volume wanted (meshed here meanwhile). A failed request is meshed here instead. `mesh` returns null where there is no
 * worker: then the surface is meshed here at once. `changed` hears of every answer shown, and whether
 * the surface now shows the volume last asked for.
 */
export function feedSurface(cloud: CementSurface, mesh: (ml: number) => Promise<CementMeshed> | null, changed: (caughtUp: boolean) => void): SurfaceFeed {
  let wanted = Number.NaN;
  let busy = false;
  let disposed = false;
  function ask(ml: number): void {
    const request = mesh(ml);
    if (!request) {
      cloud.setInjected(ml);
      return;
    }
    busy = true;
    request
      .then(
        // An answer is dropped if the surface was meshed here in the meantime to the volume wanted.
        (meshed) => !disposed && cloud.shownMl !== wanted && cloud.show(meshed),
        () => !disposed && cloud.setInjected(ml),
      )
      .finally(() => {
        busy = false;
        if (disposed) return;
        const caughtUp = cloud.shownMl === wanted;
        changed(caughtUp);
        if (!caughtUp) ask(wanted);
      });
  }
  return {
    want(ml, here) {
      wanted = ml;
      if (cloud.shownMl === ml) return true;
      // A new surface is meshed here, so its first frame draws it (and compiles its material along
      // with the rest of the scene, not in a long task of its own later); the worker meshes the
      // changes that follow while the cement goes in.
      if (here || Number.isNaN(cloud.shownMl)) cloud.setInjected(ml);
      else if (!busy) ask(ml);
      return cloud.shownMl === ml;
    },
    dispose() {
      disposed = true;
    },
  };
}
