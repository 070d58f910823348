import { describe, expect, it } from 'vitest';
import { LANGS } from '../../src/domain/caseParams.ts';
import { constrainNumber, formatInputNumber, numberSigns, parseInputNumber, stepDecimals } from '../../src/i18n/numberInput.ts';

const COMMA_LANGS = ['es', 'fr', 'de', 'pt'] as const;

describe('numbers in text fields', () => {
  it('writes a decimal comma in es, fr, de and pt and a point in English, without grouping', () => {
    expect(formatInputNumber('en', 3.8, 1)).toBe('3.8');
    for (const lang of COMMA_LANGS) {
      expect(formatInputNumber(lang, 3.8, 1), lang).toBe('3,8');
      expect(formatInputNumber(lang, 0.25, 2), lang).toBe('0,25');
      expect(formatInputNumber(lang, 12345, 0), lang).toBe('12345');
      expect(numberSigns(lang).decimal, lang).toBe(',');
    }
    expect(formatInputNumber('de', 1, 2)).toBe('1,00');
    expect(formatInputNumber('de', -0, 1)).toBe('0,0');
  });

  it.each(COMMA_LANGS)('%s: reads "3,5" and "3.5" alike', (lang) => {
    expect(parseInputNumber(lang, '3,5')).toBe(3.5);
    expect(parseInputNumber(lang, '3.5')).toBe(3.5);
    expect(parseInputNumber(lang, ' 3,5 ')).toBe(3.5);
    expect(parseInputNumber(lang, ',5')).toBe(0.5);
    expect(parseInputNumber(lang, '-2,25')).toBe(-2.25);
    expect(parseInputNumber(lang, '\u22122,25')).toBe(-2.25);
    expect(parseInputNumber(lang, '7')).toBe(7);
  });

  it('reads grouping only where a sign cannot be the decimal one', () => {
    // Repeated, or followed by the other sign.
    expect(parseInputNumber('de', '1.234.567')).toBe(1234567);
    expect(parseInputNumber('de', '1.234,5')).toBe(1234.5);
    expect(parseInputNumber('en', '1,234.5')).toBe(1234.5);
    expect(parseInputNumber('fr', '1\u202f234,5')).toBe(1234.5);
    // The language's own grouping sign before exactly three digits.
    expect(parseInputNumber('de', '1.000')).toBe(1000);
    expect(parseInputNumber('en', '1,000')).toBe(1000);
    // Not the language's grouping sign: a decimal.
    expect(parseInputNumber('en', '1.000')).toBe(1);
    expect(parseInputNumber('de', '1,000')).toBe(1);
    expect(parseInputNumber('fr', '1.000')).toBe(1);
    expect(parseInputNumber('en', '3,5')).toBe(3.5);
  });

  it('answers null for text that is not a number', () => {
    for (const text of ['', ' ', 'abc', '3,5 ml', '1,2,3', '1.2.3', '1,5.3', '1.2,3,4', '--1', ',', '.', '1e3', 'Infinity', 'NaN']) {
      expect(parseInputNumber('de', text), JSON.stringify(text)).toBeNull();
    }
  });

  it('reads back what it writes, in every language', () => {
    for (const lang of LANGS) {
      for (const [value, digits] of [[0, 0], [0.5, 1], [3.8, 1], [10, 1], [0.25, 2], [1.75, 2], [4, 2], [123456, 0], [-7.5, 1]] as const) {
        expect(parseInputNumber(lang, formatInputNumber(lang, value, digits)), `${lang} ${value}`).toBe(value);
      }
    }
  });

  it('derives decimals from a step', () => {
    expect([1, 0.5, 0.25, 0.1, 0.01, 1e-7, 2.5e-7, 10].map(stepDecimals)).toEqual([0, 1, 2, 1, 2, 7, 8, 0]);
  });

  it('keeps a value within its range, on its step grid, without float noise', () => {
    const volume = { min: 0.5, max: 10, step: 0.1 };
    expect(constrainNumber(3.5, volume)).toBe(3.5);
    expect(constrainNumber(3.54, volume)).toBe(3.5);
    expect(constrainNumber(3.56, volume)).toBe(3.6);
    expect(constrainNumber(25, volume)).toBe(10);
    expect(constrainNumber(0, volume)).toBe(0.5);
    expect(constrainNumber(-3, volume)).toBe(0.5);
    const rate = { min: 0.25, max: 4, step: 0.25 };
    expect(constrainNumber(1.1, rate)).toBe(1);
    expect(constrainNumber(1.2, rate)).toBe(1.25);
    expect(constrainNumber(9, rate)).toBe(4);
    // No maximum: only the minimum and the grid hold.
    const seed = { min: 0, step: 1 };
    expect(constrainNumber(41.6, seed)).toBe(42);
    expect(constrainNumber(-5, seed)).toBe(0);
    expect(constrainNumber(1e9, seed)).toBe(1e9);
    // Every step of the volume grid lands exactly on a one-decimal number.
    for (let i = 0; i <= 95; i++) {
      const v = constrainNumber(0.5 + i * 0.1, volume);
      expect(v, String(i)).toBe(Number((0.5 + i / 10).toFixed(1)));
    }
  });
});
