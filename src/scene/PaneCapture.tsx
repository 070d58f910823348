import { useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import { PerspectiveCamera, Vector2 } from 'three';
import type { SingleProcedure } from '../domain/caseParams.ts';
import type { FluoroShown } from '../render/fluoro/layout.ts';
import { fluoroLayout } from '../render/fluoro/layout.ts';
import { usePaneRegistry } from '../state/PaneRegistryContext.ts';

const saved = new Vector2();

/**
 * Lets the media code draw this pane at another size: the renderer is resized without touching the
 * page (no style change), one frame is run through the pane's own frame loop, the picture is handed
 * over, and the renderer is put back and redrawn before the task ends.
 */
export function PaneCapture({ pane, order, xray }: { pane: SingleProcedure; order: number; xray: FluoroShown }) {
  const get = useThree((s) => s.get);
  const registry = usePaneRegistry();

  useEffect(() => {
    if (!registry) return;
    return registry.register({
      pane,
      order,
      draw(width, height, receive) {
        const state = get();
        const { gl, camera } = state;
        const ratio = gl.getPixelRatio();
        gl.getSize(saved);
        const aspect = camera instanceof PerspectiveCamera ? camera.aspect : 1;
        const setAspect = (a: number) => {
          if (camera instanceof PerspectiveCamera) {
            camera.aspect = a;
            camera.updateProjectionMatrix();
          }
        };
        const was = registry.capturing;
        registry.setCapturing(true);
        try {
          gl.setPixelRatio(1);
          gl.setSize(width, height, false);
          setAspect(width / height);
          state.advance(performance.now(), false);
          const layout = fluoroLayout(xray, width, height);
          receive({ source: gl.domElement, xray: layout.ap && layout.lateral ? { ap: layout.ap, lateral: layout.lateral } : null });
        } finally {
          gl.setPixelRatio(ratio);
          gl.setSize(saved.x, saved.y, false);
          setAspect(aspect);
          state.advance(performance.now(), false);
          registry.setCapturing(was);
        }
      },
    });
  }, [registry, get, pane, order, xray]);

  return null;
}
