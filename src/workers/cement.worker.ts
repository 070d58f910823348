/// <reference lib="webworker" />
/**
 * The cement off the main thread: one simulation per `simulate` message, and the surface of a
 * simulated case at an injected volume per `mesh` message. Answers go back with their typed arrays
 * transferred, not copied.
 */
import { cementKey } from '../domain/cement/cementKey.ts';
import { cementTransferables, simulateCement } from '../domain/cement/simulateCement.ts';
import type { CementInput, CementMeshed, CementResult } from '../domain/cement/types.ts';
import type { CementMesher } from '../render/cementMesh.ts';
import { cementMeshBuffers, createCementMesher } from '../render/cementMesh.ts';

export type CementRequest = { id: number; kind: 'simulate'; input: CementInput } | { id: number; kind: 'mesh'; input: CementInput; ml: number };

export type CementResponse =
  | { id: number; ok: true; kind: 'simulate'; result: CementResult }
  | { id: number; ok: true; kind: 'mesh'; meshed: CementMeshed }
  | { id: number; ok: false; message: string };

const scope = self as unknown as DedicatedWorkerGlobalScope;

/** Meshers of the cases simulated last (compare mode shows two), by case key. */
const MESHERS_KEPT = 4;
const meshers = new Map<string, CementMesher>();
/** The source arrays of a result, copied before the result is transferred away. */
const sources = new Map<string, { arrival: Float32Array; route: Uint8Array; dims: readonly [number, number, number] }>();
// One scratch for every mesh; each answer takes a copy of just its triangles.
let scratch: ReturnType<typeof cementMeshBuffers> | null = null;

function keep<T>(map: Map<string, T>, key: string, value: T): T {
  map.delete(key);
  map.set(key, value);
  while (map.size > MESHERS_KEPT) map.delete(map.keys().next().value as string);
  return value;
}

function mesherFor(input: CementInput): CementMesher {
  const key = cementKey(input);
  const known = meshers.get(key);
  if (known) return keep(meshers, key, known);
  // The simulation is a pure function of its input: a case no longer kept is simulated again.
  let source = sources.get(key);
  if (!source) {
    const result = simulateCement(input);
    source = { arrival: result.arrival, route: result.route, dims: result.grid.dims };
  }
  return keep(meshers, key, createCementMesher(source));
}

scope.onmessage = (event: MessageEvent<CementRequest>) => {
  const request = event.data;
  const { id } = request;
  try {
    if (request.kind === 'mesh') {
      const started = performance.now();
      const mesher = mesherFor(request.input);
      scratch ??= cementMeshBuffers();
      const triangles = mesher(request.ml, scratch);
      const n = triangles * 9;
      const meshed: CementMeshed = {
        ml: request.ml,
        triangles,
        positions: scratch.positions.slice(0, n),
        normals: scratch.normals.slice(0, n),
        colours: scratch.colours.slice(0, n),
        ms: performance.now() - started,
      };
      const response: CementResponse = { id, ok: true, kind: 'mesh', meshed };
      scope.postMessage(response, [meshed.positions.buffer, meshed.normals.buffer, meshed.colours.buffer] as ArrayBuffer[]);
      return;
    }
    const result = simulateCement(request.input);
    keep(sources, cementKey(request.input), { arrival: result.arrival.slice(), route: result.route.slice(), dims: result.grid.dims });
    const response: CementResponse = { id, ok: true, kind: 'simulate', result };
    scope.postMessage(response, cementTransferables(result));
  } catch (error) {
    const response: CementResponse = { id, ok: false, message: error instanceof Error ? error.message : String(error) };
    scope.postMessage(response);
  }
};
