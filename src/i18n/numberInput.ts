/**
 * Numbers typed into and shown in a text field, the language's way: "3,8" in German, French, Spanish
 * and Portuguese, "3.8" in English (Intl.NumberFormat decides which sign a language uses).
 *
 * Reading is forgiving: in every language both "3,8" and "3.8" mean three point eight, because a
 * decimal point is what many keyboards (and leva, before) offer. A sign is read as grouping only where
 * it cannot be a decimal sign: when it repeats ("1.000.000"), when the other sign follows it
 * ("1.234,5"), or when it is the language's own grouping sign followed by exactly three digits
 * ("1.000" in German, "1,000" in English).
 */
export interface NumberSigns {
  /** The language's decimal sign: "." or ",". */
  decimal: string;
  /** The language's grouping sign: ",", "." or a (narrow no-break) space. */
  group: string;
}

const signs = new Map<string, NumberSigns>();

/** The decimal and grouping signs Intl.NumberFormat writes for the language. */
export function numberSigns(lang: string): NumberSigns {
  let found = signs.get(lang);
  if (!found) {
    const parts = new Intl.NumberFormat(lang, { useGrouping: true }).formatToParts(1234567.5);
    found = {
      decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
      group: parts.find((p) => p.type === 'group')?.value ?? ',',
    };
    signs.set(lang, found);
  }
  return found;
}

const inputFormats = new Map<string, Intl.NumberFormat>();

/**
 * A value as a text field shows it: the language's decimal sign, exactly `fractionDigits` decimals and
 * no grouping (a field holds one number, and "10.000" would read as ten thousand in German).
 */
export function formatInputNumber(lang: string, value: number, fractionDigits: number): string {
  const id = `${lang}|${fractionDigits}`;
  let format = inputFormats.get(id);
  if (!format) {
    format = new Intl.NumberFormat(lang, {
      useGrouping: false,
      minimumFractionDigits: fractionDigits,
      maximumFractionDigits: fractionDigits,
    });
    inputFormats.set(id, format);
  }
  // Intl writes -0 as "-0"; a field never needs that.
  return format.format(value === 0 ? 0 : value);
}

/**
 * The number in text typed into a field, or null when the text is not a number. Spaces (also
 * no-break ones) are ignored, "−" counts as a minus, and either "," or "." may be the decimal sign
 * (see the module comment for when one is read as grouping instead).
 */
export function parseInputNumber(lang: string, text: string): number | null {
  const compact = text.replace(/\s/g, '').replace(/\u2212/g, '-');
  const match = /^([+-]?)([\d.,]+)$/.exec(compact);
  if (!match) return null;
  const [, sign, body] = match as unknown as [string, string, string];
  if (!/\d/.test(body)) return null;

  const commas = body.split(',').length - 1;
  const dots = body.split('.').length - 1;
  let normalized: string;
  if (commas > 0 && dots > 0) {
    // Both signs: the last one is the decimal sign, once; the other groups digits before it.
    const decimal = body.lastIndexOf(',') > body.lastIndexOf('.') ? ',' : '.';
    const group = decimal === ',' ? '.' : ',';
    const at = body.lastIndexOf(decimal);
    if (body.indexOf(decimal) !== at || body.slice(at).includes(group)) return null;
    if (!isGrouped(body.slice(0, at), group)) return null;
    normalized = `${body.slice(0, at).split(group).join('')}.${body.slice(at + 1)}`;
  } else if (commas + dots === 0) {
    normalized = body;
  } else {
    const mark = commas > 0 ? ',' : '.';
    const count = commas + dots;
    const groupedThousands = mark === numberSigns(lang).group && /^\d{1,3}[.,]\d{3}$/.test(body);
    if (count > 1 || groupedThousands) {
      if (!isGrouped(body, mark)) return null;
      normalized = body.split(mark).join('');
    } else {
      normalized = body.replace(mark, '.');
    }
  }
  const value = Number(`${sign}${normalized}`);
  return Number.isFinite(value) ? value : null;
}

/** Digits grouped in threes after a first group of one to three: "1.234.567". */
function isGrouped(digits: string, group: string): boolean {
  const parts = digits.split(group);
  return /^\d{1,3}$/.test(parts[0]!) && parts.slice(1).every((p) => /^\d{3}$/.test(p));
}

/** The decimals a step implies: 0.25 → 2, 0.1 → 1, 1 → 0. */
export function stepDecimals(step: number): number {
  const [mantissa = '', exponent] = String(step).split('e');
  const decimals = (mantissa.split('.')[1] ?? '').length - Number(exponent ?? 0);
  return Math.max(0, decimals);
}

export interface NumberRange {
  min?: number;
  max?: number;
  /** The grid values snap to, counted from `min` (or from 0 when there is no minimum). */
  step: number;
}

/**
 * The nearest allowed value: snapped to the step grid, then kept within [min, max], with the float
 * noise of the step arithmetic rounded away (0.5 + 30 × 0.1 is 3.5, not 3.5000000000000004).
 */
export function constrainNumber(value: number, { min = -Infinity, max = Infinity, step }: NumberRange): number {
  const origin = Number.isFinite(min) ? min : 0;
  const snapped = step > 0 ? origin + Math.round((value - origin) / step) * step : value;
  const kept = Math.min(max, Math.max(min, snapped));
  const decimals = Math.max(stepDecimals(step), stepDecimals(origin));
  return Number(kept.toFixed(decimals));
}
