/**
 * Thickness accumulation for a digitally reconstructed radiograph: each closed mesh adds
 * μ × (distance to its back faces − distance to its front faces) along every ray, so the sum over a
 * pixel is the line integral of attenuation. Additive blending into a half-float target (no
 * float-blend extension needed: iPads lack it). Distances are taken relative to `uReference` so the
 * half-float values stay small and precise.
 */
import { AdditiveBlending, DoubleSide, ShaderMaterial } from 'three';

export function createDrrMaterial(muPerMetre: number): ShaderMaterial {
  return new ShaderMaterial({
    uniforms: { uMu: { value: muPerMetre }, uReference: { value: 0 } },
    vertexShader: /* glsl */ `
      varying vec3 vView;
      void main() {
        vec4 local = vec4(position, 1.0);
        #ifdef USE_INSTANCING
          local = instanceMatrix * local;
        #endif
        vec4 view = modelViewMatrix * local;
        vView = view.xyz;
        gl_Position = projectionMatrix * view;
      }
    `,
    fragmentShader: /* glsl */ `
      uniform float uMu;
      uniform float uReference;
      varying vec3 vView;
      void main() {
        float d = length(vView) - uReference;
        // Entering a solid (front face) subtracts, leaving it (back face) adds: the sum is μ × length inside.
        float signedPath = gl_FrontFacing ? -d : d;
        gl_FragColor = vec4(uMu * signedPath, 0.0, 0.0, 1.0);
      }
    `,
    side: DoubleSide,
    blending: AdditiveBlending,
    depthTest: false,
    depthWrite: false,
    transparent: true,
  });
}
