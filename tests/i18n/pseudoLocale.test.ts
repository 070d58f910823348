import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.ts';
import { pseudoLocalize, pseudoLocalizeText } from '../../src/i18n/pseudoLocale.ts';

const placeholders = (s: string) => [...s.matchAll(/\{\w+\}/g)].map((m) => m[0]).sort();

describe('pseudo-locale', () => {
  it('makes every message at least 40% longer in letters, keeps its placeholders and accents it', () => {
    const pseudo = pseudoLocalize(en);
    for (const [key, text] of Object.entries(en)) {
      if (key.startsWith('@')) {
        expect(pseudo[key]).toBeUndefined();
        continue;
      }
      const out = pseudo[key]!;
      const letters = (s: string) => s.replace(/\{\w+\}/g, '').match(/\p{L}/gu)?.length ?? 0;
      expect(letters(out), key).toBeGreaterThanOrEqual(Math.floor(letters(text) * 1.4));
      expect(placeholders(out), key).toEqual(placeholders(text));
      if (/[aeiou]/.test(text.replace(/\{\w+\}/g, ''))) expect(out, key).not.toBe(text);
    }
  });

  it('grows words rather than adding new ones', () => {
    expect(pseudoLocalizeText('Step {index} of {count}')).toBe('StépSt {index} ófó {count}');
  });
});
