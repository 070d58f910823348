/**
 * Every locale file is complete: the same keys as English, the same `{placeholders}` in each string,
 * nothing empty, and one file for every language the URL accepts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGS } from '../../src/domain/caseParams.ts';
import { BKP_PLAN, VP_PLAN } from '../../src/domain/procedures/plans.ts';

const DIR = join(import.meta.dirname, '../../src/i18n/locales');

function readLocale(lang: string): Record<string, string> {
  return JSON.parse(readFileSync(join(DIR, `${lang}.json`), 'utf8')) as Record<string, string>;
}

/** Message keys only: `@` keys are notes for translators. */
function messages(locale: Record<string, string>): Map<string, string> {
  return new Map(Object.entries(locale).filter(([k]) => !k.startsWith('@')));
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
}

const en = messages(readLocale('en'));
const files = readdirSync(DIR).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, ''));
const others = files.filter((l) => l !== 'en');

/** Plural categories beyond `one` and `other` a language may add (e.g. French `many`). */
const EXTRA_PLURAL = /\.(zero|two|few|many)$/;

function localeProblems(lang: string, locale: Map<string, string>): string[] {
  const problems: string[] = [];
  for (const [key, text] of en) {
    const translated = locale.get(key);
    if (translated === undefined) problems.push(`${lang}: missing ${key}`);
    else if (translated.trim() === '') problems.push(`${lang}: empty ${key}`);
    else if (placeholders(translated).join() !== placeholders(text).join())
      problems.push(`${lang}: ${key} has {${placeholders(translated).join('} {')}} where English has {${placeholders(text).join('} {')}}`);
  }
  for (const key of locale.keys()) {
    if (en.has(key)) continue;
    const base = key.replace(EXTRA_PLURAL, '');
    if (base === key || !en.has(`${base}.other`)) problems.push(`${lang}: ${key} is not an English key`);
  }
  return problems;
}

describe('locale files', () => {
  it('English has no empty string', () => {
    for (const [key, text] of en) expect(text.trim(), key).not.toBe('');
  });

  it('every step of both plans has its caption and its X-ray description in English', () => {
    const missing: string[] = [];
    for (const step of [...VP_PLAN.steps, ...BKP_PLAN.steps]) {
      const keys = [`${step.captionKey}.title`, `${step.captionKey}.patient`, `${step.captionKey}.clinical`];
      keys.push(...(step.xray === 'pedicle' ? ['xray.what.pedicle.ap', 'xray.what.pedicle.lateral'] : [`xray.what.${step.xray}`]));
      for (const key of keys) if (!en.has(key)) missing.push(`${step.id}: ${key}`);
    }
    expect(missing).toEqual([]);
  });

  it('there is a locale file for every language the app accepts', () => {
    for (const lang of LANGS) expect(files, lang).toContain(lang);
  });

  it.each(others.length > 0 ? others : ['(none yet)'])('%s has every key of English, with the same placeholders', (lang) => {
    if (lang === '(none yet)') return;
    expect(localeProblems(lang, messages(readLocale(lang)))).toEqual([]);
  });

  it('the check catches a missing key and a changed placeholder', () => {
    const broken = new Map(en);
    broken.delete('app.title');
    broken.set('transport.valuetext', 'Paso {index} de {total}: {title}');
    expect(localeProblems('xx', broken)).toEqual([
      'xx: missing app.title',
      'xx: transport.valuetext has {index} {title} {total} where English has {count} {index} {title}',
    ]);
  });

  it('plural keys come in pairs: every `.one` has an `.other`', () => {
    for (const key of en.keys()) if (key.endsWith('.one')) expect(en.has(key.replace(/\.one$/, '.other')), key).toBe(true);
  });
});

describe('sources shown to users', () => {
  // Every caption and figure names a publication (or says none is known yet), never the project's
  // own reference notes: the words each language used for them before they were replaced.
  const OWN_NOTES = /domain notes|notes de référence|Referenznotizen|notas de referencia|notas de referência/i;
  it.each(files)('%s: no text cites the project\'s own notes', (lang) => {
    const cited = [...messages(readLocale(lang))].filter(([, text]) => OWN_NOTES.test(text)).map(([key]) => key);
    expect(cited).toEqual([]);
  });
});
