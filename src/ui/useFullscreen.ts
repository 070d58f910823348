import { useCallback, useEffect, useState } from 'react';

/**
 * The browser's fullscreen for the whole page (lecture projectors). Browsers only grant it from a key
 * press or a click, which is where `toggle` is called from; a refusal leaves the page as it was.
 */
export function useFullscreen(onRefused: () => void): { active: boolean; supported: boolean; toggle: () => void } {
  const [active, setActive] = useState(() => document.fullscreenElement !== null);
  useEffect(() => {
    const onChange = () => setActive(document.fullscreenElement !== null);
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);
  const supported = typeof document.documentElement.requestFullscreen === 'function';
  const toggle = useCallback(() => {
    const request = document.fullscreenElement ? document.exitFullscreen() : document.documentElement.requestFullscreen?.();
    void request?.catch(onRefused);
  }, [onRefused]);
  return { active, supported, toggle };
}
