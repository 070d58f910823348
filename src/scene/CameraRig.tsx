import { OrbitControls } from '@react-three/drei';
import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useRef } from 'react';
import type { PerspectiveCamera } from 'three';
import { Vector3 } from 'three';
import type { OrbitControls as OrbitControlsImpl } from 'three-stdlib';
import type { LevelLandmarks } from '../domain/anatomy/landmarks.ts';
import type { Plan } from '../domain/procedures/plans.ts';
import type { CameraPose, Subject } from '../domain/procedures/shots.ts';
import { cameraAt, stepCamera, vertebraSubject } from '../domain/procedures/shots.ts';
import type { OrbitOffset } from '../domain/procedures/orbitOffset.ts';
import { orbitOffset } from '../domain/procedures/orbitOffset.ts';
import type { FluoroShown } from '../render/fluoro/layout.ts';
import { distanceFor } from '../render/framing.ts';
import { mmToScene } from '../render/toScene.ts';
import { selectPlan } from '../state/store.ts';
import { useAppStoreApi } from '../state/useAppStore.ts';
import type { CameraLink } from './cameraLink.ts';
import { publishCamera } from './cameraLink.ts';
import { paneFraming } from './paneFraming.ts';
import { prefersReducedMotion } from './reducedMotion.ts';

const direction = new Vector3();
/** Scratch for the user's offset (scene units), reused every frame. */
const aim: { position: [number, number, number]; target: [number, number, number] } = { position: [0, 0, 0], target: [0, 0, 0] };

/** The current shot's framing, for the probes and the soft-tissue fade (hot, per pane). */
export interface ShotState {
  softOpacity: number;
  /** The shot opens the treated vertebra. */
  cutaway: boolean;
  /** The shot cuts away what lies beyond the body toward the camera. */
  nearCut: boolean;
  /** The shot shows the measured heights. */
  measures: boolean;
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
 * (the store's resetCamera). Only a real move frees it: a tap or click leaves the guided view alone.
 * The user's turn, tilt and zoom from buttons and keys sit on top of the guided shot, so no drag is
 * ever needed and the guided view goes on. With "reduce motion", each step holds its settled shot:
 * the camera cuts between steps instead of gliding.
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
  const seenOffset = useRef<OrbitOffset | null>(null);
  /** What the framing keeps clear of X-ray pictures, rewritten each frame (no allocation). */
  const framed = useRef<FluoroShown>({ view: '3d', pictureInPicture: false, compared: false });
  // The guided shot last worked out and what it was worked out for: it changes only with t, the
  // step, the side or the level, so turning the view or a paused frame reuses it.
  const guided = useRef<GuidedShot>({ t: Number.NaN, stepIndex: -1, plan: null, side: '', subject: null, reduced: false, pose: null });

  useEffect(() => {
    link.invalidators.add(invalidate);
    return () => void link.invalidators.delete(invalidate);
  }, [link, invalidate]);

  useFrame(() => {
    const c = controls.current;
    if (!c) return;
    const s = store.getState();
    if (subject.current?.level !== s.params.level) subject.current = { level: s.params.level, subject: vertebraSubject(s.params.level) };
    const plan = selectPlan(s);
    const side = s.params.approach === 'unipedicular' ? 'left' : 'right';
    const reduced = prefersReducedMotion();
    const g = guided.current;
    if (g.pose === null || g.t !== s.t || g.stepIndex !== s.stepIndex || g.plan !== plan || g.side !== side || g.subject !== subject.current.subject || g.reduced !== reduced) {
      g.pose = reduced
        ? stepCamera(plan, plan.steps[s.stepIndex]!.id, landmarks, side, subject.current.subject)
        : cameraAt(plan, landmarks, s.t, side, subject.current.subject);
      g.t = s.t;
      g.stepIndex = s.stepIndex;
      g.plan = plan;
      g.side = side;
      g.subject = subject.current.subject;
      g.reduced = reduced;
    }
    const pose = g.pose;
    const offset = s.cameraOffset;
    const previousOffset = seenOffset.current ?? offset;
    seenOffset.current = offset;
    const cam = camera as PerspectiveCamera;
    const view = s.params.view;
    // Room for the X-ray pictures wherever they may show at some step, so the shot keeps its place.
    const reserve = framed.current;
    reserve.view = view;
    reserve.pictureInPicture = view !== 'fluoro' && (view !== '3d' || s.layers.xray);
    reserve.compared = s.params.procedure === 'compare';
    const framing = paneFraming(gl.domElement, pose.frameMm, reserve);
    if (shot) {
      shot.softOpacity = pose.softOpacity;
      shot.cutaway = pose.cutaway;
      shot.nearCut = pose.nearCut;
      shot.measures = pose.measures;
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
      moveBy(camera.position, c.target, offset);
      camera.lookAt(c.target);
      applied.current = link.rev;
    } else if (offset !== previousOffset && !userMoving.current) {
      // A button or key while the camera is free turns the free view by the same step.
      moveBy(camera.position, c.target, {
        turnDeg: offset.turnDeg - previousOffset.turnDeg,
        tiltDeg: offset.tiltDeg - previousOffset.tiltDeg,
        zoom: offset.zoom - previousOffset.zoom,
      });
      camera.lookAt(c.target);
      publishCamera(link, camera.position, c.target);
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
      }}
      onChange={() => {
        if (!userMoving.current || !controls.current) return;
        if (!store.getState().freeCamera) store.getState().setFreeCamera(true);
        publishCamera(link, camera.position, controls.current.target);
        applied.current = link.rev;
      }}
      onEnd={() => {
        userMoving.current = false;
      }}
    />
  );
}

/** The guided shot last worked out, and what it was worked out for. */
interface GuidedShot {
  t: number;
  stepIndex: number;
  plan: Plan | null;
  side: string;
  subject: Subject | null;
  reduced: boolean;
  pose: CameraPose | null;
}

/** Moves a camera position by a turn, tilt and zoom around the target (in place; no allocation). */
function moveBy(position: Vector3, target: Vector3, offset: OrbitOffset): void {
  if (offset.turnDeg === 0 && offset.tiltDeg === 0 && offset.zoom === 0) return;
  aim.position[0] = position.x;
  aim.position[1] = position.y;
  aim.position[2] = position.z;
  aim.target[0] = target.x;
  aim.target[1] = target.y;
  aim.target[2] = target.z;
  const moved = orbitOffset(aim, offset);
  position.set(moved.position[0], moved.position[1], moved.position[2]);
}
