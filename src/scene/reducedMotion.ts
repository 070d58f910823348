/**
 * The user's "reduce motion" setting, as a hot value read inside the frame loop: with it, the camera
 * cuts from one step's shot to the next instead of gliding.
 */
const query = typeof window !== 'undefined' && window.matchMedia ? window.matchMedia('(prefers-reduced-motion: reduce)') : null;

export function prefersReducedMotion(): boolean {
  return query?.matches ?? false;
}
