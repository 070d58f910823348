import { OrbitControls } from '@react-three/drei';
import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useRef } from 'react';
import type { PerspectiveCamera } from 'three';
import { Vector3 } from 'three';
import type { OrbitControls as OrbitControlsImpl } from 'three-stdlib';
import type { LevelLandmarks } from '../domain/anatomy/landmarks.ts';
import type { Subject } from '../domain/procedures/shots.ts';
import { cameraAt, vertebraSubject } from '../domain/procedures/shots.ts';
import { distanceFor } from '../render/framing.ts';
import { mmToScene } from '../render/toScene.ts';
import { selectPlan } from '../state/store.ts';
import { useAppStoreApi } from '../state/useAppStore.ts';
import type { CameraLink } from './cameraLink.ts';
import { publishCamera } from './cameraLink.ts';
import { paneFraming } from './paneFraming.ts';

const direction = new Vector3();

/** The current shot's framing, for the probes and the soft-tissue fade (hot, per pane). */
export interface ShotState {
  softOpacity: number;
  /** The shot opens the treated vertebra. */
  cutaway: boolean;
  /** The shot cuts away what lies beyond the body toward the camera. */
  nearCut: boolean;
  /** This pane's free part (CSS px, pane origin top-left). */
  free: { x: number; y: number; width: number; height: number };
  /** Scale at the focus the shot was fitted to, px per mm (the same in every pane). */
  pxPerMm: number;
}

export interface CameraRigProps {
  landmarks: LevelLandmarks;
  link: CameraLink;
  /** Written every frame with the shot's framing and soft-tissue opacity. */
  shot?: ShotState;
}

/**
 * The camera follows each step's framed shot as a pure function of t (so scrubbing moves it too).
 * The shot's direction and focus come from the plan; its distance fits the shot's frame into the
 * part of the pane nothing covers, and the view is offset so the focus sits in the middle of that
 * part (the X-ray pictures and panels never cover the treated vertebra). A drag or zoom frees it:
 * from then on it stays where the user put it, in every pane, until "back to this step's view"
 * (the store's freeCamera = false).
 */
export function CameraRig({ landmarks, link, shot }: CameraRigProps) {
  const gl = useThree((s) => s.gl);
  const size = useThree((s) => s.size);
  const store = useAppStoreApi();
  const controls = useRef<OrbitControlsImpl>(null);
  const camera = useThree((s) => s.camera);
  const invalidate = useThree((s) => s.invalidate);
  const applied = useRef(-1);
  const userMoving = useRef(false);
  const subject = useRef<{ level: string; subject: Subject } | null>(null);

  useEffect(() => {
    link.invalidators.add(invalidate);
    return () => void link.invalidators.delete(invalidate);
  }, [link, invalidate]);

  useFrame(() => {
    const c = controls.current;
    if (!c) return;
    const s = store.getState();
    if (subject.current?.level !== s.params.level) subject.current = { level: s.params.level, subject: vertebraSubject(s.params.level) };
    const pose = cameraAt(selectPlan(s), landmarks, s.t, s.params.approach === 'unipedicular' ? 'left' : 'right', subject.current.subject);
    const cam = camera as PerspectiveCamera;
    const view = s.params.view;
    const framing = paneFraming(gl.domElement, pose.frameMm, view, view !== 'fluoro' && (view !== '3d' || s.layers.xray));
    if (shot) {
      shot.softOpacity = pose.softOpacity;
      shot.cutaway = pose.cutaway;
      shot.nearCut = pose.nearCut;
      shot.free = framing.free;
      shot.pxPerMm = framing.pxPerMm;
    }
    // Put the focus in the middle of the free part of the pane.
    const offsetX = size.width / 2 - framing.centre[0];
    const offsetY = size.height / 2 - framing.centre[1];
    const v = cam.view;
    if (!v || !v.enabled || v.offsetX !== offsetX || v.offsetY !== offsetY || v.fullWidth !== size.width || v.fullHeight !== size.height) {
      cam.setViewOffset(size.width, size.height, offsetX, offsetY, size.width, size.height);
    }
    if (!s.freeCamera) {
      const distance = distanceFor(framing.pxPerMm, size.height, cam.fov);
      direction.set(pose.position[0] - pose.target[0], pose.position[1] - pose.target[1], pose.position[2] - pose.target[2]).normalize();
      c.target.set(mmToScene(pose.target[0]), mmToScene(pose.target[1]), mmToScene(pose.target[2]));
      camera.position.copy(direction).multiplyScalar(mmToScene(distance)).add(c.target);
      camera.lookAt(c.target);
      applied.current = link.rev;
    } else if (link.rev !== applied.current && !userMoving.current) {
      camera.position.set(...link.position);
      c.target.set(...link.target);
      camera.lookAt(c.target);
      applied.current = link.rev;
    }
  }, -1);

  return (
    <OrbitControls
      ref={controls}
      makeDefault
      enableDamping={false}
      minDistance={0.05}
      maxDistance={0.8}
      onStart={() => {
        userMoving.current = true;
        if (!store.getState().freeCamera) store.getState().setFreeCamera(true);
      }}
      onChange={() => {
        if (!userMoving.current || !controls.current) return;
        publishCamera(link, camera.position, controls.current.target);
        applied.current = link.rev;
      }}
      onEnd={() => {
        userMoving.current = false;
      }}
    />
  );
}
