import { createContext, useContext } from 'react';
import type { MediaProvider } from './commandApi.ts';

/** `capture` and `record`, as window.spinecast offers them, for the app's own buttons. */
export const MediaContext = createContext<MediaProvider | null>(null);

export function useMedia(): MediaProvider | null {
  return useContext(MediaContext);
}
