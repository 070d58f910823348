import { Components, createPlugin, styled, useInputContext } from 'leva/plugin';
import type { LevaInputProps } from 'leva/plugin';
import { useId, useState } from 'react';
import type { ChangeEvent, ComponentType, KeyboardEvent, ReactNode } from 'react';
import type { MessageKey } from '../i18n/en.ts';
import { constrainNumber, formatInputNumber, parseInputNumber, stepDecimals } from '../i18n/numberInput.ts';
import { useT } from '../i18n/useT.ts';

/** The units a field can show after its value: the written unit, and the phrase a screen reader hears. */
const UNITS = {
  ml: { unit: 'debug.unit.ml', amount: 'debug.amount.ml' },
  rate: { unit: 'debug.unit.rate', amount: 'debug.amount.rate' },
} as const satisfies Record<string, { unit: MessageKey; amount: MessageKey }>;

export interface LocaleNumberSettings {
  min: number;
  max: number;
  /** The grid values snap to (from `min`); ArrowUp/ArrowDown move by one step, PageUp/PageDown by ten. */
  step: number;
  /** Decimals shown; by default those of the step. */
  decimals: number;
  unit: keyof typeof UNITS | null;
}

/**
 * What the panel's schema gives: the starting value is `number`, not `value`, because leva hands a
 * custom control's `normalize` only the `value` of an input that has one, and the settings would be lost.
 */
export interface LocaleNumberInput extends Partial<Omit<LocaleNumberSettings, 'step'>> {
  number: number;
  step: number;
}

type Props = LevaInputProps<number, LocaleNumberSettings>;

// leva's row and label (the label's `for` points at the input context's id), typed: leva lists them in a record.
const { Row, Label } = Components as {
  Row: ComponentType<{ input?: boolean; children: ReactNode }>;
  Label: ComponentType<{ children: ReactNode }>;
};

/**
 * A number control for the leva panel that writes and reads numbers the language's way ("3,8 ml" in
 * German), where leva's own number control always writes a decimal point. Its text field takes both
 * "3,8" and "3.8", keeps the value within min and max, and steps with the arrow keys; with a range,
 * a native slider beside it works by touch and keyboard. The value itself stays a plain number.
 */
export const localeNumber = createPlugin<LocaleNumberInput, number, LocaleNumberSettings>({
  component: LocaleNumberControl,
  normalize({ number, min = -Infinity, max = Infinity, step, decimals, unit = null }) {
    return { value: number, settings: { min, max, step, decimals: decimals ?? stepDecimals(step), unit } };
  },
  sanitize(value: unknown, settings) {
    const n = typeof value === 'number' ? value : Number(value);
    if (!Number.isFinite(n)) throw new Error(`Not a number: ${String(value)}`);
    return constrainNumber(n, settings);
  },
});

/** What the field last said, and the value it was said about: a value set elsewhere since (the store, the URL) retires it. */
type Notice = ({ key: 'debug.number.notNumber'; text: string } | { key: 'debug.number.kept' | 'debug.number.keptMin' }) & { about: number };

function LocaleNumberControl() {
  const { id, label, value, onUpdate, settings, emitOnEditStart, emitOnEditEnd, disabled } = useInputContext<Props>();
  const t = useT();
  const noticeId = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const { min, max, step, decimals, unit } = settings;
  const hasRange = Number.isFinite(min) && Number.isFinite(max);
  const shown = formatInputNumber(t.lang, value, decimals);
  const amount = unit ? t(UNITS[unit].amount, { value: shown }) : shown;
  const unitText = unit ? t(UNITS[unit].unit) : '';
  const name = typeof label === 'string' ? label : undefined;

  function set(next: number): void {
    const kept = constrainNumber(next, settings);
    // Said aloud and shown, so a value that did not take is never a silent surprise.
    setNotice(next < min || next > max ? { key: Number.isFinite(max) ? 'debug.number.kept' : 'debug.number.keptMin', about: kept } : null);
    setDraft(null);
    if (kept !== value) onUpdate(kept);
  }

  function commit(): void {
    if (draft === null) return;
    const typed = parseInputNumber(t.lang, draft);
    if (typed === null) {
      // Not a number: the value stays, and the field says so.
      setNotice(draft.trim() ? { key: 'debug.number.notNumber', text: draft.trim(), about: value } : null);
      setDraft(null);
      return;
    }
    set(typed);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    const base = draft === null ? value : (parseInputNumber(t.lang, draft) ?? value);
    const moves: Record<string, number> = { ArrowUp: step, ArrowDown: -step, PageUp: 10 * step, PageDown: -10 * step };
    const by = moves[event.key];
    if (by !== undefined) {
      event.preventDefault();
      set(base + by);
    } else if (event.key === 'Home' && Number.isFinite(min)) {
      event.preventDefault();
      set(min);
    } else if (event.key === 'End' && Number.isFinite(max)) {
      event.preventDefault();
      set(max);
    } else if (event.key === 'Enter') {
      commit();
    } else if (event.key === 'Escape' && draft !== null) {
      event.preventDefault();
      setDraft(null);
      setNotice(null);
    }
  }

  const message =
    notice === null || notice.about !== value
      ? ''
      : notice.key === 'debug.number.notNumber'
        ? t(notice.key, { text: notice.text, value: shown })
        : t(notice.key, { min, max });

  return (
    <Row input>
      <Label>{label}</Label>
      <Stack>
        <Fields hasRange={hasRange}>
          {hasRange && (
            <Slider
              type="range"
              aria-label={name}
              aria-valuetext={amount}
              min={min}
              max={max}
              step={step}
              value={value}
              disabled={disabled}
              onChange={(e: ChangeEvent<HTMLInputElement>) => set(Number(e.currentTarget.value))}
            />
          )}
          <Field>
            <Input
              id={id}
              // Room for the unit drawn over the end padding: about 0.7 em a character, plus its padding
              // (a translated or pseudo-localised unit may be longer than "ml").
              style={unitText ? { paddingInlineEnd: `calc(${(unitText.length * 0.7).toFixed(1)}em + 2 * var(--leva-space-sm, 10px))` } : undefined}
              type="text"
              inputMode="decimal"
              role="spinbutton"
              autoComplete="off"
              spellCheck={false}
              aria-valuenow={value}
              aria-valuetext={amount}
              aria-valuemin={Number.isFinite(min) ? min : undefined}
              aria-valuemax={Number.isFinite(max) ? max : undefined}
              aria-invalid={draft !== null && parseInputNumber(t.lang, draft) === null ? true : undefined}
              aria-describedby={message ? noticeId : undefined}
              disabled={disabled}
              value={draft ?? shown}
              onChange={(e: ChangeEvent<HTMLInputElement>) => {
                setDraft(e.currentTarget.value);
                setNotice(null);
              }}
              onFocus={() => emitOnEditStart()}
              onBlur={() => {
                commit();
                emitOnEditEnd();
              }}
              onKeyDown={onKeyDown}
            />
            {unitText && <Unit aria-hidden="true">{unitText}</Unit>}
          </Field>
        </Fields>
        <Message id={noticeId} role="status">
          {message}
        </Message>
      </Stack>
    </Row>
  );
}

// Styled with leva's own stitches instance and theme tokens, so the control looks like the panel's others.
const Stack = styled('div', { display: 'flex', flexDirection: 'column', gap: '$xs', minWidth: 0 });

const Fields = styled('div', {
  display: 'grid',
  gridTemplateColumns: 'minmax(0, 1fr)',
  alignItems: 'center',
  variants: {
    hasRange: { true: { gridTemplateColumns: 'minmax(0, 1fr) minmax(6.5em, 40%)', columnGap: '$colGap' } },
  },
});

const Slider = styled('input', {
  margin: 0,
  width: '100%',
  // The whole row height answers a finger, though the track is thin.
  height: '$rowHeight',
  accentColor: '$colors$accent2',
  cursor: 'pointer',
  touchAction: 'pan-y',
});

// The input fills the whole box and the unit sits over its end padding, so the app's focus ring
// (styles.css, an outline on the input) goes round the whole field instead of being clipped inside it.
const Field = styled('div', { position: 'relative', height: '$rowHeight', minWidth: 0 });

const Input = styled('input', {
  $reset: '',
  boxSizing: 'border-box',
  width: '100%',
  height: '100%',
  padding: '0 $sm',
  borderRadius: '$sm',
  backgroundColor: '$elevation3',
  $inputStyle: '$elevation1',
  $hover: '',
  $focus: '',
  textAlign: 'end',
  fontVariantNumeric: 'tabular-nums',
  '&[aria-invalid="true"]': { textDecoration: 'underline wavy' },
});

const Unit = styled('span', {
  position: 'absolute',
  insetBlock: 0,
  insetInlineEnd: 0,
  $flex: '',
  paddingInline: '$sm',
  color: '$highlight2',
  whiteSpace: 'nowrap',
  pointerEvents: 'none',
});

const Message = styled('p', { margin: 0, fontSize: '0.85em', lineHeight: 1.3, color: '$highlight2' });
