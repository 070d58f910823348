/**
 * The command API's `metrics`, computed for the case on screen: heights and wedge angle from the
 * geometry, and cement and leaks from the flow simulation once it has run (the planned volume and no
 * leaks until then). Height results are cached per case.
 */
import { visibleLeaks } from '../domain/cement/visibleLeaks.ts';
import type { CementResult } from '../domain/cement/types.ts';
import type { CaseParams, SingleProcedure } from '../domain/caseParams.ts';
import { plannedVolumeMl } from '../domain/cement/plannedVolume.ts';
import { heightMetrics } from '../domain/procedures/caseMetrics.ts';
import { cementInputFor } from './cementInput.ts';
import type { CementClient } from './cementSimulation.ts';
import type { MetricsProvider, ProcedureMetrics } from './commandApi.ts';

const round = (v: number, digits = 2): number => Math.round(v * 10 ** digits) / 10 ** digits;

/** The leaks listed for a result: the one leak rule (visibleLeaks), in the order they show. */
export function leaksOf(result: CementResult): ProcedureMetrics['leaks'] {
  return visibleLeaks(result).map((l) => ({ type: l.type, volumeMl: round(l.volumeMl, 3) }));
}

export function createMetricsProvider(cement?: CementClient): MetricsProvider {
  const cache = new Map<string, Omit<ProcedureMetrics, 'cementVolumeMl' | 'leaks'>>();
  return (procedure: SingleProcedure, params: CaseParams) => {
    const key = `${procedure}|${params.level}|${params.grade}|${params.shape}|${params.restoration}`;
    let heights = cache.get(key);
    if (!heights) {
      const h = heightMetrics(procedure, { level: params.level, grade: params.grade, shape: params.shape }, params.restoration);
      const r = (x: typeof h.heightBeforeMm) => ({ anterior: round(x.anterior), middle: round(x.middle), posterior: round(x.posterior) });
      heights = {
        heightBeforeMm: r(h.heightBeforeMm),
        heightAfterMm: r(h.heightAfterMm),
        wedgeBeforeDeg: round(h.wedgeBeforeDeg, 1),
        wedgeAfterDeg: round(h.wedgeAfterDeg, 1),
      };
      cache.set(key, heights);
    }
    const status = cement?.peek(cementInputFor(procedure, params));
    if (status?.state === 'done') {
      return { ...heights, cementVolumeMl: round(status.result.injectedMl), leaks: leaksOf(status.result) };
    }
    return { ...heights, cementVolumeMl: round(plannedVolumeMl(procedure, params)), leaks: [] };
  };
}
