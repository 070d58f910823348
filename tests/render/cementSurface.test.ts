import { Matrix4 } from 'three';
import type { BufferAttribute } from 'three';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CASE } from '../../src/domain/caseParams.ts';
import { simulateCement } from '../../src/domain/cement/simulateCement.ts';
import { buildCementSurface } from '../../src/render/cementSurface.ts';
import { cementInputFor } from '../../src/state/cementInput.ts';

describe('the cement surface', () => {
  it('remeshes with the normals three would compute, and uploads only the triangles drawn', () => {
    const input = cementInputFor('vp', DEFAULT_CASE);
    const surface = buildCementSurface(simulateCement(input), new Matrix4());
    const geometry = surface.mesh.geometry;
    for (const share of [0.3, 1, 0.6]) {
      surface.setInjected(input.volumeMl * share);
      const count = geometry.drawRange.count;
      expect(count).toBeGreaterThan(300);
      const normal = geometry.getAttribute('normal') as BufferAttribute;
      const ours = normal.array.slice(0, count * 3);
      for (const name of ['position', 'color', 'normal']) {
        const attribute = geometry.getAttribute(name) as BufferAttribute;
        expect(attribute.updateRanges, name).toEqual([{ start: 0, count: count * 3 }]);
      }
      // three's own flat normals over the whole buffer, compared over the drawn part.
      geometry.computeVertexNormals();
      const reference = (geometry.getAttribute('normal') as BufferAttribute).array;
      let worst = 0;
      for (let i = 0; i < ours.length; i++) worst = Math.max(worst, Math.abs(ours[i]! - reference[i]!));
      expect(worst).toBeLessThan(1e-6);
    }
    surface.dispose();
  });
});
