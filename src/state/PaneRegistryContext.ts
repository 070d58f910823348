import { createContext, useContext } from 'react';
import type { PaneRegistry } from './paneCapture.ts';

export const PaneRegistryContext = createContext<PaneRegistry | null>(null);

/** The registry of drawable panes, or null where the app runs without one (tests of a lone pane). */
export function usePaneRegistry(): PaneRegistry | null {
  return useContext(PaneRegistryContext);
}
