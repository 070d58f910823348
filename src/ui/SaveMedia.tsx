import { useId, useRef, useState } from 'react';
import { stepStartTimes } from '../domain/procedures/timeline.ts';
import { useT } from '../i18n/useT.ts';
import { useMedia } from '../state/MediaContext.ts';
import { selectPlan, selectStep } from '../state/store.ts';
import { useAppStoreApi } from '../state/useAppStore.ts';

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
  { width: 3840, height: 2160 },
] as const;
/** Clips run at a fixed 30 frames per second: smooth on a projector whatever drew them. */
const CLIP_FPS = 30;

type Status = { kind: 'idle' } | { kind: 'busy'; what: 'picture' | 'clip'; progress: number } | { kind: 'done'; file: string } | { kind: 'failed'; message: string };

function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** "Save picture" and "Save clip" for slides: through capture() and record() of the command API. */
export function SaveMedia() {
  const t = useT();
  const media = useMedia();
  const store = useAppStoreApi();
  const id = useId();
  const [sizeIndex, setSizeIndex] = useState(1);
  const [caption, setCaption] = useState(true);
  const [range, setRange] = useState<'step' | 'all'>('step');
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const abort = useRef<AbortController | null>(null);
  if (!media) return null;
  const size = SIZES[sizeIndex]!;
  const busy = status.kind === 'busy';

  function baseName(): string {
    const s = store.getState();
    return `spinecast-${s.params.procedure}-${s.params.level}-${selectStep(s).id}`;
  }

  async function savePicture(): Promise<void> {
    setStatus({ kind: 'busy', what: 'picture', progress: 0 });
    try {
      const blob = await media!.capture({ ...size, caption });
      const file = `${baseName()}.png`;
      download(blob, file);
      setStatus({ kind: 'done', file });
    } catch (error) {
      setStatus({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  }

  async function saveClip(): Promise<void> {
    const s = store.getState();
    const plan = selectPlan(s);
    const starts = stepStartTimes(plan);
    const from = range === 'step' ? (starts[s.stepIndex] ?? 0) : 0;
    const to = range === 'step' ? from + plan.steps[s.stepIndex]!.duration : undefined;
    const name = `${range === 'step' ? baseName() : `spinecast-${s.params.procedure}-${s.params.level}`}.webm`;
    abort.current = new AbortController();
    setStatus({ kind: 'busy', what: 'clip', progress: 0 });
    try {
      const blob = await media!.record({ ...size, caption, from, to, fps: CLIP_FPS, signal: abort.current.signal, onProgress: (p) => setStatus({ kind: 'busy', what: 'clip', progress: p }) });
      download(blob, name);
      setStatus({ kind: 'done', file: name });
    } catch (error) {
      const code = (error as { code?: string }).code;
      setStatus(code === 'cancelled' ? { kind: 'idle' } : { kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    } finally {
      abort.current = null;
    }
  }

  return (
    <div className="save-media" role="group" aria-labelledby={`${id}-title`}>
      <h3 className="tools__subheading" id={`${id}-title`}>{t('media.title')}</h3>
      <label className="field" htmlFor={`${id}-size`}>
        <span className="field__label">{t('media.size')}</span>
        <select id={`${id}-size`} className="select" value={sizeIndex} disabled={busy} onChange={(e) => setSizeIndex(Number(e.target.value))}>
          {SIZES.map((s, i) => (
            <option key={s.width} value={i}>{t('media.sizeValue', { width: s.width, height: s.height })}</option>
          ))}
        </select>
      </label>
      <label className="check">
        <input type="checkbox" checked={caption} disabled={busy} onChange={(e) => setCaption(e.target.checked)} />
        <span>{t('media.caption')}</span>
      </label>
      <button type="button" className="button" disabled={busy} onClick={() => void savePicture()}>{t('media.savePicture')}</button>
      <label className="field" htmlFor={`${id}-range`}>
        <span className="field__label">{t('media.range')}</span>
        <select id={`${id}-range`} className="select" value={range} disabled={busy} onChange={(e) => setRange(e.target.value as 'step' | 'all')}>
          <option value="step">{t('media.range.step')}</option>
          <option value="all">{t('media.range.all')}</option>
        </select>
      </label>
      <button type="button" className="button" disabled={busy} onClick={() => void saveClip()}>{t('media.saveClip')}</button>
      {status.kind === 'busy' && status.what === 'clip' && (
        <div className="save-media__progress">
          <progress max={1} value={status.progress} aria-label={t('media.progress')} />
          <button type="button" className="button" onClick={() => abort.current?.abort()}>{t('media.cancel')}</button>
        </div>
      )}
      <p className="tools__note" role="status">
        {status.kind === 'busy'
          ? status.what === 'clip'
            ? t('media.recording', { pct: Math.round(status.progress * 100) })
            : t('media.drawing')
          : status.kind === 'done'
            ? t('media.saved', { file: status.file })
            : status.kind === 'failed'
              ? t('media.failed', { message: status.message })
              : ''}
      </p>
    </div>
  );
}
