import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { FluoroLabels } from './FluoroLayer.tsx';
import { shownProcedures } from '../domain/procedures/timelinePlan.ts';
import { useT } from '../i18n/useT.ts';
import { useReadiness } from '../state/ReadinessContext.ts';
import { useAppStore } from '../state/useAppStore.ts';
import { createCameraLink } from './cameraLink.ts';
import { ScenePane, usePaneLabel } from './ScenePane.tsx';
import type { SingleProcedure } from '../domain/caseParams.ts';

/**
 * One 3D pane, or in compare mode two side by side (stacked on narrow screens) on the same case,
 * with linked cameras and one shared clock.
 */
export function SceneHost() {
  const procedure = useAppStore((s) => s.params.procedure);
  const procedures = shownProcedures(procedure);
  const readiness = useReadiness();
  const link = useMemo(() => createCameraLink(), []);
  const key = procedures.join('+');

  // Every pane counts for data-ready from the start, so one pane drawn is not "ready" for two.
  useEffect(() => {
    for (const p of procedures) readiness.setSceneReady(p, true);
    return () => {
      for (const p of procedures) readiness.setSceneReady(p, false);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [readiness, key]);

  return (
    <div className={`panes panes--${procedures.length}`}>
      {procedures.map((p, i) => (
        <Pane key={p} procedure={p} primary={i === 0} link={link} titled={procedures.length > 1} />
      ))}
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

function Pane({ procedure, primary, link, titled }: { procedure: SingleProcedure; primary: boolean; link: ReturnType<typeof createCameraLink>; titled: boolean }) {
  const t = useT();
  const label = usePaneLabel(procedure);
  const hintId = useId();
  return (
    <section className={`pane pane--${procedure}`} aria-label={t(`procedure.${procedure}.long`)} data-pane={procedure}>
      {titled && <h2 className="pane__title" data-covers-view="">{t(`procedure.${procedure}.long`)}</h2>}
      <ScenePane procedure={procedure} primary={primary} link={link} label={label} hintId={hintId} />
      <p id={hintId} className="visually-hidden">{t('camera.keys')}</p>
      <PaneOverlay />
    </section>
  );
}
