import { SceneHtml } from './SceneHtml.tsx';
import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import type { Group } from 'three';
import { BufferAttribute, BufferGeometry, LineBasicMaterial, Vector3 } from 'three';
import { wedgeAngleDeg } from '../domain/anatomy/fracture.ts';
import type { Vec3 } from '../domain/anatomy/vec.ts';
import type { CaseParams, SingleProcedure } from '../domain/caseParams.ts';
import type { HeightLines, Heights } from '../domain/procedures/caseMetrics.ts';
import { prepareHeightLines } from '../domain/procedures/caseMetrics.ts';
import { restoredShareFor } from '../domain/procedures/restoration.ts';
import { collapseOf } from '../domain/procedures/samplePose.ts';
import { useT } from '../i18n/useT.ts';
import type { LabelItem } from '../render/labelStack.ts';
import { labelStackScratch, stackLabelsInto } from '../render/labelStack.ts';
import { mmToScene } from '../render/toScene.ts';
import { useAppStoreApi } from '../state/useAppStore.ts';
import { useShotState } from './ShotContext.ts';
import { usePaneFrameSource } from './paneFrame.ts';

/** Writes a point (mm, lifted by dz along z) into a line geometry's positions, in scene units. */
function putPoint(positions: BufferAttribute, index: number, v: Vec3, dz: number): void {
  positions.setXYZ(index, mmToScene(v[0]), mmToScene(v[1]), mmToScene(v[2] + dz));
}

export interface HeightMarkersProps {
  params: CaseParams;
  procedure: SingleProcedure;
}

const LINES = ['anterior', 'middle', 'posterior'] as const satisfies readonly (keyof Heights)[];
/** Every label: the three heights and the wedge angle. */
const LABEL_KEYS = [...LINES, 'wedge'] as const;
/** Half-length of the tick at each end of a measuring line, mm. [U] visual. */
const TICK_MM = 2;
/** How far the wedge lines run past the front and back measuring lines, as a share of their span. */
const WEDGE_OVERHANG = 0.35;
/** Gap between the top wedge line and its label, mm. [U] visual. */
const LABEL_GAP_MM = 2.5;

/**
 * Height markers on the treated vertebra: the anterior, middle and posterior measuring lines as
 * drawn now, each with its height in millimetres, following the balloon as it lifts the endplate;
 * on demand, the wedge angle between the endplates. The lines come from the same measurement as the
 * metrics (caseMetrics.ts), so the numbers on the picture are the numbers in `getState()`.
 */
export function HeightMarkers({ params, procedure }: HeightMarkersProps) {
  const t = useT();
  const store = useAppStoreApi();
  const shot = useShotState();
  const source = usePaneFrameSource();
  const share = restoredShareFor(procedure, params.restoration);
  const { level, grade, shape } = params;
  const linesAt = useMemo(() => prepareHeightLines({ level, grade, shape }), [level, grade, shape]);
  const parts = useMemo(() => {
    const heights = new BufferGeometry();
    heights.setAttribute('position', new BufferAttribute(new Float32Array(LINES.length * 3 * 2 * 3), 3));
    const wedge = new BufferGeometry();
    wedge.setAttribute('position', new BufferAttribute(new Float32Array(2 * 2 * 3), 3));
    // Drawn over the cut face and the instruments: a measurement, not an object in the scene.
    const material = new LineBasicMaterial({ color: '#ffe066', depthTest: false, transparent: true });
    const wedgeMaterial = new LineBasicMaterial({ color: '#7ee0ff', depthTest: false, transparent: true });
    return { heights, wedge, material, wedgeMaterial };
  }, []);
  useEffect(
    () => () => {
      parts.heights.dispose();
      parts.wedge.dispose();
      parts.material.dispose();
      parts.wedgeMaterial.dispose();
    },
    [parts],
  );
  const root = useRef<Group>(null);
  const anchors = useRef<Record<string, Group | null>>({});
  const labels = useRef<Record<string, HTMLSpanElement | null>>({});
  // Each label's size, kept current by the browser (a new number, a font arriving, larger text).
  const sizes = useRef<Record<string, [number, number] | undefined>>({});
  const scratch = useMemo(() => new Vector3(), []);
  // The feet on the screen, the stacking's working arrays and the offsets last written, made once:
  // the frame loop only writes into them.
  const placing = useMemo(
    () => ({
      items: LINES.map((): LabelItem => ({ x: 0, y: 0, w: 0, h: 0 })),
      stack: labelStackScratch(LINES.length),
      written: LINES.map(() => ({ span: null as HTMLSpanElement | null, dx: Number.NaN, drop: Number.NaN })),
    }),
    [],
  );
  // The labels mount in drei's own root, after this component: each is watched from its first frame.
  const observed = useMemo(() => new WeakSet<HTMLElement>(), []);
  // A label that changed size may now overlap another: draw a frame to place them again (the
  // view draws on demand, so nothing else would).
  const invalidate = useThree((st) => st.invalidate);
  const observer = useMemo(
    () =>
      new ResizeObserver((entries) => {
        for (const e of entries) {
          const key = (e.target as HTMLElement).dataset['measure'];
          const box = e.borderBoxSize[0];
          // A hidden label measures nothing: its size counts once it is shown.
          if (key && box && box.inlineSize > 0) sizes.current[key] = [box.inlineSize, box.blockSize];
        }
        invalidate();
      }),
    [invalidate],
  );
  useEffect(() => () => observer.disconnect(), [observer]);
  useEffect(() => () => void source.waiting.delete(MEASURING), [source]);

  // What the lines and labels were last drawn for: they change only when the collapse does (the
  // balloon lifting the endplate), the wedge layer is switched, or the language changes.
  const drawnFor = useRef({ collapse: Number.NaN, wedgeOn: false, t, linesAt, lines: null as HeightLines | null });
  // Whether each label was last shown, so its style is written only on a change.
  const displayed = useRef<Record<string, boolean | undefined>>({});

  useFrame(({ camera, size }) => {
    const s = store.getState();
    const g = root.current;
    if (!g) return;
    const visible = shot?.measures ?? false;
    g.visible = visible;
    const wedgeOn = visible && s.layers.wedge;
    let unmeasured = false;
    for (const key of LABEL_KEYS) {
      const span = labels.current[key];
      if (!span) continue;
      if (!observed.has(span)) {
        observed.add(span);
        observer.observe(span);
        displayed.current[key] = undefined;
        // A label element new to this frame gets its text below.
        drawnFor.current.lines = null;
      }
      const on = visible && (key !== 'wedge' || wedgeOn);
      if (displayed.current[key] !== on) {
        span.style.display = on ? '' : 'none';
        displayed.current[key] = on;
        // Shown again: placed once the browser has measured it.
        if (on) sizes.current[key] = undefined;
      }
      if (on && !sizes.current[key]) unmeasured = true;
    }
    // A label shown but not yet measured is placed as if it had no size, perhaps over another: the
    // frame does not show the state until the measurement has come (it asks for the next frame).
    if (unmeasured) source.waiting.add(MEASURING);
    else source.waiting.delete(MEASURING);
    if (!visible) return;
    const collapse = collapseOf(source.frame.fractions, share);
    const last = drawnFor.current;
    if (!last.lines || last.collapse !== collapse || last.wedgeOn !== wedgeOn || last.t !== t || last.linesAt !== linesAt) {
      last.lines = drawLines(linesAt(collapse), wedgeOn);
      last.collapse = collapse;
      last.wedgeOn = wedgeOn;
      last.t = t;
      last.linesAt = linesAt;
    }
    // Where the three feet fall on the screen: labels that would overlap there hang lower instead.
    // This frame's camera (the rig moved it just now; the renderer would update it only later).
    camera.updateMatrixWorld();
    g.updateWorldMatrix(true, false);
    const { items, stack, written } = placing;
    for (let j = 0; j < LINES.length; j++) {
      const k = LINES[j]!;
      scratch.copy(anchors.current[k]?.position ?? scratch.set(0, 0, 0)).applyMatrix4(g.matrixWorld).project(camera);
      const wh = sizes.current[k];
      const item = items[j]!;
      item.x = ((scratch.x + 1) / 2) * size.width;
      item.y = ((1 - scratch.y) / 2) * size.height;
      item.w = wh?.[0] ?? 0;
      item.h = wh?.[1] ?? 0;
    }
    const offsets = stackLabelsInto(items, size.width, stack);
    for (let j = 0; j < LINES.length; j++) {
      const span = labels.current[LINES[j]!];
      const dx = Math.round(offsets[j * 2]!);
      const drop = Math.round(offsets[j * 2 + 1]!);
      const was = written[j]!;
      // A new transform string only when the whole-pixel offset moves, or the label is a new element.
      if (!span || (was.span === span && was.dx === dx && was.drop === drop)) continue;
      span.style.transform = `translate(${dx}px, ${drop}px)`;
      was.span = span;
      was.dx = dx;
      was.drop = drop;
    }
  }, -0.5);

  /** Writes the measuring lines, their labels and (when on) the wedge lines for one collapse. */
  function drawLines(lines: HeightLines, wedgeOn: boolean): HeightLines {
    const p = parts.heights.getAttribute('position') as BufferAttribute;
    let i = 0;
    for (const k of LINES) {
      const { top, bottom, mm } = lines[k];
      putPoint(p, i++, top, 0);
      putPoint(p, i++, bottom, 0);
      putPoint(p, i++, top, -TICK_MM);
      putPoint(p, i++, top, TICK_MM);
      putPoint(p, i++, bottom, -TICK_MM);
      putPoint(p, i++, bottom, TICK_MM);
      // Labels hang under the body (staggered in CSS), clear of the balloon and the cement.
      anchors.current[k]?.position.set(mmToScene(bottom[0]), mmToScene(bottom[1]), mmToScene(bottom[2]));
      show(k, t('measure.heightMm', { mm: t.number(mm, 1) }), mm);
    }
    p.needsUpdate = true;
    if (wedgeOn) {
      const w = parts.wedge.getAttribute('position') as BufferAttribute;
      const a = lines.anterior;
      const b = lines.posterior;
      const ext = (from: Vec3, to: Vec3, u: number): Vec3 => [from[0] + (to[0] - from[0]) * u, from[1] + (to[1] - from[1]) * u, from[2] + (to[2] - from[2]) * u];
      putPoint(w, 0, ext(a.top, b.top, -WEDGE_OVERHANG), 0);
      putPoint(w, 1, ext(a.top, b.top, 1 + WEDGE_OVERHANG), 0);
      putPoint(w, 2, ext(a.bottom, b.bottom, -WEDGE_OVERHANG), 0);
      putPoint(w, 3, ext(a.bottom, b.bottom, 1 + WEDGE_OVERHANG), 0);
      w.needsUpdate = true;
      const deg = wedgeAngleDeg(level, a.mm, b.mm);
      const at = ext(a.top, b.top, -WEDGE_OVERHANG);
      anchors.current['wedge']?.position.set(mmToScene(at[0]), mmToScene(at[1] + 2 * LABEL_GAP_MM), mmToScene(at[2]));
      show('wedge', t('measure.wedge', { deg: t.number(deg, 1) }), deg);
    }
    parts.wedge.setDrawRange(0, wedgeOn ? 4 : 0);
    return lines;
  }

  function show(key: string, text: string, value: number): void {
    const span = labels.current[key];
    if (!span) return;
    const v = value.toFixed(3);
    if (span.textContent !== text) span.textContent = text;
    span.dataset['value'] = v;
  }

  return (
    <group ref={root} visible={false}>
      <lineSegments geometry={parts.heights} material={parts.material} renderOrder={20} frustumCulled={false} />
      <lineSegments geometry={parts.wedge} material={parts.wedgeMaterial} renderOrder={20} frustumCulled={false} />
      {LABEL_KEYS.map((k) => (
        <group key={k} ref={(g) => void (anchors.current[k] = g)}>
          <SceneHtml center zIndexRange={[2, 0]} className="scene-label-host">
            <span
              ref={(el) => void (labels.current[k] = el)}
              className={`scene-label scene-label--measure${k === 'wedge' ? ' scene-label--wedge' : ''}`}
              data-measure={k}
              title={k === 'wedge' ? t('layers.wedge') : t(`measure.line.${k}`)}
              style={{ display: 'none' }}
            />
          </SceneHtml>
        </group>
      ))}
    </group>
  );
}

/** What the pane waits for while a height label shown is not yet measured. */
const MEASURING = 'height labels measured';
