import { segmentAround } from '../render/spineIndex.ts';
import { mmToScene } from '../render/toScene.ts';
import { useSpineIndex } from './useSpineIndex.ts';

/** The treated level's body centre in scene metres: what the camera looks at. */
export function useLevelFocus(level: string): readonly [number, number, number] {
  const index = useSpineIndex();
  const c = segmentAround(index, level, 0)[0]!.landmarks.bodyCentre;
  return [mmToScene(c[0]), mmToScene(c[1]), mmToScene(c[2])];
}
