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
  // Checking each new shader program for errors reads its status back at once, which blocks the page
  // until the GPU process has compiled it (in software, 10–150 ms per program on a switch). The built
  // app leaves the compile to run behind; development keeps the check and its messages.
  renderer.debug.checkShaderErrors = import.meta.env.DEV;
  return renderer;
}
