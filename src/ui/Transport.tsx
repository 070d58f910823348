import { useId } from 'react';
import { stepStartTimes, totalDuration } from '../domain/procedures/timeline.ts';
import { useT } from '../i18n/useT.ts';
import { PLAYBACK_RATES, selectPlan } from '../state/store.ts';
import { useAppStore } from '../state/useAppStore.ts';
import { Icon } from './Icon.tsx';

function formatSeconds(s: number): string {
  const whole = Math.floor(s);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

/** Play/pause, previous/next step and a scrubber whose value text names the step. */
export function Transport() {
  const t = useT();
  const plan = useAppStore(selectPlan);
  const time = useAppStore((s) => s.t);
  const playing = useAppStore((s) => s.playing);
  const stepIndex = useAppStore((s) => s.stepIndex);
  const rate = useAppStore((s) => s.rate);
  const mode = useAppStore((s) => s.params.mode);
  const prev = useAppStore((s) => s.prev);
  const next = useAppStore((s) => s.next);
  const togglePlay = useAppStore((s) => s.togglePlay);
  const seek = useAppStore((s) => s.seek);
  const setRate = useAppStore((s) => s.setRate);
  const rateId = useId();
  const total = totalDuration(plan);
  const starts = stepStartTimes(plan);
  const step = plan.steps[stepIndex]!;
  const title = t.dynamic(`${step.captionKey}.title`);
  const atStart = stepIndex === 0 && time === 0;
  const atLast = stepIndex === plan.steps.length - 1;

  return (
    <div className="transport" role="group" aria-label={t('transport.label')}>
      <div className="transport__buttons">
        {/* aria-disabled, not disabled: a button that keeps focus at either end, so focus is never lost. */}
        <button type="button" className="button button--icon" aria-label={t('transport.prev')} onClick={() => !atStart && prev()} aria-disabled={atStart}>
          <Icon name="prev" />
        </button>
        <button
          type="button"
          className="button button--icon button--play"
          aria-label={playing ? t('transport.pause') : t('transport.play')}
          onClick={togglePlay}
        >
          <Icon name={playing ? 'pause' : 'play'} />
        </button>
        <button type="button" className="button button--icon" aria-label={t('transport.next')} onClick={() => !atLast && next()} aria-disabled={atLast}>
          <Icon name="next" />
        </button>
      </div>
      <div className="scrubber">
        <div className="scrubber__track" aria-hidden="true">
          {plan.steps.map((s, i) => (
            <span
              key={s.id}
              className={`scrubber__segment scrubber__segment--${s.phase}${i === stepIndex ? ' is-current' : ''}`}
              style={{ insetInlineStart: `${((starts[i] ?? 0) / total) * 100}%`, width: `${(s.duration / total) * 100}%` }}
            />
          ))}
        </div>
        <input
          type="range"
          className="scrubber__input"
          min={0}
          max={total}
          step={0.1}
          value={time}
          aria-label={t('transport.scrubber')}
          aria-valuetext={t('transport.valuetext', { index: stepIndex + 1, count: plan.steps.length, title })}
          onChange={(e) => seek(Number(e.target.value))}
        />
      </div>
      <span className="transport__time" aria-hidden="true">
        {t('transport.time', { t: formatSeconds(time), total: formatSeconds(total) })}
      </span>
      {mode === 'educator' && (
        <label className="transport__rate" htmlFor={rateId}>
          <span className="visually-hidden">{t('transport.rate')}</span>
          <select id={rateId} className="select select--compact" value={rate} onChange={(e) => setRate(Number(e.target.value))}>
            {PLAYBACK_RATES.map((r) => (
              <option key={r} value={r}>{t('transport.rateValue', { rate: r })}</option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
}
