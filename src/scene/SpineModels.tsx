import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import type { MeshStandardMaterial } from 'three';
import { Vector3 } from 'three';
import type { FractureParams } from '../domain/anatomy/fracture.ts';
import type { Grade, Restoration, Shape, SingleProcedure, TreatableLevel } from '../domain/caseParams.ts';
import { restoredShareFor } from '../domain/procedures/restoration.ts';
import { collapseOf } from '../domain/procedures/samplePose.ts';
import { setNearCut } from '../render/anatomyMaterials.ts';
import { buildSegment } from '../render/buildSegment.ts';
import type { MeshKind } from '../render/partKind.ts';
import { mmToScene } from '../render/toScene.ts';
import type { Layers } from '../state/store.ts';
import { segmentAround } from '../render/spineIndex.ts';
import { useAppStoreApi } from '../state/useAppStore.ts';
import { useShotState } from './ShotContext.ts';
import { usePaneFrame } from './paneFrame.ts';
import { useSegmentModels, useSpineIndex } from './sceneAssets.ts';

const cutPoint = new Vector3();
/** Gap between the treated body's side wall and the near cut, mm. [U] visual. */
const NEAR_CUT_MARGIN_MM = 4;

export interface SpineModelsProps {
  level: TreatableLevel;
  grade: Grade;
  shape: Shape;
  procedure: SingleProcedure;
  /** The kyphoplasty case shown (vertebroplasty has its own postural reduction). */
  restoration: Restoration;
  /** The fracture holds an intravertebral cleft (drawn on the cut face). */
  cleft: boolean;
}

/**
 * The treated level and two levels either side, loaded lazily from the generated model files, with
 * the fracture applied and the height each procedure gives back restored during its restoring step.
 */
export function SpineModels({ level, grade, shape, procedure, restoration, cleft }: SpineModelsProps) {
  const store = useAppStoreApi();
  const invalidate = useThree((s) => s.invalidate);
  const index = useSpineIndex();
  const segment = useMemo(() => segmentAround(index, level), [index, level]);
  const gltfs = useSegmentModels(level);
  const fracture: FractureParams = useMemo(() => ({ level, grade, shape, cleft }), [level, grade, shape, cleft]);
  const built = useMemo(
    () => buildSegment(segment.map((l, i) => ({ id: l.id, scene: gltfs[i]!.scene })), level, fracture),
    // gltfs are cached per URL, so this runs again only for another level or fracture.
    [segment, gltfs, level, fracture],
  );
  useEffect(() => () => built.dispose(), [built]);
  useEffect(() => invalidate(), [built, invalidate]);

  // Tissue layers follow the store.
  useEffect(() => {
    function apply(layers: Layers): void {
      const show = (kinds: MeshKind[], visible: boolean) => {
        for (const k of kinds) for (const m of built.byKind.get(k) ?? []) m.visible = visible;
      };
      show(['skin', 'muscle'], layers.skinAndMuscle);
      show(['neural', 'dura'], layers.nerves);
      show(['vein'], layers.veins);
      invalidate();
    }
    apply(store.getState().layers);
    return store.subscribe((s, prev) => {
      if (s.layers !== prev.layers) apply(s.layers);
    });
  }, [built, store, invalidate]);

  const share = restoredShareFor(procedure, restoration);
  const treated = segment.find((l) => l.id === level)!.landmarks;
  const centre = treated.bodyCentre;
  // The body's half-width at its side wall (where the segmental veins leave it), mm.
  const halfWidth = Math.abs(treated.segmentalVeinExits.right[0] - centre[0]);
  const shot = useShotState();
  const soft = useMemo(() => [...(built.byKind.get('neural') ?? []), ...(built.byKind.get('dura') ?? []), ...(built.byKind.get('vein') ?? [])], [built]);
  // The collapse follows the pane's pose (also when an X-ray pulse poses the scene at its own time).
  usePaneFrame((frame) => built.setCollapse(collapseOf(frame.fractions, share)));
  useFrame(() => {
    const s = store.getState();
    // The cut opens the side the camera looks from: the needle's side (right for two needles).
    const toward = s.params.approach === 'unipedicular' ? 1 : -1;
    if (s.layers.cutaway && (shot?.cutaway ?? true)) {
      // The cut runs just off the midline, through the body centre.
      cutPoint.set(mmToScene(centre[0] + toward), mmToScene(centre[1]), mmToScene(centre[2]));
      built.group.localToWorld(cutPoint);
      built.setCutaway(cutPoint, toward);
    } else built.setCutaway(null);
    // A little beyond the body's side wall, so the body itself is never touched by the near cut.
    setNearCut(shot?.nearCut ? mmToScene(centre[0] + toward * (halfWidth + NEAR_CUT_MARGIN_MM)) : null, toward);
    // Soft parts in the way of the shot fade (their materials are shared; every pane shows the same t).
    const opacity = shot?.softOpacity ?? 1;
    for (const m of soft) fade(m.material as MeshStandardMaterial, opacity);
  });

  return <primitive object={built.group} />;
}

/** Scales a material's own opacity (kept in userData the first time) by `k`. */
function fade(material: MeshStandardMaterial, k: number): void {
  const base = (material.userData['baseOpacity'] as number | undefined) ?? (material.userData['baseOpacity'] = material.opacity);
  const opacity = base * k;
  if (material.opacity === opacity) return;
  material.opacity = opacity;
  // See-through only while faded, as the material was made (anatomyMaterials): back at full opacity
  // it draws opaque again, so a step looks the same however it was reached. Each switch recompiles
  // (from the program cache); between switches only the uniform changes.
  const seeThrough = opacity < 1;
  if (material.transparent !== seeThrough) {
    material.transparent = seeThrough;
    material.depthWrite = !seeThrough;
    material.needsUpdate = true;
  }
}
