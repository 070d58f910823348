import { useEffect, useRef } from 'react';
import type { AppActions, AppState } from '../state/store.ts';
import { useAppStoreApi } from '../state/useAppStore.ts';

/** Keys a presentation clicker sends: they step whatever has focus and whatever state the screen is in. */
const CLICKER_KEYS = new Set(['PageUp', 'PageDown']);

/** Keys a control that moves through values (a slider, a radio group, a list) uses itself. */
const NAVIGATION_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', ' ']);

/** Elements whose own keyboard behaviour wins over the shortcuts. */
function ownsKey(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (CLICKER_KEYS.has(key)) return false;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable) return true;
  if (tag === 'INPUT') {
    const type = (target as HTMLInputElement).type;
    if (type === 'range') return NAVIGATION_KEYS.has(key);
    if (type === 'checkbox' || type === 'radio' || type === 'button') return key === ' ';
    return true;
  }
  const role = target.getAttribute('role');
  if (role === 'radio' || role === 'slider' || role === 'spinbutton' || role === 'listbox' || role === 'option' || role === 'tab') {
    return NAVIGATION_KEYS.has(key);
  }
  return key === ' ' && (tag === 'BUTTON' || tag === 'A' || tag === 'SUMMARY' || role === 'checkbox' || role === 'button');
}

/** What the keys can reach besides the store: the browser's fullscreen and the key list. */
export interface ShortcutTargets {
  toggleFullscreen(): void;
  toggleKeyList(): void;
}

type Binding = (a: AppState & AppActions, targets: ShortcutTargets) => void;

const BINDINGS: Readonly<Record<string, Binding>> = {
  ' ': (a) => a.togglePlay(),
  ArrowRight: (a) => a.next(),
  PageDown: (a) => a.next(),
  ArrowLeft: (a) => a.prev(),
  PageUp: (a) => a.prev(),
  Home: (a) => a.first(),
  End: (a) => a.last(),
  f: (_, x) => x.toggleFullscreen(),
  F: (_, x) => x.toggleFullscreen(),
  // Clickers' "blank screen" button sends B or '.', as presentation software expects.
  b: (a) => a.setPresenter({ black: !a.presenter.black }),
  B: (a) => a.setPresenter({ black: !a.presenter.black }),
  '.': (a) => a.setPresenter({ black: !a.presenter.black }),
  h: (a) => a.setPresenter({ chromeHidden: !a.presenter.chromeHidden }),
  H: (a) => a.setPresenter({ chromeHidden: !a.presenter.chromeHidden }),
  '?': (_, x) => x.toggleKeyList(),
};

/**
 * Space play/pause; ←/→ and PageUp/PageDown (presentation clickers) previous/next step; Home/End
 * first/last; F fullscreen, B or '.' black screen, H hide the controls, ? the key list. Steps go
 * through the same store verbs the buttons and window.spinecast use.
 */
export function useKeyboardShortcuts(targets: ShortcutTargets): void {
  const store = useAppStoreApi();
  const latest = useRef(targets);
  latest.current = targets;
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent): void {
      if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
      const binding = BINDINGS[event.key];
      if (!binding || ownsKey(event.target, event.key)) return;
      event.preventDefault();
      binding(store.getState(), latest.current);
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store]);
}
