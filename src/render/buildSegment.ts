/**
 * Turns the loaded level files into one scene group: materials by tissue, the lower level of detail
 * for the outer levels, and the treated level (plus the disc above it) fractured at run time.
 */
import type { BufferGeometry, Material, MeshStandardMaterial, Object3D } from 'three';
import { BackSide, BufferAttribute, BufferGeometry as Geometry, Group, LineSegments, Matrix4, Mesh, Plane, Vector3 } from 'three';
import type { FractureParams } from '../domain/anatomy/fracture.ts';
import { NEAR_CUT, materialFor } from './anatomyMaterials.ts';
import type { FracturedGeometry } from './fracturedGeometry.ts';
import { fractureGeometry } from './fracturedGeometry.ts';
import type { MeshKind } from './partKind.ts';
import { RENDER_ORDER, meshKindOf } from './partKind.ts';
import { MU_PER_MM } from './fluoro/attenuation.ts';
import { buildSectionCap } from './sectionCap.ts';
import { cleftOutline, fractureLines } from '../domain/anatomy/fractureLine.ts';
import { vertebraTransform } from '../domain/anatomy/spineLayout.ts';
import { apply, invert } from '../domain/anatomy/vec.ts';
import { createSectionMaterials } from './sectionMaterials.ts';

/**
 * What a mesh adds to an X-ray. The outer bone counts as cortical throughout; the cancellous mesh
 * inside it then adds the difference, so the interior ends up with the cancellous value. Soft parts
 * other than the discs are left out (close to the background's attenuation, and open sheets).
 */
function attenuationOf(kind: MeshKind): number | undefined {
  switch (kind) {
    case 'bone':
    case 'boneLod':
    case 'rib':
      return MU_PER_MM.cortical;
    case 'cancellous':
      return MU_PER_MM.cancellous - MU_PER_MM.cortical;
    case 'annulus':
      return MU_PER_MM.disc;
    default:
      return undefined;
  }
}

const scratch = new Vector3();

export interface SegmentLevel {
  id: string;
  scene: Object3D;
}

export interface BuiltSegment {
  group: Group;
  /** Sets how collapsed the treated level is (1 = as fractured, 0 = intact). */
  setCollapse(k: number): void;
  /** Meshes by kind, for layer toggles and the cutaway. */
  byKind: Map<MeshKind, Mesh[]>;
  /** The treated level's outer bone. */
  targetBone: Mesh | null;
  /**
   * Opens the treated vertebra along a sagittal plane through `pointWorld` (metres, world frame),
   * removing the half on the camera's side (`toward` −1: toward −X, the patient's right; +1 the
   * left), or closes it (null). The cut face is filled (cortical shell and cancellous interior), and
   * the outline of the intact section is drawn faintly: the vertebra before the fracture.
   */
  setCutaway(pointWorld: Vector3 | null, toward?: 1 | -1): void;
  dispose(): void;
}

export function buildSegment(levels: readonly SegmentLevel[], target: string, fracture: FractureParams): BuiltSegment {
  const group = new Group();
  group.name = `segment-${target}`;
  const fractured: FracturedGeometry[] = [];
  const owned: BufferGeometry[] = [];
  const byKind = new Map<MeshKind, Mesh[]>();
  let targetBone: Mesh | null = null;
  let boneSource: { geometry: BufferGeometry; matrix: Matrix4 } | null = null;
  let cancellousSource: { geometry: BufferGeometry; matrix: Matrix4 } | null = null;
  const targetIndex = levels.findIndex((l) => l.id === target);
  const above = targetIndex > 0 ? levels[targetIndex - 1]!.id : null;

  levels.forEach((level, i) => {
    const outer = Math.abs(i - targetIndex) >= 2;
    level.scene.updateMatrixWorld(true);
    level.scene.traverse((node) => {
      if (!(node instanceof Mesh)) return;
      const kind = meshKindOf(node.name, level.id);
      // Full detail near the treated level, the lower level of detail further out.
      if ((kind === 'bone' && outer) || (kind === 'boneLod' && !outer)) return;
      const isTarget = level.id === target;
      const material = materialFor(kind, isTarget);
      if (!material) return;
      const followsFracture = isTarget || (level.id === above && (kind === 'annulus' || kind === 'nucleus'));
      let mesh: Mesh;
      if (followsFracture) {
        const f = fractureGeometry(node.geometry as BufferGeometry, node.matrixWorld, fracture);
        fractured.push(f);
        owned.push(f.geometry);
        mesh = new Mesh(f.geometry, material);
      } else {
        mesh = new Mesh(node.geometry as BufferGeometry, material);
        mesh.matrixAutoUpdate = false;
        mesh.matrix.copy(node.matrixWorld);
      }
      mesh.name = node.name;
      mesh.renderOrder = RENDER_ORDER[kind];
      mesh.userData['kind'] = kind;
      const mu = attenuationOf(kind);
      if (mu !== undefined) mesh.userData['muPerMm'] = mu;
      mesh.userData['level'] = level.id;
      if (isTarget && kind === 'bone') {
        targetBone = mesh;
        boneSource = { geometry: node.geometry as BufferGeometry, matrix: node.matrixWorld.clone() };
      }
      if (isTarget && kind === 'cancellous') cancellousSource = { geometry: node.geometry as BufferGeometry, matrix: node.matrixWorld.clone() };
      const list = byKind.get(kind) ?? [];
      list.push(mesh);
      byKind.set(kind, list);
      group.add(mesh);
    });
  });

  // Cutaway: the treated bone clipped, its inside faces drawn in the colour of cancellous bone so
  // the cut reads as a section. Clipping planes are in world space, so the plane moves with the group.
  const plane = new Plane(new Vector3(1, 0, 0), 0);
  const cutOutside = (materialFor('bone', true) as MeshStandardMaterial).clone();
  cutOutside.clippingPlanes = [plane, NEAR_CUT];
  const cutInside = (materialFor('cancellous', true) as MeshStandardMaterial).clone();
  cutInside.side = BackSide;
  cutInside.clippingPlanes = [plane, NEAR_CUT];
  const bone = targetBone as Mesh | null;
  const inside = bone ? new Mesh(bone.geometry, cutInside) : null;
  if (inside && bone) {
    inside.name = `${target}_cut`;
    inside.visible = false;
    inside.matrixAutoUpdate = bone.matrixAutoUpdate;
    inside.matrix.copy(bone.matrix);
    group.add(inside);
  }
  const closedMaterial = bone?.material;
  const cancellous = byKind.get('cancellous') ?? [];

  // The cut face, built on first use for each cut (side and place).
  const section = createSectionMaterials();
  const caps = new Map<string, { cap: Mesh; outline: LineSegments; fractured: FracturedGeometry }>();
  let shownCap: { cap: Mesh; outline: LineSegments } | null = null;
  let collapse = 1;
  function capFor(x0: number, toward: 1 | -1) {
    const key = `${x0.toFixed(6)}|${toward}`;
    let entry = caps.get(key);
    if (!entry && boneSource) {
      const built = buildSectionCap(boneSource, cancellousSource, x0, toward);
      const f = fractureGeometry(built.geometry, new Matrix4(), fracture);
      built.geometry.dispose();
      f.setCollapse(collapse);
      fractured.push(f);
      owned.push(f.geometry);
      const cap = new Mesh(f.geometry, [section.cortical, section.cancellous]);
      cap.name = `${target}_section`;
      const lineGeometry = new Geometry();
      // A little toward the camera, so the outline is not lost in the face.
      const lifted = built.outline.slice();
      for (let i = 0; i < lifted.length; i += 3) lifted[i]! += toward * 0.0003;
      lineGeometry.setAttribute('position', new BufferAttribute(lifted, 3));
      owned.push(lineGeometry);
      const outline = new LineSegments(lineGeometry, section.outline);
      outline.computeLineDistances();
      outline.name = `${target}_intact_outline`;
      outline.renderOrder = 5;
      // A drawing on the face that follows the fracture as it collapses and is restored.
      const onFace = (flat: BufferGeometry, material: Material, name: string, renderOrder: number) => {
        const m = fractureGeometry(flat, new Matrix4(), fracture);
        flat.dispose();
        m.setCollapse(collapse);
        fractured.push(m);
        owned.push(m.geometry);
        const mesh = new Mesh(m.geometry, material);
        mesh.name = `${target}_${name}`;
        mesh.renderOrder = renderOrder;
        cap.add(mesh);
      };
      // The fracture drawn on the face: a band of compacted bone under the collapsed endplate.
      onFace(fractureRibbon(fracture, x0 + toward * 0.0001), section.fracture, 'fracture', 1);
      // The cleft, where the cut crosses it: a dark gap of fluid or gas under the collapsed endplate.
      const gap = cleftFace(fracture, x0 + toward * 0.00012);
      if (gap) onFace(gap, section.cleft, 'cleft', 2);
      group.add(cap, outline);
      entry = { cap, outline, fractured: f };
      caps.set(key, entry);
    }
    return entry ?? null;
  }

  return {
    group,
    byKind,
    targetBone,
    setCollapse(k) {
      collapse = k;
      for (const f of fractured) f.setCollapse(k);
    },
    setCutaway(point, toward = -1) {
      if (!bone || !inside) return;
      const open = point !== null;
      if (point) plane.setFromNormalAndCoplanarPoint(new Vector3(-toward, 0, 0), point);
      bone.material = open ? cutOutside : (closedMaterial as MeshStandardMaterial);
      inside.visible = open;
      for (const c of cancellous) c.visible = false;
      const next = point ? capFor(group.worldToLocal(scratch.copy(point)).x, toward) : null;
      if (shownCap && shownCap !== next) {
        shownCap.cap.visible = false;
        shownCap.outline.visible = false;
      }
      if (next) {
        next.cap.visible = true;
        next.outline.visible = true;
      }
      shownCap = next;
    },
    dispose() {
      for (const g of owned) g.dispose();
      cutOutside.dispose();
      cutInside.dispose();
      section.dispose();
    },
  };
}

/** Half the thickness of the drawn fracture band, mm. [U] visual. */
const FRACTURE_HALF_MM = 0.45;

/** The fracture lines as a thin band of triangles in the plane x = x0 (scene metres). */
function fractureRibbon(fracture: FractureParams, x0: number): Geometry {
  const toLocal = invert(vertebraTransform(fracture.level));
  const xLocal = apply(toLocal, [x0 * 1000, 0, 0])[0];
  const positions: number[] = [];
  const h = FRACTURE_HALF_MM / 1000;
  for (const line of fractureLines(fracture, xLocal)) {
    for (let i = 0; i + 1 < line.length; i++) {
      const a = line[i]!;
      const b = line[i + 1]!;
      const [ay, az, by, bz] = [a[1] / 1000, a[2] / 1000, b[1] / 1000, b[2] / 1000];
      positions.push(x0, ay - h, az, x0, by - h, bz, x0, by + h, bz);
      positions.push(x0, ay - h, az, x0, by + h, bz, x0, ay + h, az);
    }
  }
  const g = new Geometry();
  g.setAttribute('position', new BufferAttribute(new Float32Array(positions), 3));
  return g;
}

/** The cleft's section in the plane x = x0 as a fan of triangles (scene metres), or null without one. */
function cleftFace(fracture: FractureParams, x0: number): Geometry | null {
  const outline = cleftOutline(fracture, x0 * 1000);
  if (outline.length < 3) return null;
  const mid = outline.reduce((m, p) => [m[0] + p[0] / outline.length, m[1] + p[1] / outline.length, m[2] + p[2] / outline.length], [0, 0, 0]);
  const positions: number[] = [];
  for (let i = 0; i < outline.length; i++) {
    const a = outline[i]!;
    const b = outline[(i + 1) % outline.length]!;
    positions.push(x0, mid[1] / 1000, mid[2] / 1000, x0, a[1] / 1000, a[2] / 1000, x0, b[1] / 1000, b[2] / 1000);
  }
  const g = new Geometry();
  g.setAttribute('position', new BufferAttribute(new Float32Array(positions), 3));
  return g;
}
