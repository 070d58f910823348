/**
 * One picture of what is shown, at any size: each 3D pane drawn by the scene at its share of the
 * picture (compare: side by side, or stacked when the picture is taller than wide), the X-ray
 * pictures' names where they are, and optionally the caption with its source line underneath.
 * Synchronous: each pane's canvas is only valid in the task that drew it.
 */
import type { Lang, SingleProcedure } from '../domain/caseParams.ts';
import { translate } from '../i18n/translate.ts';
import type { DrawnRect, PaneRegistry } from '../state/paneCapture.ts';
import type { CaptionLines } from './captionLines.ts';
import { MediaError } from './mediaTypes.ts';

const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif";
/** styles.css palette: background, dock, text, muted text, accent, pane divider. */
const COLOURS = { background: '#1b2030', dock: '#12151f', text: '#eef1f7', muted: '#b5bdd0', accent: '#f0c98a', line: '#38415c' };

export interface FrameContent {
  lang: Lang;
  /** The pane names are written on the panes when more than one is shown. */
  paneTitles: boolean;
  /** The AP picture looks down the needle path during docking (bull's-eye). */
  bullseye: boolean;
  caption: CaptionLines | null;
}

export function composeFrame(ctx: CanvasRenderingContext2D, width: number, height: number, panes: PaneRegistry, content: FrameContent): void {
  const drawers = panes.list();
  if (drawers.length === 0) throw new MediaError('no-view', 'There is no 3D view on screen to draw (WebGL unavailable or not loaded).');
  ctx.fillStyle = COLOURS.background;
  ctx.fillRect(0, 0, width, height);

  const band = content.caption ? layoutCaption(ctx, width, height, content.caption) : null;
  const viewHeight = height - (band?.height ?? 0);
  const gap = drawers.length > 1 ? Math.max(2, Math.round(width / 960)) : 0;
  const sideBySide = width >= viewHeight;
  const n = drawers.length;
  const paneW = sideBySide ? Math.floor((width - gap * (n - 1)) / n) : width;
  const paneH = sideBySide ? viewHeight : Math.floor((viewHeight - gap * (n - 1)) / n);
  if (n > 1) {
    ctx.fillStyle = COLOURS.line;
    ctx.fillRect(0, 0, width, viewHeight);
  }
  const unit = Math.max(10, Math.round(Math.min(width, height) / 54));

  drawers.forEach((drawer, i) => {
    const x = sideBySide ? i * (paneW + gap) : 0;
    const y = sideBySide ? 0 : i * (paneH + gap);
    drawer.draw(paneW, paneH, ({ source, xray }) => {
      ctx.drawImage(source, 0, 0, paneW, paneH, x, y, paneW, paneH);
      if (xray) {
        const top = (r: DrawnRect) => y + paneH - r.y - r.height;
        const apName = translate(content.lang, content.bullseye ? 'fluoro.bullseye' : 'fluoro.ap');
        tag(ctx, apName, x + xray.ap.x + unit * 0.4, top(xray.ap) + xray.ap.height - unit * 0.4, unit * 0.8, 'bottom-left');
        tag(ctx, translate(content.lang, 'fluoro.lateral'), x + xray.lateral.x + unit * 0.4, top(xray.lateral) + xray.lateral.height - unit * 0.4, unit * 0.8, 'bottom-left');
      }
      if (content.paneTitles) tag(ctx, paneTitle(content.lang, drawer.pane), x + paneW - unit * 0.6, y + unit * 0.6, unit, 'top-right');
    });
  });

  if (band) drawCaption(ctx, width, height, band);
}

function paneTitle(lang: Lang, pane: SingleProcedure): string {
  return translate(lang, pane === 'vp' ? 'procedure.vp.long' : 'procedure.bkp.long');
}

/** A name on a dark plate, anchored at a corner. */
function tag(ctx: CanvasRenderingContext2D, text: string, x: number, y: number, size: number, anchor: 'bottom-left' | 'top-right'): void {
  ctx.font = `700 ${Math.round(size)}px ${FONT}`;
  const pad = size * 0.35;
  const w = ctx.measureText(text).width + 2 * pad;
  const h = size * 1.4;
  const left = anchor === 'top-right' ? x - w : x;
  const top = anchor === 'top-right' ? y : y - h;
  ctx.fillStyle = 'rgba(0, 0, 0, 0.6)';
  ctx.fillRect(left, top, w, h);
  ctx.fillStyle = '#f4f4f4';
  ctx.textBaseline = 'middle';
  ctx.fillText(text, left + pad, top + h / 2);
}

interface CaptionBand {
  height: number;
  pad: number;
  sizes: { title: number; text: number; source: number };
  lines: { title: string[]; texts: string[][]; source: string[] };
}

function layoutCaption(ctx: CanvasRenderingContext2D, width: number, height: number, caption: CaptionLines): CaptionBand {
  // Sized to the picture, so a 4K slide and a 720p clip carry the same proportions.
  const text = Math.max(12, Math.round(height * 0.03));
  const sizes = { title: Math.round(text * 1.2), text, source: Math.max(10, Math.round(text * 0.7)) };
  const pad = Math.round(text * 0.8);
  const wrapWidth = width - 2 * pad;
  const lines = {
    title: wrap(ctx, caption.title, wrapWidth, `700 ${sizes.title}px ${FONT}`),
    texts: caption.texts.map((t) => wrap(ctx, t, wrapWidth, `${sizes.text}px ${FONT}`)),
    source: wrap(ctx, caption.source, wrapWidth, `${sizes.source}px ${FONT}`),
  };
  const textLines = lines.texts.reduce((n, l) => n + l.length, 0);
  const bandHeight = 2 * pad + lines.title.length * sizes.title * 1.3 + textLines * sizes.text * 1.3 + pad * 0.4 + lines.source.length * sizes.source * 1.35;
  return { height: Math.min(Math.round(bandHeight), Math.round(height * 0.6)), pad, sizes, lines };
}

function drawCaption(ctx: CanvasRenderingContext2D, width: number, height: number, band: CaptionBand): void {
  const top = height - band.height;
  ctx.fillStyle = COLOURS.dock;
  ctx.fillRect(0, top, width, band.height);
  ctx.fillStyle = COLOURS.line;
  ctx.fillRect(0, top, width, Math.max(1, Math.round(height / 1080)));
  ctx.textBaseline = 'top';
  let y = top + band.pad;
  const line = (text: string, font: string, colour: string, lineHeight: number) => {
    ctx.font = font;
    ctx.fillStyle = colour;
    ctx.fillText(text, band.pad, y);
    y += lineHeight;
  };
  for (const l of band.lines.title) line(l, `700 ${band.sizes.title}px ${FONT}`, COLOURS.text, band.sizes.title * 1.3);
  for (const paragraph of band.lines.texts) for (const l of paragraph) line(l, `${band.sizes.text}px ${FONT}`, COLOURS.text, band.sizes.text * 1.3);
  y += band.pad * 0.4;
  for (const l of band.lines.source) line(l, `${band.sizes.source}px ${FONT}`, COLOURS.muted, band.sizes.source * 1.35);
}

function wrap(ctx: CanvasRenderingContext2D, text: string, maxWidth: number, font: string): string[] {
  ctx.font = font;
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    const attempt = current ? `${current} ${word}` : word;
    if (current && ctx.measureText(attempt).width > maxWidth) {
      lines.push(current);
      current = word;
    } else current = attempt;
  }
  if (current) lines.push(current);
  return lines;
}
