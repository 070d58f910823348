/** The React binding of the store. The store itself stays framework-free. */
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { AppActions, AppState, AppStore } from './store.ts';

export const StoreContext = createContext<AppStore | null>(null);

export function useAppStoreApi(): AppStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useAppStore needs a <StoreContext.Provider>');
  return store;
}

export function useAppStore<T>(selector: (state: AppState & AppActions) => T): T {
  return useStore(useAppStoreApi(), selector);
}
