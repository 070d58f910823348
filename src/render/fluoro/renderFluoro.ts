/**
 * Renders the AP and lateral fluoroscopy images of a scene: every mesh that carries an attenuation
 * (`userData.muPerMm`) is drawn with the thickness-accumulation material into a small half-float
 * target; everything else is hidden for the pass. Then `blit` draws an image into a screen rectangle.
 */
import type { Material, Object3D, Scene, WebGLRenderer } from 'three';
import { Color, HalfFloatType, Mesh, PerspectiveCamera, RGBAFormat, WebGLRenderTarget } from 'three';
import type { Vec3 } from '../../domain/anatomy/vec.ts';
import { cArmCamera, SOURCE_TO_SPINE_MM } from './cArm.ts';
import type { Projection } from './cArm.ts';
import { createDrrMaterial } from './drrMaterial.ts';
import { createFluoroDisplay } from './fluoroDisplay.ts';
import { METRES_PER_MM } from '../toScene.ts';

/** Image size of each projection, pixels: reduced resolution keeps the pair cheap. */
export const FLUORO_SIZE = 256;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface FluoroRenderer {
  /** Re-renders the attenuation image of a projection (optionally along another beam direction). */
  render(gl: WebGLRenderer, scene: Scene, projection: Projection, focusMm: Vec3, towardSource?: Vec3): void;
  /** Draws a projection into a rectangle of the canvas (device pixels, origin bottom-left). */
  blit(gl: WebGLRenderer, projection: Projection, rect: Rect, options: { denseBright: boolean; seed: number }): void;
  /** The camera of a projection as last rendered (for projecting points into the image). */
  camera(projection: Projection): PerspectiveCamera;
  /** Reads back the accumulated attenuation (μ·length) at a pixel of a projection. */
  read(gl: WebGLRenderer, projection: Projection, x: number, y: number): number;
  dispose(): void;
}

function halfToFloat(h: number): number {
  const s = (h & 0x8000) >> 15;
  const e = (h & 0x7c00) >> 10;
  const f = h & 0x03ff;
  if (e === 0) return (s ? -1 : 1) * 2 ** -14 * (f / 1024);
  if (e === 0x1f) return f ? Number.NaN : (s ? -1 : 1) * Infinity;
  return (s ? -1 : 1) * 2 ** (e - 15) * (1 + f / 1024);
}

export function createFluoroRenderer(): FluoroRenderer {
  const targets: Record<Projection, WebGLRenderTarget> = {
    ap: new WebGLRenderTarget(FLUORO_SIZE, FLUORO_SIZE, { type: HalfFloatType, format: RGBAFormat, depthBuffer: false }),
    lateral: new WebGLRenderTarget(FLUORO_SIZE, FLUORO_SIZE, { type: HalfFloatType, format: RGBAFormat, depthBuffer: false }),
  };
  const cameras: Record<Projection, PerspectiveCamera> = { ap: new PerspectiveCamera(), lateral: new PerspectiveCamera() };
  const materials = new Map<number, ReturnType<typeof createDrrMaterial>>();
  const display = createFluoroDisplay();
  const black = new Color(0, 0, 0);
  const saved = new Color();
  const swapped: { mesh: Mesh; material: Material | Material[] }[] = [];
  const hidden: Object3D[] = [];

  function materialFor(muPerMm: number) {
    let m = materials.get(muPerMm);
    if (!m) {
      m = createDrrMaterial(muPerMm / METRES_PER_MM);
      materials.set(muPerMm, m);
    }
    return m;
  }

  return {
    render(gl, scene, projection, focusMm, towardSource) {
      const camera = cArmCamera(projection, focusMm, cameras[projection], towardSource);
      const reference = SOURCE_TO_SPINE_MM * METRES_PER_MM;
      scene.traverse((node) => {
        if (!node.visible) return;
        const mu = node.userData['muPerMm'] as number | undefined;
        if (node instanceof Mesh && mu !== undefined) {
          // instanceof narrows to Mesh<any>; the mesh is an ordinary one.
          const mesh = node as Mesh;
          swapped.push({ mesh, material: mesh.material });
          const m = materialFor(mu);
          m.uniforms['uReference']!.value = reference;
          mesh.material = m;
        } else if ((node as Mesh).isMesh || (node as { isLine?: boolean }).isLine || (node as { isPoints?: boolean }).isPoints) {
          node.visible = false;
          hidden.push(node);
        }
      });
      const background = scene.background;
      scene.background = null;
      const alpha = gl.getClearAlpha();
      gl.getClearColor(saved);
      gl.setRenderTarget(targets[projection]);
      gl.setClearColor(black, 0);
      gl.clear(true, false, false);
      gl.render(scene, camera);
      gl.setRenderTarget(null);
      gl.setClearColor(saved, alpha);
      scene.background = background;
      for (const { mesh, material } of swapped) mesh.material = material;
      for (const node of hidden) node.visible = true;
      swapped.length = 0;
      hidden.length = 0;
    },
    blit(gl, projection, rect, options) {
      display.set(targets[projection].texture, FLUORO_SIZE, options);
      const autoClear = gl.autoClear;
      gl.autoClear = false;
      gl.setScissorTest(true);
      gl.setScissor(rect.x, rect.y, rect.width, rect.height);
      gl.setViewport(rect.x, rect.y, rect.width, rect.height);
      gl.render(display.scene, display.camera);
      gl.setScissorTest(false);
      gl.autoClear = autoClear;
    },
    camera: (projection) => cameras[projection],
    read(gl, projection, x, y) {
      const out = new Uint16Array(4);
      gl.readRenderTargetPixels(targets[projection], x, y, 1, 1, out);
      return halfToFloat(out[0]!);
    },
    dispose() {
      targets.ap.dispose();
      targets.lateral.dispose();
      for (const m of materials.values()) m.dispose();
      display.material.dispose();
    },
  };
}
