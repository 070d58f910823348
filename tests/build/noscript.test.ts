import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { noscriptHtml } from '../../scripts/lib/noscriptPlugin.ts';

const ROOT = join(import.meta.dirname, '../..');
const locale = (lang: string) => JSON.parse(readFileSync(join(ROOT, 'src/i18n/locales', `${lang}.json`), 'utf8')) as Record<string, string>;

describe('a page without JavaScript says so in every language', () => {
  it('index.html: one paragraph per language, marked with its language, from the locale files', () => {
    const out = noscriptHtml(readFileSync(join(ROOT, 'index.html'), 'utf8'), 'app.noscript');
    const paragraphs = [...out.matchAll(/<p lang="(\w+)">([^<]*)<\/p>/g)].map((m) => [m[1], m[2]]);
    expect(paragraphs.map(([lang]) => lang)).toEqual(['en', 'es', 'fr', 'de', 'pt']);
    expect(paragraphs[3]![1]).toBe(locale('de')['app.noscript']);
    expect(out.match(/<noscript>/g)).toHaveLength(1);
  });

  it('speaker.html gets its own message, and text is escaped', () => {
    const out = noscriptHtml(readFileSync(join(ROOT, 'speaker.html'), 'utf8'), 'speaker.noscript');
    expect(out).toContain(`<p lang="fr">${locale('fr')['speaker.noscript']}</p>`);
    const escaped = noscriptHtml('<noscript>x</noscript>', 'k', () => ({ k: 'a < b & c' }));
    expect(escaped).toBe('<noscript><p lang="en">a &lt; b &amp; c</p><p lang="es">a &lt; b &amp; c</p><p lang="fr">a &lt; b &amp; c</p><p lang="de">a &lt; b &amp; c</p><p lang="pt">a &lt; b &amp; c</p></noscript>');
  });

  it('a language without the message stops the build', () => {
    expect(() => noscriptHtml('<noscript>x</noscript>', 'k', (lang): Record<string, string> => (lang === 'pt' ? {} : { k: 'y' }))).toThrow(/pt\.json has no "k"/);
  });
});
