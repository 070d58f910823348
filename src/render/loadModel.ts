/** Fetches and parses one generated model file (GLB with meshopt compression). */
import type { GLTF } from 'three/examples/jsm/loaders/GLTFLoader.js';
import { GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js';
import { MeshoptDecoder } from 'three/examples/jsm/libs/meshopt_decoder.module.js';

let loader: GLTFLoader | null = null;

/** `fresh`: skip the browser's HTTP cache (a retry must not get the same broken answer back). */
export async function loadModel(url: string, fresh = false): Promise<GLTF> {
  const response = await fetch(url, { cache: fresh ? 'no-cache' : 'default' });
  const name = url.slice(url.lastIndexOf('/') + 1);
  if (!response.ok) throw new Error(`The model ${name} could not be loaded (HTTP ${response.status}).`);
  const bytes = await response.arrayBuffer();
  if (!loader) {
    loader = new GLTFLoader();
    loader.setMeshoptDecoder(MeshoptDecoder);
  }
  try {
    return await loader.parseAsync(bytes, url.slice(0, url.lastIndexOf('/') + 1));
  } catch {
    throw new Error(`The model ${name} is damaged and could not be read.`);
  }
}
