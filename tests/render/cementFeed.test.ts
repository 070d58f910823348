import { Matrix4 } from 'three';
import type { BufferAttribute } from 'three';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CASE } from '../../src/domain/caseParams.ts';
import { simulateCement } from '../../src/domain/cement/simulateCement.ts';
import type { CementMeshed } from '../../src/domain/cement/types.ts';
import { cementMeshBuffers, createCementMesher } from '../../src/render/cementMesh.ts';
import { buildCementSurface, feedSurface } from '../../src/render/cementSurface.ts';
import { cementInputFor } from '../../src/state/cementInput.ts';

const input = cementInputFor('bkp', DEFAULT_CASE);
const result = simulateCement(input);

/** Meshes as the worker does: its own copy of the arrays, a shared scratch, an exact-size answer. */
function meshLikeTheWorker(ml: number): CementMeshed {
  const mesher = createCementMesher({ arrival: result.arrival.slice(), route: result.route.slice(), dims: result.grid.dims });
  const scratch = cementMeshBuffers();
  const triangles = mesher(ml, scratch);
  const n = triangles * 9;
  return { ml, triangles, positions: scratch.positions.slice(0, n), normals: scratch.normals.slice(0, n), colours: scratch.colours.slice(0, n), ms: 1 };
}

function drawn(surface: ReturnType<typeof buildCementSurface>) {
  const geometry = surface.mesh.geometry;
  const count = geometry.drawRange.count;
  const part = (name: string) => Array.from((geometry.getAttribute(name) as BufferAttribute).array.slice(0, count * 3));
  return { count, position: part('position'), color: part('color'), normal: part('normal') };
}

/** Index of the first value that differs, or -1 (a readable failure on arrays of 100k values). */
function firstDifference(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) if (a[i] !== b[i]) return i;
  return -1;
}

describe('the cement surface meshed in the worker', () => {
  it('draws the same triangles as the surface meshed on the page, leak colours included', () => {
    const here = buildCementSurface(result, new Matrix4());
    const there = buildCementSurface(result, new Matrix4());
    for (const share of [0.4, 1]) {
      const ml = input.volumeMl * share;
      here.setInjected(ml);
      there.show(meshLikeTheWorker(ml));
      const a = drawn(here);
      const b = drawn(there);
      expect(b.count).toBeGreaterThan(300);
      expect(b.count).toBe(a.count);
      for (const name of ['position', 'color', 'normal'] as const) expect(firstDifference(b[name], a[name]), name).toBe(-1);
      expect(there.shownMl).toBe(ml);
    }
    // The default BKP case leaks: some triangles carry the leak colour, the rest the cement's.
    const colour = drawn(there).color;
    let reds = 0;
    for (let i = 0; i < colour.length; i += 3) if (colour[i] === 1 && colour[i + 1]! < 0.5) reds++;
    expect(reds).toBeGreaterThan(0);
    here.dispose();
    there.dispose();
  });
});

describe('the feed that keeps a surface on the volume asked for', () => {
  /** A mesh function whose answers the test releases by hand. */
  function manual() {
    const asked: { ml: number; resolve: (m: CementMeshed) => void; reject: (e: Error) => void }[] = [];
    const mesh = (ml: number) =>
      new Promise<CementMeshed>((resolve, reject) => {
        asked.push({ ml, resolve, reject });
      });
    return { asked, mesh };
  }
  const tick = () => new Promise((r) => setTimeout(r, 0));

  it('has one request in flight, shows what arrives, then asks for the latest volume', async () => {
    const surface = buildCementSurface(result, new Matrix4());
    const { asked, mesh } = manual();
    let caughtUp = 0;
    const feed = feedSurface(surface, mesh, (done) => void (done && caughtUp++));
    // A new surface's first volume is meshed here, at once; the worker meshes the changes after it.
    expect(feed.want(0.5, false)).toBe(true);
    expect(surface.shownMl).toBe(0.5);
    expect(asked).toHaveLength(0);
    expect(feed.want(1, false)).toBe(false);
    expect(feed.want(2, false)).toBe(false);
    expect(feed.want(3, false)).toBe(false);
    expect(asked.map((a) => a.ml)).toEqual([1]);
    asked[0]!.resolve(meshLikeTheWorker(1));
    await tick();
    expect(surface.shownMl).toBe(1);
    expect(asked.map((a) => a.ml)).toEqual([1, 3]);
    expect(caughtUp).toBe(0);
    asked[1]!.resolve(meshLikeTheWorker(3));
    await tick();
    expect(surface.shownMl).toBe(3);
    expect(caughtUp).toBe(1);
    expect(feed.want(3, false)).toBe(true);
    expect(asked).toHaveLength(2);
    surface.dispose();
  });

  it('meshes on the page when asked to, when the worker fails, and when there is no worker', async () => {
    const surface = buildCementSurface(result, new Matrix4());
    const { asked, mesh } = manual();
    const feed = feedSurface(surface, mesh, () => undefined);
    expect(feed.want(2, true)).toBe(true);
    expect(asked).toHaveLength(0);
    expect(feed.want(2.5, false)).toBe(false);
    asked[0]!.reject(new Error('worker gone'));
    await tick();
    expect(surface.shownMl).toBe(2.5);
    const alone = feedSurface(buildCementSurface(result, new Matrix4()), () => null, () => undefined);
    expect(alone.want(1.5, false)).toBe(true);
    surface.dispose();
  });

  it('keeps a volume meshed here over a late answer for an older one', async () => {
    const surface = buildCementSurface(result, new Matrix4());
    const { asked, mesh } = manual();
    let caughtUp = 0;
    const feed = feedSurface(surface, mesh, (done) => void (done && caughtUp++));
    feed.want(1, false);
    expect(feed.want(2, false)).toBe(false);
    expect(asked.map((a) => a.ml)).toEqual([2]);
    // An explicit change: the frame after it is meshed here while the worker still works on 2 mL.
    expect(feed.want(3, true)).toBe(true);
    asked[0]!.resolve(meshLikeTheWorker(2));
    await tick();
    expect(surface.shownMl).toBe(3);
    expect(caughtUp).toBe(1);
    expect(asked).toHaveLength(1);
    surface.dispose();
  });

  it('shows nothing that arrives after it is disposed', async () => {
    const surface = buildCementSurface(result, new Matrix4());
    const { asked, mesh } = manual();
    const feed = feedSurface(surface, mesh, () => undefined);
    feed.want(1, false);
    feed.want(2, false);
    feed.dispose();
    asked[0]!.resolve(meshLikeTheWorker(2));
    await tick();
    expect(surface.shownMl).toBe(1);
    surface.dispose();
  });
});
