import { useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { SingleProcedure } from '../domain/caseParams.ts';
import { shownProcedures } from '../domain/procedures/timelinePlan.ts';
import { planFor } from '../domain/procedures/plans.ts';
import { heightMetrics, keyLine } from '../domain/procedures/caseMetrics.ts';
import { PROCEDURE_MINUTES } from '../domain/evidence.ts';
import { useT } from '../i18n/useT.ts';
import type { ProcedureMetrics } from '../state/commandApi.ts';
import { useMetrics } from './useMetrics.ts';
import { selectPlan } from '../state/store.ts';
import { useAppStore } from '../state/useAppStore.ts';

/**
 * Height of the 3D view (CSS px) from which the table, opened at the end, still leaves both
 * vertebrae room above it: the strip is about 200 px tall, and the panes keep their titles at the
 * top. Below it (a laptop at 1280×800, a tablet in landscape, a phone) the table waits to be asked
 * for, and then lies over the view without moving the vertebrae into the strip left above it.
 */
export const ROOMY_VIEW_PX = 560;

/** Whether the 3D view this element lies in is tall enough for the open table beside the vertebrae. */
function useRoomyView(el: RefObject<HTMLElement | null>): boolean {
  const [roomy, setRoomy] = useState(false);
  useLayoutEffect(() => {
    const view = el.current?.closest('[data-view-root]');
    if (!view) return;
    const measure = () => setRoomy(view.getBoundingClientRect().height >= ROOMY_VIEW_PX);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(view);
    return () => observer.disconnect();
  }, [el]);
  return roomy;
}

/**
 * The measured differences between the procedures on this case: heights and wedge angle measured on
 * the model, cement, leaks, steps and typical time, each with where the number comes from.
 */
export function ResultsPanel() {
  const t = useT();
  const fmt = (v: number, digits = 1): string => t.number(v, digits);
  const params = useAppStore((s) => s.params);
  // Closed while the procedure plays (it would cover the view); it opens by itself at the end
  // where the view has room for it beside the vertebrae.
  const section = useRef<HTMLElement>(null);
  const roomy = useRoomyView(section);
  const [choice, setChoice] = useState<boolean | null>(null);
  const atEnd = useAppStore((s) => s.stepIndex === selectPlan(s).steps.length - 1);
  const open = choice ?? (atEnd && roomy);
  const procedures = shownProcedures(params.procedure);
  const metrics = useMetrics();
  const rows = procedures.map((p) => ({ p, m: metrics(p, params)! }));
  const line = keyLine(params.shape);

  const restored = (p: SingleProcedure, m: ProcedureMetrics) => {
    const gained = m.heightAfterMm[line] - m.heightBeforeMm[line];
    const share = heightMetrics(p, { level: params.level, grade: params.grade, shape: params.shape }, params.restoration).restoredShare;
    return t('results.restoredValue', { mm: fmt(gained), pct: Math.round(share * 100) });
  };

  return (
    // The panes frame their shot clear of it only where there is room; in a short view the open table
    // is a brief look over the vertebrae, which keep their size.
    <section ref={section} className={`results${open ? ' is-open' : ''}`} data-covers-view={open && !roomy ? undefined : ''}>
      <button type="button" className="button results__toggle" aria-expanded={open} onClick={() => setChoice(!open)} id="results-title">
        {t('results.title')}
      </button>
      {open && (
        // A named region that takes focus, so keyboard users can scroll it when it does not fit.
        <div className="results__body" role="region" aria-labelledby="results-title" tabIndex={0}>
          {/* One row per procedure, one column per measure: a short, wide strip under both vertebrae. */}
          <table className="results__table">
            {procedures.includes('bkp') && (
              <caption className="results__case">{t('results.case', { case: t.dynamic(`restoration.${params.restoration}`) })}</caption>
            )}
            <thead>
              <tr>
                <th scope="col">{t('results.measure')}</th>
                <th scope="col">{t(`results.height.${line}`)}</th>
                <th scope="col">{t('results.restored')}</th>
                <th scope="col">{t('results.wedge')}</th>
                <th scope="col">{t('results.cement')}</th>
                <th scope="col">{t('results.leaks')}</th>
                <th scope="col">{t('results.steps')}</th>
                <th scope="col">{t('results.time')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ p, m }) => (
                <tr key={p}>
                  <th scope="row">{t(`procedure.${p}`)}</th>
                  <td>{t('results.beforeAfter', { before: fmt(m.heightBeforeMm[line]), after: fmt(m.heightAfterMm[line]), unit: ' mm' })}</td>
                  <td>{restored(p, m)}</td>
                  <td>{t('results.beforeAfter', { before: fmt(m.wedgeBeforeDeg), after: fmt(m.wedgeAfterDeg), unit: '°' })}</td>
                  <td>{t('results.ml', { ml: fmt(m.cementVolumeMl) })}</td>
                  <td>{m.leaks.length === 0 ? t('results.noLeaks') : m.leaks.map((l) => t('results.leak', { type: t.dynamic(`leak.${l.type}`), ml: fmt(l.volumeMl, 2) })).join(', ')}</td>
                  <td>{t.plural('results.stepCount', planFor(p).steps.length)}</td>
                  <td>{t('results.minutes', { min: fmt(PROCEDURE_MINUTES[p].value, PROCEDURE_MINUTES[p].digits) })}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <details className="results__sources">
            <summary>{t('results.sourcesToggle')}</summary>
            {t('results.sources', {
              // Each procedure shown says which case of it is drawn, with its sources.
              restoration: procedures.includes('bkp') ? t.dynamic(`results.restoration.${params.restoration}`) : '',
              vp: procedures.includes('vp') ? t('results.restoration.vp') : '',
            })}
          </details>
        </div>
      )}
    </section>
  );
}
