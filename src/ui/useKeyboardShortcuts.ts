import { useEffect } from 'react';
import type { AppActions } from '../state/store.ts';
import { useAppStoreApi } from '../state/useAppStore.ts';

/** Elements whose own keyboard behaviour wins over the shortcuts. */
function ownsKey(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable) return true;
  if (tag === 'INPUT') {
    const type = (target as HTMLInputElement).type;
    // Presentation clickers send PageUp/PageDown: those still step, even from the scrubber.
    if (type === 'range') return key !== 'PageUp' && key !== 'PageDown' && key !== ' ';
    return true;
  }
  const role = target.getAttribute('role');
  if (role === 'radio' && key !== 'PageUp' && key !== 'PageDown' && key !== ' ') return true;
  if (key === ' ' && (tag === 'BUTTON' || tag === 'A' || tag === 'SUMMARY' || role === 'radio')) return true;
  return false;
}

const BINDINGS: Readonly<Record<string, (a: AppActions) => void>> = {
  ' ': (a) => a.togglePlay(),
  ArrowRight: (a) => a.next(),
  PageDown: (a) => a.next(),
  ArrowLeft: (a) => a.prev(),
  PageUp: (a) => a.prev(),
  Home: (a) => a.first(),
  End: (a) => a.last(),
};

/**
 * Space play/pause; ←/→ and PageUp/PageDown (presentation clickers) previous/next step; Home/End
 * first/last. The same store verbs the buttons and window.spinecast use.
 */
export function useKeyboardShortcuts(): void {
  const store = useAppStoreApi();
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent): void {
      if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
      const binding = BINDINGS[event.key];
      if (!binding || ownsKey(event.target, event.key)) return;
      event.preventDefault();
      binding(store.getState());
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store]);
}
