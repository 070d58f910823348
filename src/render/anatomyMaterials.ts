/**
 * One shared material per kind of tissue. Colours follow anatomy-atlas conventions (ivory bone,
 * yellow nerves, blue veins, red muscle) so they read at a glance; see-through layers let the
 * needle's path through skin and muscle be seen without hiding the bone.
 */
import { BackSide, DoubleSide, FrontSide, MeshStandardMaterial, Plane, Vector3 } from 'three';

/** Beyond this (metres) a clipping plane keeps everything: the near cut switched off. */
const FAR = 1e3;

/**
 * The near cut: in close side shots, anatomy further toward the camera than the treated body's side
 * (ribs, the neighbours' transverse processes) is cut away so it does not hide the section. One
 * plane in every anatomy material, always present (switching it off moves it far away), so turning
 * it on or off never recompiles a shader.
 */
export const NEAR_CUT = new Plane(new Vector3(1, 0, 0), FAR);

/** Cuts away what lies beyond `xWorld` (metres) toward `toward` (−1: −X), or nothing (null). */
export function setNearCut(xWorld: number | null, toward: 1 | -1 = -1): void {
  if (xWorld === null) NEAR_CUT.set(NEAR_CUT.normal.set(1, 0, 0), FAR);
  else NEAR_CUT.set(NEAR_CUT.normal.set(-toward, 0, 0), toward * xWorld);
}
import type { MeshKind } from './partKind.ts';

function material(color: string, options: { opacity?: number; roughness?: number; side?: typeof FrontSide | typeof DoubleSide | typeof BackSide } = {}): MeshStandardMaterial {
  const opacity = options.opacity ?? 1;
  return new MeshStandardMaterial({
    color,
    roughness: options.roughness ?? 0.7,
    metalness: 0,
    transparent: opacity < 1,
    opacity,
    depthWrite: opacity >= 1,
    side: options.side ?? FrontSide,
    clippingPlanes: [NEAR_CUT],
  });
}

export interface AnatomyMaterials {
  bone: MeshStandardMaterial;
  /** The treated vertebra, a warmer tone so it stands out. */
  target: MeshStandardMaterial;
  cancellous: MeshStandardMaterial;
  annulus: MeshStandardMaterial;
  nucleus: MeshStandardMaterial;
  dura: MeshStandardMaterial;
  neural: MeshStandardMaterial;
  vein: MeshStandardMaterial;
  muscle: MeshStandardMaterial;
  skin: MeshStandardMaterial;
}

let shared: AnatomyMaterials | null = null;

export function anatomyMaterials(): AnatomyMaterials {
  shared ??= {
    bone: material('#e8dfc8', { roughness: 0.75 }),
    target: material('#efd3a4', { roughness: 0.7 }),
    cancellous: material('#c98f6d', { roughness: 0.9 }),
    annulus: material('#a9c3d6', { roughness: 0.5, opacity: 0.9 }),
    nucleus: material('#d6e6f0', { roughness: 0.4 }),
    dura: material('#e9dca0', { roughness: 0.5, opacity: 0.55, side: DoubleSide }),
    neural: material('#f2d15c', { roughness: 0.5 }),
    vein: material('#4f79c9', { roughness: 0.45 }),
    muscle: material('#b4463f', { roughness: 0.8, opacity: 0.16, side: DoubleSide }),
    skin: material('#d9a58b', { roughness: 0.8, opacity: 0.1, side: DoubleSide }),
  };
  return shared;
}

export function materialFor(kind: MeshKind, isTarget: boolean): MeshStandardMaterial | null {
  const m = anatomyMaterials();
  switch (kind) {
    case 'bone':
    case 'boneLod':
    case 'rib':
      return isTarget && kind !== 'rib' ? m.target : m.bone;
    case 'cancellous':
      return m.cancellous;
    case 'annulus':
      return m.annulus;
    case 'nucleus':
      return m.nucleus;
    case 'dura':
      return m.dura;
    case 'neural':
      return m.neural;
    case 'vein':
      return m.vein;
    case 'muscle':
      return m.muscle;
    case 'skin':
      return m.skin;
    case 'other':
      return null;
  }
}
