/** The one place where domain millimetres become scene metres (the glTF unit). */
export const METRES_PER_MM = 0.001;

export function mmToScene(value: number): number {
  return value * METRES_PER_MM;
}
