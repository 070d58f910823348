/**
 * Shared materials. Colours are chosen for anatomy read at a glance on a dark background and on a
 * projector: ivory bone, a slightly warmer interior, bluish discs, steel instruments.
 */
import { Color, MeshStandardMaterial } from 'three';

export const PALETTE = Object.freeze({
  background: new Color('#1b2030'),
  steel: new Color('#c9d1d9'),
  /** Saturated blue: the balloon (filled with contrast) must read against ivory bone and white cement. */
  balloon: new Color('#2f7dff'),
});

export function createSteelMaterial(): MeshStandardMaterial {
  return new MeshStandardMaterial({ color: PALETTE.steel, roughness: 0.25, metalness: 0.85 });
}

export function createBalloonMaterial(): MeshStandardMaterial {
  // Opaque and glossy, with a little glow so it stays blue in the shadow of the cut face.
  return new MeshStandardMaterial({ color: PALETTE.balloon, roughness: 0.22, metalness: 0, emissive: '#0b2f80', emissiveIntensity: 0.7 });
}

