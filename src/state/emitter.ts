/** A small typed event emitter; a listener that throws is reported, never breaks the others. */
export type Listener<T> = (payload: T) => void;

export function createEmitter<Events extends Record<string, unknown>>() {
  const listeners = new Map<keyof Events, Set<Listener<never>>>();
  return {
    on<K extends keyof Events>(event: K, fn: Listener<Events[K]>): () => void {
      let set = listeners.get(event);
      if (!set) {
        set = new Set();
        listeners.set(event, set);
      }
      set.add(fn);
      return () => set.delete(fn);
    },
    emit<K extends keyof Events>(event: K, payload: Events[K]): void {
      const set = listeners.get(event);
      if (!set) return;
      for (const fn of [...set]) {
        try {
          (fn as Listener<Events[K]>)(payload);
        } catch (error) {
          console.warn(`spinecast: a '${String(event)}' listener threw`, error);
        }
      }
    },
  };
}
