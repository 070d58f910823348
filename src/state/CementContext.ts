import { createContext, useContext, useEffect, useSyncExternalStore } from 'react';
import type { CaseParams, SingleProcedure } from '../domain/caseParams.ts';
import { cementKey } from '../domain/cement/cementKey.ts';
import { cementInputFor } from './cementInput.ts';
import type { CementClient, SimulationStatus } from './cementSimulation.ts';

/** The cement simulation's client, provided once by main.tsx. */
export const CementContext = createContext<CementClient | null>(null);

/** The simulation of a case: asks for it once and re-renders when its status changes. */
export function useCementSimulation(procedure: SingleProcedure, params: CaseParams): SimulationStatus | undefined {
  const client = useContext(CementContext);
  const input = cementInputFor(procedure, params);
  const key = cementKey(input);
  useEffect(() => {
    client?.request(input);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- input is a new object each render; key names the case
  }, [client, key]);
  return useSyncExternalStore(
    (notify) => client?.subscribe((k) => k === key && notify()) ?? (() => undefined),
    () => client?.peek(input),
  );
}
