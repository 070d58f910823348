/**
 * What each mesh in a level's model file is, read from its name (product.md model contract):
 * `<LEVEL>` outer bone, `<LEVEL>_lod1` its lower detail, `<LEVEL>_cancellous`, disc `<A>-<B>` and
 * `<A>-<B>_nucleus`, and suffixed soft parts.
 */
export type MeshKind =
  | 'bone'
  | 'boneLod'
  | 'cancellous'
  | 'annulus'
  | 'nucleus'
  | 'dura'
  | 'neural'
  | 'vein'
  | 'muscle'
  | 'skin'
  | 'rib'
  | 'other';

export function meshKindOf(name: string, level: string): MeshKind {
  if (name === level) return 'bone';
  if (name === `${level}_lod1`) return 'boneLod';
  if (name === `${level}_cancellous`) return 'cancellous';
  if (/^[A-Z]\d+-[A-Z]\d+$/.test(name)) return 'annulus';
  if (/^[A-Z]\d+-[A-Z]\d+_nucleus$/.test(name)) return 'nucleus';
  const suffix = name.startsWith(`${level}_`) ? name.slice(level.length + 1) : '';
  if (suffix === 'dura') return 'dura';
  if (suffix === 'cord' || suffix === 'cauda' || suffix.startsWith('root')) return 'neural';
  if (suffix.includes('vein') || suffix === 'plexus') return 'vein';
  if (suffix === 'muscle') return 'muscle';
  if (suffix === 'skin') return 'skin';
  if (suffix.startsWith('rib')) return 'rib';
  return 'other';
}

/** Draw order for see-through layers: inner first. */
export const RENDER_ORDER: Readonly<Record<MeshKind, number>> = {
  bone: 0, boneLod: 0, cancellous: 0, rib: 0, annulus: 1, nucleus: 1, dura: 2, neural: 1, vein: 1, muscle: 3, skin: 4, other: 1,
};
