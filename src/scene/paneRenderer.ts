import type { WebGLRendererParameters } from 'three';
import { WebGLRenderer } from 'three';
import { probeWebGL } from '../render/webglProbe.ts';

/** What React Three Fiber hands a renderer factory: its default parameters and the canvas. */
type RendererDefaults = Omit<WebGLRendererParameters, 'canvas'> & { canvas: HTMLCanvasElement | EventTarget };

/**
 * A pane's renderer: multisampled edges where a GPU draws them, none where WebGL is drawn in
 * software (render/webglProbe.ts), as on these CI machines and on clinic PCs without a usable GPU.
 * Measured here in software (SwiftShader): creating a multisampled 1200 × 600 context took
 * 140–160 ms and each resize of it 45–180 ms, against 18 ms and 3 ms without multisampling; switching
 * to or from compare, which resizes the canvases, blocked the page for 300–650 ms.
 */
export function createPaneRenderer(defaults: RendererDefaults): WebGLRenderer {
  const renderer = new WebGLRenderer({
    ...defaults,
    canvas: defaults.canvas as HTMLCanvasElement,
    antialias: !probeWebGL().software,
  });
  renderer.localClippingEnabled = true;
  return renderer;
}
