import type { ReactNode } from 'react';
import { useEffect, useId, useRef } from 'react';
import { stepStartTimes, totalDuration } from '../domain/procedures/timeline.ts';
import { useT } from '../i18n/useT.ts';
import { PLAYBACK_RATES, selectPlan } from '../state/store.ts';
import { useAppStore, useAppStoreApi } from '../state/useAppStore.ts';
import { Icon } from './Icon.tsx';

function formatSeconds(s: number): string {
  const whole = Math.floor(s);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

/** The scrubber's value moves in tenths of a second of t (its `step`). */
const SCRUB_STEPS_PER_S = 10;

/**
 * Play/pause, previous/next step and a scrubber whose value text names the step. While playing, t
 * changes every frame: the scrubber and the time label follow it without re-rendering (a store
 * subscription writes them), the scrubber in its own 0.1 s steps, the label once a second; the
 * value text (the step) re-renders when the step changes. `lead` comes first in the row (on a phone,
 * the button that opens the step list, beside the step buttons rather than over the view).
 */
export function Transport({ lead }: { lead?: ReactNode } = {}) {
  const t = useT();
  const store = useAppStoreApi();
  const plan = useAppStore(selectPlan);
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
  const atStart = useAppStore((s) => s.stepIndex === 0 && s.t === 0);
  const scrubber = useRef<HTMLInputElement>(null);
  const clock = useRef<HTMLSpanElement>(null);
  const translate = useRef(t);
  translate.current = t;
  useEffect(() => {
    let shownValue = '';
    let shownText = '';
    const show = (time: number) => {
      const value = String(Math.round(time * SCRUB_STEPS_PER_S) / SCRUB_STEPS_PER_S);
      if (value !== shownValue && scrubber.current) {
        // A range input's aria-valuenow is its value: it follows with it.
        scrubber.current.value = value;
        shownValue = value;
      }
      const whole = Math.floor(time);
      const text = translate.current('transport.time', { t: formatSeconds(whole), total: formatSeconds(total) });
      if (text !== shownText && clock.current) {
        clock.current.textContent = text;
        shownText = text;
      }
    };
    show(store.getState().t);
    let lastSecond = Math.floor(store.getState().t);
    let lastStep = Math.round(store.getState().t * SCRUB_STEPS_PER_S);
    return store.subscribe((s) => {
      // Only when the shown value or the second moves: no string is built on the other frames.
      const second = Math.floor(s.t);
      const step = Math.round(s.t * SCRUB_STEPS_PER_S);
      if (second === lastSecond && step === lastStep) return;
      lastSecond = second;
      lastStep = step;
      show(s.t);
    });
  }, [store, total, t]);
  const atLast = stepIndex === plan.steps.length - 1;

  return (
    <div className="transport" role="group" aria-label={t('transport.label')}>
      {lead}
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
          step={1 / SCRUB_STEPS_PER_S}
          ref={scrubber}
          defaultValue={0}
          aria-label={t('transport.scrubber')}
          aria-valuetext={t('transport.valuetext', { index: stepIndex + 1, count: plan.steps.length, title })}
          onChange={(e) => seek(Number(e.target.value))}
        />
      </div>
      <span className="transport__time" aria-hidden="true" ref={clock} />
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
