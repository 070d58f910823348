import { useFrame, useLoader, useThree } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import { Vector3 } from 'three';
import { GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js';
import { MeshoptDecoder } from 'three/examples/jsm/libs/meshopt_decoder.module.js';
import type { FractureParams } from '../domain/anatomy/fracture.ts';
import type { Grade, Shape, SingleProcedure, TreatableLevel } from '../domain/caseParams.ts';
import { sampleAligned } from '../domain/procedures/alignTime.ts';
import { planFor } from '../domain/procedures/plans.ts';
import { restoredShareFor } from '../domain/procedures/restoration.ts';
import { collapseOf } from '../domain/procedures/samplePose.ts';
import { buildSegment } from '../render/buildSegment.ts';
import type { MeshKind } from '../render/partKind.ts';
import { mmToScene } from '../render/toScene.ts';
import type { Layers } from '../state/store.ts';
import { MODELS_BASE, segmentAround } from '../render/spineIndex.ts';
import { selectPlan } from '../state/store.ts';
import { useAppStore, useAppStoreApi } from '../state/useAppStore.ts';
import { useSpineIndex } from './useSpineIndex.ts';

const cutPoint = new Vector3();

export interface SpineModelsProps {
  level: TreatableLevel;
  grade: Grade;
  shape: Shape;
  procedure: SingleProcedure;
}

function withMeshopt(loader: GLTFLoader): void {
  loader.setMeshoptDecoder(MeshoptDecoder);
}

/**
 * The treated level and two levels either side, loaded lazily from the generated model files, with
 * the fracture applied and (kyphoplasty) the height restored as the balloon inflates.
 */
export function SpineModels({ level, grade, shape, procedure }: SpineModelsProps) {
  const store = useAppStoreApi();
  const invalidate = useThree((s) => s.invalidate);
  const index = useSpineIndex();
  const segment = segmentAround(index, level);
  const gltfs = useLoader(GLTFLoader, segment.map((l) => `${MODELS_BASE}${l.file}`), withMeshopt);
  const fracture: FractureParams = useMemo(() => ({ level, grade, shape }), [level, grade, shape]);
  const built = useMemo(
    () => buildSegment(segment.map((l, i) => ({ id: l.id, scene: gltfs[i]!.scene })), level, fracture),
    // The segment follows the level; gltfs are cached per URL.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [gltfs, level, fracture],
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

  const plan = planFor(procedure);
  const share = restoredShareFor(procedure, useAppStore((s) => s.bkpRestoredShare));
  const centre = segment.find((l) => l.id === level)!.landmarks.bodyCentre;
  useFrame(() => {
    const s = store.getState();
    built.setCollapse(collapseOf(sampleAligned(selectPlan(s), plan, s.t), share));
    if (s.layers.cutaway) {
      // The cut runs just to the right of the midline, through the body centre.
      cutPoint.set(mmToScene(centre[0] - 1), mmToScene(centre[1]), mmToScene(centre[2]));
      built.group.localToWorld(cutPoint);
      built.setCutaway(cutPoint);
    } else built.setCutaway(null);
  });

  return <primitive object={built.group} />;
}
