import { useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import { useAppStoreApi } from '../state/useAppStore.ts';

/**
 * WebGL context loss (GPU reset, too many tabs, a tablet going to sleep): pause with a message,
 * record the fault (so `data-ready` is not "true" over a blank canvas), and let the browser restore
 * the context. three rebuilds its GPU state on restore; the whole state is then drawn again (the 3D
 * view and the X-ray pair of every pane) without waiting for input.
 */
export function ContextLossWatcher({ owner }: { owner: string }) {
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
      s.setFault(owner, { code: 'webgl-lost', message: 'The WebGL context was lost.' });
      document.documentElement.setAttribute('data-webgl', 'lost');
    }
    function onRestored(): void {
      const s = store.getState();
      s.dismissNoticesByKey('notice.contextLost');
      s.notify({ kind: 'message', key: 'notice.contextRestored', tone: 'info' });
      s.setFault(owner, null);
      if (!Object.values(store.getState().faults).some((f) => f.code === 'webgl-lost')) {
        document.documentElement.setAttribute('data-webgl', 'true');
      }
      // A new version: every pane draws again, the X-ray pictures included, and data-ready waits for it.
      s.redraw();
      invalidate();
    }
    canvas.addEventListener('webglcontextlost', onLost);
    canvas.addEventListener('webglcontextrestored', onRestored);
    return () => {
      canvas.removeEventListener('webglcontextlost', onLost);
      canvas.removeEventListener('webglcontextrestored', onRestored);
      store.getState().setFault(owner, null);
    };
  }, [gl, store, invalidate, owner]);

  return null;
}
