import { useFrame, useThree } from '@react-three/fiber';
import { useContext, useEffect, useMemo, useRef } from 'react';
import { BoxGeometry, Mesh, MeshBasicMaterial, PerspectiveCamera, Scene, SphereGeometry, Vector2, Vector3 } from 'three';
import type { LevelLandmarks } from '../domain/anatomy/landmarks.ts';
import type { Vec3 } from '../domain/anatomy/vec.ts';
import type { SingleProcedure, TreatableLevel } from '../domain/caseParams.ts';
import { vertebraTransform } from '../domain/anatomy/spineLayout.ts';
import { apply } from '../domain/anatomy/vec.ts';
import { vertebraGeometry } from '../domain/anatomy/vertebraGeometry.ts';
import { medialWallX } from '../domain/procedures/safety.ts';
import { cArmCamera } from '../render/fluoro/cArm.ts';
import type { Rect } from '../render/fluoro/renderFluoro.ts';
import { useT } from '../i18n/useT.ts';
import { alignTime } from '../domain/procedures/alignTime.ts';
import { planFor } from '../domain/procedures/plans.ts';
import { samplePose } from '../domain/procedures/samplePose.ts';
import type { Projection } from '../render/fluoro/cArm.ts';
import type { FluoroLayout } from '../render/fluoro/layout.ts';
import type { FluoroShown } from '../render/fluoro/layout.ts';
import { fluoroLayout } from '../render/fluoro/layout.ts';
import { FLUORO_SIZE, createFluoroRenderer } from '../render/fluoro/renderFluoro.ts';
import { selectPlan, selectStep } from '../state/store.ts';
import { useAppStore, useAppStoreApi } from '../state/useAppStore.ts';
import { CementContext } from '../state/CementContext.ts';
import { pulseTime } from '../domain/procedures/cementShown.ts';
import { usePaneFrameSource } from './paneFrame.ts';

declare global {
  interface Window {
    /** Test and tooling hooks of the simulated fluoroscopy (one per pane, by procedure). */
    __spinecastFluoro?: Partial<Record<SingleProcedure, FluoroProbe>>;
  }
}

export interface FluoroProbe {
  /** Where a point (spine frame, mm) lands in a projection, in page CSS pixels. */
  project(projection: Projection, pointMm: Vec3): [number, number];
  /** Current needle tips (spine frame, mm). */
  tips(): Vec3[];
  /**
   * Renders a test solid of attenuation 1/mm at the level (AP projection) and returns the integral
   * read back at the image centre: the solid's thickness along the central ray, in mm.
   */
  measure(shape: 'sphere' | 'box', sizeMm: number): number;
}

export interface FluoroLayerProps {
  procedure: SingleProcedure;
  landmarks: LevelLandmarks;
}

const scratch = new Vector3();
const drawSize = new Vector2();
/** The images' noise, re-used by every frame (no allocation in the frame loop). */
const apOptions = { denseBright: false, seed: 0 };
const lateralOptions = { denseBright: false, seed: 0 };

/**
 * Takes over the pane's drawing: the 3D view, then the AP and lateral X-ray images from the same
 * scene. The images are re-rendered only when the state changes (time or an explicit change), not
 * while the user turns the 3D camera.
 */
export function FluoroLayer({ procedure, landmarks }: FluoroLayerProps) {
  const store = useAppStoreApi();
  const gl = useThree((s) => s.gl);
  const invalidate = useThree((s) => s.invalidate);
  const size = useThree((s) => s.size);
  const shown = useFluoroShown();
  const cement = useContext(CementContext);
  const renderer = useMemo(() => createFluoroRenderer(), []);
  useEffect(() => () => renderer.dispose(), [renderer]);
  // What the images last showed: the time they were posed at, the state version and the simulation.
  const drawn = useRef({ t: Number.NaN, version: -1, cement: -1, redrawn: -1 });
  const plan = planFor(procedure);
  const source = usePaneFrameSource();
  const prepared = source.prepared;
  // The layout for the renderer's current size, worked out again only when that changes.
  const placed = useRef<{ shown: FluoroShown; width: number; height: number; layout: FluoroLayout } | null>(null);
  const focus = landmarks.bodyCentre;
  const layout = fluoroLayout(shown, size.width, size.height);

  useEffect(() => {
    const probes = (window.__spinecastFluoro ??= {});
    probes[procedure] = {
      project(projection, p) {
        const rect = layout[projection];
        const canvas = gl.domElement.getBoundingClientRect();
        if (!rect) return [Number.NaN, Number.NaN];
        scratch.set(p[0] / 1000, p[1] / 1000, p[2] / 1000).project(renderer.camera(projection));
        const x = canvas.left + rect.x + ((scratch.x + 1) / 2) * rect.width;
        const y = canvas.top + (size.height - rect.y - rect.height) + ((1 - scratch.y) / 2) * rect.height;
        return [x, y];
      },
      measure(shape, sizeMm) {
        const test = new Scene();
        const metres = sizeMm / 1000;
        const geometry = shape === 'sphere' ? new SphereGeometry(metres / 2, 96, 64) : new BoxGeometry(metres, metres, metres);
        const mesh = new Mesh(geometry, new MeshBasicMaterial());
        mesh.userData['muPerMm'] = 1;
        mesh.position.set(focus[0] / 1000, focus[1] / 1000, focus[2] / 1000);
        test.add(mesh);
        renderer.render(gl, test, 'ap', focus);
        const value = renderer.read(gl, 'ap', FLUORO_SIZE / 2, FLUORO_SIZE / 2);
        geometry.dispose();
        drawn.current.t = Number.NaN;
        invalidate();
        return value;
      },
      tips() {
        const s = store.getState();
        return samplePose(plan, prepared, alignTime(selectPlan(s), plan, s.t)).tools.filter((x) => x.visible).map((x) => x.tip);
      },
    };
    return () => void delete probes[procedure];
  }, [procedure, layout, gl, renderer, size, store, plan, prepared, focus, invalidate]);

  useFrame(({ scene, camera }) => {
    const s = store.getState();
    // The renderer's own size, not the pane's: a picture for a slide is drawn at another size (capture).
    const size = gl.getSize(drawSize);
    let p = placed.current;
    if (!p || p.shown !== shown || p.width !== size.width || p.height !== size.height) {
      p = placed.current = { shown, width: size.width, height: size.height, layout: fluoroLayout(shown, size.width, size.height) };
    }
    const layout = p.layout;
    gl.setViewport(0, 0, size.width, size.height);
    if (layout.show3d) gl.render(scene, camera);
    else gl.clear();
    if (!layout.ap || !layout.lateral) return;
    // While playing, the images update like pulsed fluoroscopy: they show the moment of the last
    // pulse, a function of t alone (pulseTime), posed at that moment. Any other state (paused, a
    // seek, a new case) shows t itself. The simulation's arrival also changes the images; their size
    // does not (fixed-size targets): a resize or a picture for a slide only places them anew.
    const shownT = s.playing ? pulseTime(s.t) : s.t;
    const revision = cement?.revision() ?? 0;
    const last = drawn.current;
    // A cement surface arriving from the worker changes them too.
    if (shownT !== last.t || s.version !== last.version || revision !== last.cement || source.redrawn !== last.redrawn) {
      const posedAt = source.frame.t;
      if (shownT !== posedAt) source.poseAt(s, shownT);
      // Docking is checked on the bull's-eye view: the AP beam turned to look straight down the
      // pedicle along the planned path (domain.md §1 step 3), so the needle shows end-on.
      const docking = selectStep(s).bullseye === true;
      const path = prepared.trajectories[0]!;
      if (docking) renderer.render(gl, scene, 'ap', path.entry, [-path.direction[0], -path.direction[1], -path.direction[2]]);
      else renderer.render(gl, scene, 'ap', focus);
      renderer.render(gl, scene, 'lateral', focus);
      if (shownT !== posedAt) source.poseAt(s, posedAt);
      last.t = shownT;
      last.version = s.version;
      last.cement = revision;
      last.redrawn = source.redrawn;
    }
    // Noise follows the time shown, so the same state always gives the same picture.
    const seed = (Math.round(shownT * 10) % 97) + 1;
    apOptions.denseBright = lateralOptions.denseBright = s.xrayDenseBright;
    apOptions.seed = seed;
    lateralOptions.seed = seed + 0.5;
    renderer.blit(gl, 'ap', layout.ap, apOptions);
    renderer.blit(gl, 'lateral', layout.lateral, lateralOptions);
    gl.setViewport(0, 0, size.width, size.height);
  }, 1);

  return null;
}

/** Which fluoroscopy layout the current state calls for (the same object while that stays the same). */
export function useFluoroShown(): FluoroShown {
  const view = useAppStore((s) => s.params.view);
  const pip = useAppStore((s) => s.layers.xray);
  const fluoroStep = useAppStore((s) => selectStep(s).fluoro !== 'none');
  const compared = useAppStore((s) => s.params.procedure === 'compare');
  const pictureInPicture = view === '3d' && pip && fluoroStep;
  return useMemo(() => ({ view, pictureInPicture, compared }), [view, pictureInPicture, compared]);
}

/** DOM names over the X-ray images ("AP", "Lateral"), laid out like the images themselves. */
export function FluoroLabels({ width, height }: { width: number; height: number }) {
  const t = useT();
  const shown = useFluoroShown();
  const step = useAppStore((s) => selectStep(s));
  const level = useAppStore((s) => s.params.level);
  const layout = fluoroLayout(shown, width, height);
  const guides = useMemo(() => safetyGuides(level), [level]);
  if (!layout.ap || !layout.lateral) return null;
  const top = (rect: Rect) => height - rect.y - rect.height;
  // Each picture is described in words for screen readers: which view, and what it shows at this step.
  const what = step.xray;
  const describe = (projection: Projection) =>
    t('xray.describe', {
      projection: t(`xray.name.${projection}`),
      what: t.dynamic(`xray.what.${what === 'pedicle' ? `pedicle.${projection}` : what}`),
    });
  const label = (rect: Rect, text: string, projection: Projection) => (
    <span
      className="fluoro-label"
      data-projection={projection}
      role="img"
      aria-label={describe(projection)}
      // Held to the picture's lower-left corner and its width: a longer name (Spanish "AP, en diana"
      // on a phone's small picture) wraps upwards inside the picture, not out of it.
      style={{ left: rect.x + 6, bottom: rect.y + 6, maxWidth: rect.width - 12 }}
    >
      <span aria-hidden="true">{text}</span>
    </span>
  );
  // The safety-rule moment (domain.md §1 step 4): while the needle crosses the pedicle, the AP image
  // marks the medial pedicle wall and the lateral image the posterior wall of the body.
  const showGuides = step.safetyGuides === true;
  const line = (rect: Rect, projection: Projection, [a, b]: readonly [Vec3, Vec3], key: string) => {
    const camera = cArmCamera(projection, guides.focus, guideCameras[projection]);
    const p = (v: Vec3): [number, number] => {
      scratch.set(v[0] / 1000, v[1] / 1000, v[2] / 1000).project(camera);
      return [rect.x + ((scratch.x + 1) / 2) * rect.width, top(rect) + ((1 - scratch.y) / 2) * rect.height];
    };
    const [x1, y1] = p(a);
    const [x2, y2] = p(b);
    return <line key={key} x1={x1} y1={y1} x2={x2} y2={y2} className="fluoro-guide" data-guide={key} />;
  };
  const frame = (rect: Rect, projection: string) => (
    <div className="fluoro-frame" data-projection={projection} style={{ left: rect.x, top: top(rect), width: rect.width, height: rect.height }} />
  );
  return (
    <div className="fluoro-labels">
      {frame(layout.ap, 'ap')}
      {frame(layout.lateral, 'lateral')}
      {label(layout.ap, step.bullseye ? t('fluoro.bullseye') : t('fluoro.ap'), 'ap')}
      {label(layout.lateral, t('fluoro.lateral'), 'lateral')}
      {showGuides && (
        <>
          <svg className="fluoro-guides" width={width} height={height} aria-hidden="true">
            {line(layout.ap, 'ap', guides.medialWall, 'medial-wall')}
            {line(layout.lateral, 'lateral', guides.posteriorWall, 'posterior-wall')}
          </svg>
          <span className="fluoro-guide-label" style={{ left: layout.ap.x + layout.ap.width - 6, top: top(layout.ap) + 6 }}>{t('fluoro.medialWall')}</span>
          <span className="fluoro-guide-label" style={{ left: layout.lateral.x + layout.lateral.width - 6, top: top(layout.lateral) + 6 }}>{t('fluoro.posteriorWall')}</span>
        </>
      )}
    </div>
  );
}


const guideCameras = { ap: new PerspectiveCamera(), lateral: new PerspectiveCamera() };

/** The two lines of the safety rule for a level, in the assembled spine (mm), and the image focus. */
function safetyGuides(level: TreatableLevel) {
  const g = vertebraGeometry(level);
  const toSpine = vertebraTransform(level);
  const x = medialWallX(level, 'left');
  const half = g.params.ph / 2;
  const bodyHalf = (g.params.vbhp + 2) / 2;
  return {
    focus: apply(toSpine, [0, 0, 0]),
    medialWall: [apply(toSpine, [x, g.pedicleY - half, g.pedicleZ]), apply(toSpine, [x, g.pedicleY + half, g.pedicleZ])] as const,
    posteriorWall: [apply(toSpine, [0, -bodyHalf, g.zPosterior]), apply(toSpine, [0, bodyHalf, g.zPosterior])] as const,
  };
}
