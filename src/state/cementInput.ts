/** The flow simulation's input for a case on screen. */
import type { CementInput } from '../domain/cement/types.ts';
import type { CaseParams, SingleProcedure } from '../domain/caseParams.ts';
import { plannedVolumeMl } from '../domain/cement/plannedVolume.ts';

export function cementInputFor(procedure: SingleProcedure, params: CaseParams): CementInput {
  return {
    procedure,
    level: params.level,
    grade: params.grade,
    shape: params.shape,
    approach: params.approach,
    viscosity: params.viscosity,
    volumeMl: plannedVolumeMl(procedure, params),
    seed: params.seed,
    cleft: params.cleft,
  };
}
