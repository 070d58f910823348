/**
 * Shared materials. Colours are chosen for anatomy read at a glance on a dark background and on a
 * projector: ivory bone, a slightly warmer interior, bluish discs, steel instruments.
 */
import { Color, MeshStandardMaterial } from 'three';

export const PALETTE = Object.freeze({
  background: new Color('#1b2030'),
  steel: new Color('#c9d1d9'),
  balloon: new Color('#7fb2ff'),
});

export function createSteelMaterial(): MeshStandardMaterial {
  return new MeshStandardMaterial({ color: PALETTE.steel, roughness: 0.25, metalness: 0.85 });
}

export function createBalloonMaterial(): MeshStandardMaterial {
  return new MeshStandardMaterial({ color: PALETTE.balloon, roughness: 0.2, metalness: 0, transparent: true, opacity: 0.8 });
}

