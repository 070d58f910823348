import { createContext, useContext, useEffect, useSyncExternalStore } from 'react';
import type { CaseParams, SingleProcedure } from '../domain/caseParams.ts';
import { cementInputFor } from '../state/cementInput.ts';
import type { CementClient, SimulationStatus } from '../workers/cementClient.ts';
import { cementKey } from '../workers/cementClient.ts';

export const CementContext = createContext<CementClient | null>(null);

/** The simulation of a case: asks for it once and re-renders when its status changes. */
export function useCementSimulation(procedure: SingleProcedure, params: CaseParams): SimulationStatus | undefined {
  const client = useContext(CementContext);
  const input = cementInputFor(procedure, params);
  const key = cementKey(input);
  useEffect(() => {
    client?.request(input);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, key]);
  return useSyncExternalStore(
    (notify) => client?.subscribe((k) => k === key && notify()) ?? (() => undefined),
    () => client?.peek(input),
  );
}
