import { SceneHtml } from './SceneHtml.tsx';
import { useThree } from '@react-three/fiber';
import { useContext, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { Matrix4 } from 'three';
import { vertebraTransform } from '../domain/anatomy/spineLayout.ts';
import { apply, toMat4 } from '../domain/anatomy/vec.ts';
import type { CaseParams } from '../domain/caseParams.ts';
import type { CementInput } from '../domain/cement/types.ts';
import { countLeaksShownBy, visibleLeaks } from '../domain/cement/visibleLeaks.ts';
import { useT } from '../i18n/useT.ts';
import { buildCementSurface, feedSurface } from '../render/cementSurface.ts';
import { METRES_PER_MM, mmToScene } from '../render/toScene.ts';
import { CementContext, useCementSimulation } from '../state/CementContext.ts';
import { usePaneRegistry } from '../state/PaneRegistryContext.ts';
import { useAppStoreApi } from '../state/useAppStore.ts';
import { usePaneFrame, usePaneFrameSource } from './paneFrame.ts';

export interface CementCloudViewProps {
  params: CaseParams;
  /** The pane's simulation input (one per pane, usePaneCementInput). */
  input: CementInput;
}

/** The simulated cement, growing with the injection; leaks labelled in text where they start. */
export function CementCloudView({ params, input }: CementCloudViewProps) {
  const t = useT();
  const invalidate = useThree((s) => s.invalidate);
  const status = useCementSimulation(input);
  const view = params.view;
  const result = status?.state === 'done' ? status.result : null;
  const volume = input.volumeMl;
  const store = useAppStoreApi();
  const client = useContext(CementContext);
  const source = usePaneFrameSource();
  const registry = usePaneRegistry();
  const cloud = useMemo(() => {
    if (!result) return null;
    const toSpine = new Matrix4().fromArray(toMat4(vertebraTransform(result.grid.level), METRES_PER_MM));
    return buildCementSurface(result, toSpine);
  }, [result]);
  const feed = useMemo(() => {
    if (!cloud) return null;
    return feedSurface(cloud, (ml) => client?.mesh(input, ml) ?? null, (caughtUp) => {
      // A new surface is drawn (the X-ray pictures too); once it is the one asked for, the frame drawn
      // next shows the state and may say so.
      source.redrawn += 1;
      if (caughtUp) source.waiting.delete(WAIT);
      invalidate();
    });
  }, [cloud, client, input, source, invalidate]);
  useEffect(() => {
    // A new surface starts empty: the next frame gives it the volume shown.
    invalidate();
    return () => cloud?.dispose();
  }, [cloud, invalidate]);
  useEffect(
    () => () => {
      feed?.dispose();
      source.waiting.delete(WAIT);
    },
    [feed, source],
  );

  // Leaks shown so far (a leak appears once the injection has reached it).
  const [shownLeaks, setShownLeaks] = useState(0);
  // The one leak rule (visibleLeaks): the routes the metrics list, in the order they show.
  const leaks = useMemo(() => (result ? visibleLeaks(result) : []), [result]);
  // The cement shown follows t on a grid (cementFillShown, domain/procedures/cementShown.ts), playing
  // or not, so the same t always shows the same cement and remeshing happens a few times a second.
  // The surface is meshed in the cement worker; until it arrives the pane shows the last one and does
  // not report the frame as showing the state. Two kinds of frame mesh here, so they are complete at
  // once: a capture's one frame, and every frame until one has been drawn complete at the state's
  // version (after a switch, a seek, Play). Without the second, a pane playing the injection slower
  // than the cement's grid of t steps would be a mesh behind on every frame and never show a change
  // as done.
  /** How many leak labels the last commit rendered. */
  const rendered = useRef(0);
  usePaneFrame((frame) => {
    if (!feed) {
      source.waiting.delete(LEAKS);
      return;
    }
    const injected = volume * frame.cementFill;
    const here = (registry?.capturing ?? false) || store.getState().version !== source.completeAt;
    if (feed.want(injected, here)) source.waiting.delete(WAIT);
    else source.waiting.add(WAIT);
    const n = countLeaksShownBy(leaks, injected);
    if (n !== shownLeaks) setShownLeaks(n);
    // The leak labels change with a later render: until then a frame lacks them. (Decided afresh
    // each time the pane is posed, so a count posed only for an X-ray pulse holds nothing back.)
    if (n !== rendered.current) source.waiting.add(LEAKS);
    else source.waiting.delete(LEAKS);
  });
  // Rendered: each new label waits for its own content (SceneHtml); draw the frame that shows them.
  useLayoutEffect(() => {
    rendered.current = shownLeaks;
    invalidate();
  }, [shownLeaks, invalidate]);
  useEffect(() => () => void source.waiting.delete(LEAKS), [source]);

  if (!cloud || !result) return null;
  // Leak names belong to the 3D picture; the X-ray-only view has no 3D to pin them to.
  const labelled = view !== 'fluoro';
  const toSpine = vertebraTransform(result.grid.level);
  // One label per leak route, at the first place cement entered it.
  const shown = leaks.slice(0, shownLeaks);
  return (
    <>
      <primitive object={cloud.mesh} />
      {labelled && shown.map((leak, i) => {
        const p = apply(toSpine, leak.position);
        return (
          <SceneHtml key={leak.type} position={[mmToScene(p[0]), mmToScene(p[1]), mmToScene(p[2])]} zIndexRange={[3, 0]} className="scene-label-host">
            <span className="scene-label scene-label--leak" data-leak={leak.type} style={{ marginTop: `${i * 1.9}em` }}>
              {t('leak.label', { type: t.dynamic(`leak.${leak.type}`) })}
            </span>
          </SceneHtml>
        );
      })}
    </>
  );
}

/** What the pane waits for while the cement surface is being meshed. */
const WAIT = 'cement surface';

/** What the pane waits for while the leak labels shown are being rendered. */
const LEAKS = 'leak labels';
