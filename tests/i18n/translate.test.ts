import { describe, expect, it } from 'vitest';
import { BKP_PLAN, VP_PLAN } from '../../src/domain/procedures/plans.ts';
import { en } from '../../src/i18n/en.ts';
import { LANGS } from '../../src/domain/caseParams.ts';
import { formatNumber, isLocaleLoaded, isMessageKey, loadLocale, translate, translatePlural } from '../../src/i18n/translate.ts';

describe('translation layer', () => {
  it('has a title, a plain and a clinical caption for every step of both procedures', () => {
    for (const step of [...VP_PLAN.steps, ...BKP_PLAN.steps]) {
      for (const part of ['title', 'patient', 'clinical']) {
        const key = `${step.captionKey}.${part}`;
        expect(isMessageKey(key), key).toBe(true);
        expect(en[key as keyof typeof en].length).toBeGreaterThan(0);
      }
    }
  });

  it('every real-time and source key a step names exists', () => {
    for (const step of [...VP_PLAN.steps, ...BKP_PLAN.steps]) {
      for (const key of [step.realTimeKey, step.sourceKey]) if (key) expect(isMessageKey(key), key).toBe(true);
    }
  });

  it('interpolates named values and leaves unknown placeholders visible', () => {
    expect(translate('en', 'transport.valuetext', { index: 4, count: 9, title: 'Into the vertebral body' })).toBe(
      'Step 4 of 9: Into the vertebral body',
    );
    expect(translate('en', 'transport.valuetext', { index: 1 })).toBe('Step 1 of {count}: {title}');
  });

  it('patient captions stay short: sentences of at most 30 words', () => {
    for (const [key, text] of Object.entries(en)) {
      if (!key.endsWith('.patient')) continue;
      for (const sentence of text.split(/[.!?]\s/)) expect(sentence.split(/\s+/).length, key).toBeLessThanOrEqual(30);
    }
  });

  it('writes numbers in placeholders the language\'s way and picks plural forms by Intl rules', () => {
    expect(formatNumber('en', 3.8, 1)).toBe('3.8');
    expect(formatNumber('en', 1234.5)).toBe('1,234.5');
    expect(translatePlural('en', 'results.stepCount', 1)).toBe('1 step');
    expect(translatePlural('en', 'results.stepCount', 12)).toBe('12 steps');
    expect(translatePlural('en', 'results.stepCount', 0)).toBe('0 steps');
  });

  it('writes a decimal comma in German, French, Spanish and Portuguese', async () => {
    for (const lang of ['de', 'fr', 'es', 'pt'] as const) {
      await loadLocale(lang);
      expect(formatNumber(lang, 3.8, 1), lang).toBe('3,8');
      expect(translate(lang, 'results.ml', { ml: 3.5 }), lang).toMatch(/^3,5 m[lL]$/);
    }
    expect(formatNumber('de', 1234.5)).toBe('1.234,5');
  });

  it('uses the loaded language, and English until it has arrived', async () => {
    expect(translate('de', 'transport.play')).toBe(isLocaleLoaded('de') ? 'Abspielen' : 'Play');
    await loadLocale('de');
    expect(translate('de', 'transport.play')).toBe('Abspielen');
    expect(translatePlural('de', 'results.stepCount', 1)).toBe('1 Schritt');
    expect(translatePlural('de', 'results.stepCount', 12)).toBe('12 Schritte');
    await loadLocale('fr');
    // French: 0 and 1 take the singular.
    expect(translatePlural('fr', 'results.stepCount', 0)).toBe('0 étape');
    expect(translatePlural('fr', 'results.stepCount', 2)).toBe('2 étapes');
  });

  it('patient captions stay short in every language: sentences of at most 36 words', async () => {
    for (const lang of LANGS) {
      await loadLocale(lang);
      for (const key of Object.keys(en)) {
        if (!key.endsWith('.patient') || !isMessageKey(key)) continue;
        for (const sentence of translate(lang, key).split(/[.!?]\s/)) expect(sentence.split(/\s+/).length, `${lang} ${key}`).toBeLessThanOrEqual(36);
      }
    }
  });

  it('never shows a translator note as a message', () => {
    expect(isMessageKey('@grade.1')).toBe(false);
    expect(isMessageKey('grade.1')).toBe(true);
  });
});
