import { createContext, useContext } from 'react';
import type { Readiness } from './readiness.ts';

export const ReadinessContext = createContext<Readiness | null>(null);

export function useReadiness(): Readiness {
  const readiness = useContext(ReadinessContext);
  if (!readiness) throw new Error('useReadiness needs a <ReadinessContext.Provider>');
  return readiness;
}
