/**
 * Whether WebGL 2 runs here, and whether the GPU draws it or the CPU does (SwiftShader, llvmpipe and
 * the like, where a machine has no usable GPU). Found out once, with a throwaway context (main.tsx
 * asks after the shell has painted); the 3D view asks again (the same answer) to size its work to
 * the machine.
 * No three.js here: the shell imports this before the 3D view's code is fetched.
 */
export interface WebGLProbe {
  available: boolean;
  /** Drawn by the CPU: multisampling and large buffers cost far more than on a GPU. */
  software: boolean;
}

/** Renderer names of WebGL drawn in software. */
const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software|basic render/i;

let probed: WebGLProbe | null = null;

export function probeWebGL(): WebGLProbe {
  if (probed) return probed;
  try {
    const canvas = document.createElement('canvas');
    const gl = canvas.getContext('webgl2');
    if (!gl) probed = { available: false, software: false };
    else {
      // The unmasked name where the browser gives it; the plain RENDERER otherwise.
      const info = gl.getExtension('WEBGL_debug_renderer_info');
      const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? '');
      probed = { available: true, software: SOFTWARE_RENDERER.test(name) };
      gl.getExtension('WEBGL_lose_context')?.loseContext();
    }
  } catch {
    probed = { available: false, software: false };
  }
  return probed;
}

