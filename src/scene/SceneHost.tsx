import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { FluoroLabels } from './FluoroLayer.tsx';
import { shownProcedures } from '../domain/procedures/timelinePlan.ts';
import { useT } from '../i18n/useT.ts';
import { useReadiness } from '../state/ReadinessContext.ts';
import { useAppStore, useAppStoreApi } from '../state/useAppStore.ts';
import { sceneAssets } from './sceneAssets.ts';
import { cameraKey } from '../state/cameraKeys.ts';
import { createCameraLink } from './cameraLink.ts';
import { ScenePane, usePaneLabel } from './ScenePane.tsx';
import type { SingleProcedure } from '../domain/caseParams.ts';

// The 3D view's chunk (three.js and everything here) has just run: the first-paint benchmark and
// test compare this moment with the first contentful paint, which must come before it. The chunk
// runs in one task, so a paint before this mark was a paint before three.js was evaluated.
performance.mark('spinecast:scene-code');

/**
 * One 3D pane, or in compare mode two side by side (stacked on narrow screens) on the same case,
 * with linked cameras and one shared clock.
 */
export function SceneHost() {
  const procedure = useAppStore((s) => s.params.procedure);
  const procedures = useMemo(() => shownProcedures(procedure), [procedure]);
  const readiness = useReadiness();
  const link = useMemo(() => createCameraLink(), []);

  // Every pane counts for data-ready from the start, so one pane drawn is not "ready" for two.
  useEffect(() => {
    for (const p of procedures) readiness.setSceneReady(p, true);
    return () => {
      for (const p of procedures) readiness.setSceneReady(p, false);
    };
  }, [readiness, procedures]);

  // Files that failed are tried again when asked, when the level changes and when the network is back.
  const store = useAppStoreApi();
  useEffect(() => {
    const retry = () => sceneAssets.retryFailed();
    window.addEventListener('online', retry);
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.retryToken !== prev.retryToken || s.params.level !== prev.params.level) retry();
    });
    return () => {
      window.removeEventListener('online', retry);
      unsubscribe();
    };
  }, [store]);

  // Panes are slots, not procedures: switching procedure re-dresses a pane instead of replacing its
  // canvas, and the second pane, once opened for compare, stays mounted (hidden) so that no switch
  // ever creates another WebGL context.
  const [secondOpened, setSecondOpened] = useState(procedures.length > 1);
  if (procedures.length > 1 && !secondOpened) setSecondOpened(true);
  const titled = procedures.length > 1;
  return (
    <div className={`panes panes--${procedures.length}`}>
      <Pane slot="pane-1" procedure={procedures[0]!} primary link={link} titled={titled} />
      {secondOpened && <Pane slot="pane-2" procedure={procedures[1] ?? 'bkp'} primary={false} link={link} titled={titled} active={procedures.length > 1} />}
    </div>
  );
}

function PaneOverlay() {
  const ref = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setSize({ width: el.clientWidth, height: el.clientHeight }));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return <div ref={ref} className="pane__overlay">{size.width > 0 && <FluoroLabels width={size.width} height={size.height} />}</div>;
}

interface PaneProps {
  slot: string;
  procedure: SingleProcedure;
  primary: boolean;
  link: ReturnType<typeof createCameraLink>;
  titled: boolean;
  active?: boolean;
}

function Pane({ slot, procedure, primary, link, titled, active = true }: PaneProps) {
  const t = useT();
  const label = usePaneLabel(procedure);
  const hintId = useId();
  const store = useAppStoreApi();
  return (
    <section className={`pane pane--${procedure}${titled ? ' pane--titled' : ''}`} aria-label={t(`procedure.${procedure}.long`)} data-pane={procedure} hidden={!active} data-slot={slot}>
      {/* Compared panes are named in a strip above each view, so the name never covers the view; narrow panes use the short name. */}
      {titled && (
        <h2 className="pane__title">
          <span className="pane__title-long">{t(`procedure.${procedure}.long`)}</span>
          <span className="pane__title-short">{t(`procedure.${procedure}`)}</span>
        </h2>
      )}
      <div className="pane__view" data-pane-view="">
        <ScenePane slot={slot} procedure={procedure} primary={primary} link={link} active={active} />
        {/*
          The view as keyboard and screen readers meet it: named after the step, reached by Tab, where
          the arrows turn and tilt it and + / − zoom. It lets the pointer through, so a click on the
          view never takes focus and the arrows keep stepping through the procedure after a click.
        */}
        <div
          className="view-focus"
          role="img"
          aria-label={label}
          aria-describedby={hintId}
          tabIndex={0}
          onKeyDown={(e) => {
            if (e.altKey || e.ctrlKey || e.metaKey) return;
            const move = cameraKey(e.key);
            if (!move) return;
            e.preventDefault();
            if (move === 'reset') store.getState().resetCamera();
            else store.getState().nudgeCamera(move);
          }}
        />
        <p id={hintId} className="visually-hidden">{t('camera.keys')}</p>
        {active && <PaneOverlay />}
      </div>
    </section>
  );
}
