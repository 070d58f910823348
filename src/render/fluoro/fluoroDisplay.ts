/**
 * Turns accumulated attenuation into the look of a fluoroscopy image: Beer–Lambert transmission,
 * a circular field (image intensifier), quantum noise (seeded by the frame's state so the same state
 * gives the same picture), and mild edge enhancement. Dense can be shown dark (most fluoroscopy
 * monitors) or bright (radiograph convention).
 */
import type { Texture } from 'three';
import { Mesh, OrthographicCamera, PlaneGeometry, Scene, ShaderMaterial, Vector2 } from 'three';

export interface FluoroDisplay {
  scene: Scene;
  camera: OrthographicCamera;
  material: ShaderMaterial;
  set(texture: Texture, size: number, options: { denseBright: boolean; seed: number }): void;
}

export function createFluoroDisplay(): FluoroDisplay {
  const material = new ShaderMaterial({
    uniforms: {
      uAttenuation: { value: null },
      uTexel: { value: new Vector2(1 / 256, 1 / 256) },
      uDenseBright: { value: 0 },
      uSeed: { value: 0 },
    },
    vertexShader: /* glsl */ `
      varying vec2 vUv;
      void main() { vUv = uv; gl_Position = vec4(position.xy, 0.0, 1.0); }
    `,
    fragmentShader: /* glsl */ `
      uniform sampler2D uAttenuation;
      uniform vec2 uTexel;
      uniform float uDenseBright;
      uniform float uSeed;
      varying vec2 vUv;
      float hash(vec2 p) { return fract(sin(dot(p, vec2(12.9898, 78.233)) + uSeed) * 43758.5453); }
      float transmitted(vec2 uv) { return exp(-max(texture2D(uAttenuation, uv).r, 0.0)); }
      void main() {
        float c = transmitted(vUv);
        // Unsharp mask: a little of the Laplacian added back sharpens bone edges.
        float blur = (transmitted(vUv + vec2(uTexel.x, 0.0)) + transmitted(vUv - vec2(uTexel.x, 0.0)) +
                      transmitted(vUv + vec2(0.0, uTexel.y)) + transmitted(vUv - vec2(0.0, uTexel.y))) * 0.25;
        float signal = clamp(c + 0.6 * (c - blur), 0.0, 1.0);
        // Quantum noise grows where fewer photons arrive.
        float noise = (hash(floor(vUv / uTexel)) - 0.5) * 0.06 * (1.0 - 0.5 * signal);
        float grey = pow(signal, 0.65) + noise;
        grey = mix(grey, 1.0 - grey, uDenseBright);
        // Circular field of the image intensifier, with a soft edge.
        float r = length(vUv - 0.5) * 2.0;
        float field = 1.0 - smoothstep(0.92, 0.98, r);
        gl_FragColor = vec4(vec3(clamp(grey, 0.0, 1.0) * field), 1.0);
      }
    `,
    depthTest: false,
    depthWrite: false,
  });
  const quad = new Mesh(new PlaneGeometry(2, 2), material);
  quad.frustumCulled = false;
  const scene = new Scene();
  scene.add(quad);
  const camera = new OrthographicCamera(-1, 1, 1, -1, 0, 1);
  return {
    scene,
    camera,
    material,
    set(texture, size, { denseBright, seed }) {
      material.uniforms['uAttenuation']!.value = texture;
      (material.uniforms['uTexel']!.value as Vector2).set(1 / size, 1 / size);
      material.uniforms['uDenseBright']!.value = denseBright ? 1 : 0;
      material.uniforms['uSeed']!.value = seed;
    },
  };
}
