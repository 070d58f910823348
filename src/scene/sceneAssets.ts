/**
 * The scene's files, shared by every pane: the model index and the models of a segment, through one
 * retrying cache (src/render/assetCache.ts). The hooks suspend while a file is on its way and report
 * a failure instead of throwing it, so a broken file costs the picture, never the page.
 */
import { useSyncExternalStore } from 'react';
import type { GLTF } from 'three/examples/jsm/loaders/GLTFLoader.js';
import type { AssetEntry } from '../render/assetCache.ts';
import { createAssetCache } from '../render/assetCache.ts';
import { loadModel } from '../render/loadModel.ts';
import type { SpineIndex } from '../render/spineIndex.ts';
import { INDEX_URL, MODELS_BASE, fetchSpineIndex, segmentAround } from '../render/spineIndex.ts';

export const sceneAssets = createAssetCache();

export type SegmentAssets =
  | { state: 'ok'; index: SpineIndex; gltfs: GLTF[] }
  | { state: 'failed'; code: 'index-load' | 'model-load'; error: Error };

function useRevision(): number {
  return useSyncExternalStore(sceneAssets.subscribe, sceneAssets.revision);
}

function indexEntry(): AssetEntry<SpineIndex> {
  return sceneAssets.get(INDEX_URL, fetchSpineIndex);
}

function modelEntry(url: string): AssetEntry<GLTF> {
  return sceneAssets.get(url, (fresh) => loadModel(url, fresh));
}

/** The index and the models around `level`: suspends while loading, reports a failure. */
export function useSegmentAssets(level: string): SegmentAssets {
  useRevision();
  const index = indexEntry();
  if (index.status === 'pending') throw index.promise;
  if (index.status === 'failed') return { state: 'failed', code: 'index-load', error: index.error };
  let segment;
  try {
    segment = segmentAround(index.value, level);
  } catch (error) {
    return { state: 'failed', code: 'index-load', error: error as Error };
  }
  // Start every file of the segment at once, then wait for them.
  const entries = segment.map((l) => modelEntry(`${MODELS_BASE}${l.file}`));
  const failed = entries.find((e) => e.status === 'failed');
  if (failed?.status === 'failed') return { state: 'failed', code: 'model-load', error: failed.error };
  const pending = entries.find((e) => e.status === 'pending');
  if (pending?.status === 'pending') throw pending.promise;
  const gltfs = entries.map((e) => (e as Extract<AssetEntry<GLTF>, { status: 'ok' }>).value);
  return { state: 'ok', index: index.value, gltfs: stableSegment(level, gltfs) };
}

/** The same array for the same models, so memoised builds downstream are not redone every render. */
const segments = new Map<string, GLTF[]>();
function stableSegment(level: string, gltfs: GLTF[]): GLTF[] {
  const known = segments.get(level);
  if (known && known.length === gltfs.length && known.every((g, i) => g === gltfs[i])) return known;
  segments.set(level, gltfs);
  return gltfs;
}

/** The model index; only for components mounted once `useSegmentAssets` said 'ok'. */
export function useSpineIndex(): SpineIndex {
  useRevision();
  const index = indexEntry();
  if (index.status === 'pending') throw index.promise;
  if (index.status === 'failed') throw index.error;
  return index.value;
}

/** The models of the segment around `level`; only below a gate that saw them loaded. */
export function useSegmentModels(level: string): GLTF[] {
  const assets = useSegmentAssets(level);
  if (assets.state === 'failed') throw assets.error;
  return assets.gltfs;
}
