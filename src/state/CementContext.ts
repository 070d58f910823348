import { createContext, useContext, useLayoutEffect, useSyncExternalStore } from 'react';
import { cementKey } from '../domain/cement/cementKey.ts';
import type { CementInput } from '../domain/cement/types.ts';
import type { CementClient, SimulationStatus } from './cementSimulation.ts';

/** The cement simulation's client, provided once by main.tsx. */
export const CementContext = createContext<CementClient | null>(null);

/** The simulation of a case: asks for it once and re-renders when its status changes. */
export function useCementSimulation(input: CementInput): SimulationStatus | undefined {
  const client = useContext(CementContext);
  const key = cementKey(input);
  // Asked for in the commit itself, before the pane's next frame: a frame drawn before the request
  // would find no simulation running and report a picture without its cement as complete.
  useLayoutEffect(() => {
    client?.request(input);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- key names the case; a new object for the same case asks nothing new
  }, [client, key]);
  return useSyncExternalStore(
    (notify) => client?.subscribe((k) => k === key && notify()) ?? (() => undefined),
    () => client?.peek(input),
  );
}
