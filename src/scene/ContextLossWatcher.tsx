import { useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import { useAppStoreApi } from '../state/useAppStore.ts';

/**
 * WebGL context loss (GPU reset, too many tabs, a tablet going to sleep): pause with a message and
 * let the browser restore the context; three rebuilds its GPU state on restore.
 */
export function ContextLossWatcher() {
  const store = useAppStoreApi();
  const gl = useThree((s) => s.gl);
  const invalidate = useThree((s) => s.invalidate);

  useEffect(() => {
    const canvas = gl.domElement;
    function onLost(event: Event): void {
      event.preventDefault();
      const s = store.getState();
      s.pause();
      s.dismissNoticesByKey('notice.contextRestored');
      s.notify({ kind: 'message', key: 'notice.contextLost', tone: 'warning' });
      document.documentElement.setAttribute('data-webgl', 'lost');
    }
    function onRestored(): void {
      const s = store.getState();
      s.dismissNoticesByKey('notice.contextLost');
      s.notify({ kind: 'message', key: 'notice.contextRestored', tone: 'info' });
      document.documentElement.setAttribute('data-webgl', 'true');
      invalidate();
    }
    canvas.addEventListener('webglcontextlost', onLost);
    canvas.addEventListener('webglcontextrestored', onRestored);
    return () => {
      canvas.removeEventListener('webglcontextlost', onLost);
      canvas.removeEventListener('webglcontextrestored', onRestored);
    };
  }, [gl, store, invalidate]);

  return null;
}
