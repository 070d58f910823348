/**
 * Materials of the cut face: a smooth ivory cortical shell and a cancellous interior with a
 * trabecular pattern (light struts around darker marrow spaces), so the two read apart on a
 * projector. The pattern is drawn once from the domain's seeded generator: the same on every run.
 */
import { DataTexture, DoubleSide, LineDashedMaterial, MeshBasicMaterial, MeshStandardMaterial, RepeatWrapping, SRGBColorSpace } from 'three';
import { createRandom } from '../domain/random.ts';

/** Size of one tile of the pattern, mm. [U] visual: pores of a few tenths of a millimetre. */
const TILE_MM = 6;
const SIZE = 192;

/**
 * The pattern's pixels, drawn on first use and kept for the page's life (147 KB): drawing them took a
 * long main-thread task on every level and fracture change, and they never change.
 */
let pattern: Uint8Array | null = null;

function trabecularPixels(): Uint8Array {
  if (pattern) return pattern;
  const data = new Uint8Array(SIZE * SIZE * 4);
  const strut = [236, 222, 190];
  const marrow = [200, 142, 112];
  // Start with bone, then open marrow spaces (wrapping, so the tile repeats without seams).
  const field = new Float32Array(SIZE * SIZE).fill(1);
  const random = createRandom(20261128);
  const pxPerMm = SIZE / TILE_MM;
  for (let n = 0; n < 110; n++) {
    const cx = random() * SIZE;
    const cy = random() * SIZE;
    const rx = (0.12 + random() * 0.22) * pxPerMm;
    const ry = rx * (0.6 + random() * 0.6);
    for (let dy = -Math.ceil(ry) - 2; dy <= Math.ceil(ry) + 2; dy++) {
      for (let dx = -Math.ceil(rx) - 2; dx <= Math.ceil(rx) + 2; dx++) {
        const d = Math.hypot(dx / rx, dy / ry);
        const x = (((Math.round(cx) + dx) % SIZE) + SIZE) % SIZE;
        const y = (((Math.round(cy) + dy) % SIZE) + SIZE) % SIZE;
        // Soft edge over about a pixel.
        const v = Math.min(1, Math.max(0, (d - 1) * rx));
        field[y * SIZE + x] = Math.min(field[y * SIZE + x]!, v);
      }
    }
  }
  for (let i = 0; i < SIZE * SIZE; i++) {
    const v = field[i]!;
    for (let c = 0; c < 3; c++) data[i * 4 + c] = Math.round(marrow[c]! + (strut[c]! - marrow[c]!) * v);
    data[i * 4 + 3] = 255;
  }
  pattern = data;
  return data;
}

function trabecularTexture(): DataTexture {
  // Every texture reads the same pixels; three never writes to a DataTexture's data.
  const texture = new DataTexture(trabecularPixels(), SIZE, SIZE);
  texture.wrapS = RepeatWrapping;
  texture.wrapT = RepeatWrapping;
  texture.colorSpace = SRGBColorSpace;
  // The cap's texture coordinates are in millimetres.
  texture.repeat.set(1 / TILE_MM, 1 / TILE_MM);
  texture.needsUpdate = true;
  return texture;
}

export interface SectionMaterials {
  cortical: MeshStandardMaterial;
  cancellous: MeshStandardMaterial;
  /** The intact outline: faint, dashed. */
  outline: LineDashedMaterial;
  /** The fracture band on the cut face: dark, unlit, so it reads on any screen. */
  fracture: MeshBasicMaterial;
  /** An intravertebral cleft on the cut face: a near-black gap (fluid or gas, no bone), unlit. */
  cleft: MeshBasicMaterial;
  dispose(): void;
}

export function createSectionMaterials(): SectionMaterials {
  const map = trabecularTexture();
  const common = { metalness: 0, side: DoubleSide, polygonOffset: true, polygonOffsetFactor: -1, polygonOffsetUnits: -1 } as const;
  const cortical = new MeshStandardMaterial({ color: '#f7f0de', roughness: 0.55, ...common });
  const cancellous = new MeshStandardMaterial({ color: '#ffffff', map, roughness: 0.85, ...common });
  const outline = new LineDashedMaterial({ color: '#b9d3ff', dashSize: 0.0015, gapSize: 0.001, transparent: true, opacity: 0.85 });
  const fracture = new MeshBasicMaterial({ color: '#5c1a10', side: DoubleSide, polygonOffset: true, polygonOffsetFactor: -2, polygonOffsetUnits: -2 });
  const cleft = new MeshBasicMaterial({ color: '#0e1116', side: DoubleSide, polygonOffset: true, polygonOffsetFactor: -3, polygonOffsetUnits: -3 });
  return {
    cortical,
    cancellous,
    outline,
    fracture,
    cleft,
    dispose() {
      map.dispose();
      cortical.dispose();
      cancellous.dispose();
      outline.dispose();
      fracture.dispose();
      cleft.dispose();
    },
  };
}
