import { useMemo, useRef } from 'react';
import type { CaseParams, SingleProcedure } from '../domain/caseParams.ts';
import { cementKey } from '../domain/cement/cementKey.ts';
import type { CementInput } from '../domain/cement/types.ts';
import { cementInputFor } from '../state/cementInput.ts';

/**
 * A pane's simulation input, worked out once for the pane and the same object for as long as the
 * case it names is the same (a change of view or layer keeps it): the pane's cement, its readiness
 * and its simulation request all use this one.
 */
export function usePaneCementInput(procedure: SingleProcedure, params: CaseParams): CementInput {
  const kept = useRef<{ key: string; input: CementInput } | null>(null);
  return useMemo(() => {
    const input = cementInputFor(procedure, params);
    const key = cementKey(input);
    if (kept.current?.key !== key) kept.current = { key, input };
    return kept.current.input;
  }, [procedure, params]);
}
