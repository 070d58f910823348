/**
 * The command API's `metrics`, computed from the geometry for the case on screen and cached per case.
 * Cement volume is the planned volume until the flow simulation reports what went where.
 */
import type { CaseParams, SingleProcedure } from '../domain/caseParams.ts';
import { typicalVolumeMl } from '../domain/caseParams.ts';
import { heightMetrics } from '../domain/procedures/caseMetrics.ts';
import type { MetricsProvider, ProcedureMetrics } from './commandApi.ts';

const round = (v: number, digits = 2): number => Math.round(v * 10 ** digits) / 10 ** digits;

export function createMetricsProvider(): MetricsProvider {
  const cache = new Map<string, ProcedureMetrics>();
  return (procedure: SingleProcedure, params: CaseParams) => {
    const volume = params.volume ?? typicalVolumeMl(params.level);
    const key = `${procedure}|${params.level}|${params.grade}|${params.shape}|${volume}`;
    let m = cache.get(key);
    if (!m) {
      const h = heightMetrics(procedure, { level: params.level, grade: params.grade, shape: params.shape });
      const heights = (x: typeof h.heightBeforeMm) => ({ anterior: round(x.anterior), middle: round(x.middle), posterior: round(x.posterior) });
      m = {
        heightBeforeMm: heights(h.heightBeforeMm),
        heightAfterMm: heights(h.heightAfterMm),
        wedgeBeforeDeg: round(h.wedgeBeforeDeg, 1),
        wedgeAfterDeg: round(h.wedgeAfterDeg, 1),
        cementVolumeMl: round(volume, 2),
        leaks: [],
      };
      cache.set(key, m);
    }
    return m;
  };
}

/** The one provider the app shares: the command API and the results table read the same numbers. */
export const caseMetrics = createMetricsProvider();
