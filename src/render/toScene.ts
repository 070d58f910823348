/** The one place where domain millimetres become scene metres (the glTF unit). */
import type { Mm } from '../domain/units.ts';

export const METRES_PER_MM = 0.001;

export function mmToScene(value: Mm | number): number {
  return value * METRES_PER_MM;
}
