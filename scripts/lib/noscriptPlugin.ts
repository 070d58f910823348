/**
 * `noscriptInEveryLanguage()`: a page without JavaScript cannot ask the translation layer, so the
 * build writes its `<noscript>` message in every language the app speaks, each paragraph marked
 * with its language, from the same locale files (`app.noscript`, `speaker.noscript`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { LANGS } from '../../src/domain/caseParams.ts';

const LOCALES = join(import.meta.dirname, '../../src/i18n/locales');

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The page's `<noscript>` element with the message under `key` in every language. */
export function noscriptHtml(html: string, key: string, read = (lang: string) => JSON.parse(readFileSync(join(LOCALES, `${lang}.json`), 'utf8')) as Record<string, string>): string {
  const lines = LANGS.map((lang) => {
    const text = read(lang)[key];
    if (!text) throw new Error(`noscript: ${lang}.json has no "${key}"`);
    return `<p lang="${lang}">${escapeHtml(text)}</p>`;
  });
  return html.replace(/<noscript>[\s\S]*?<\/noscript>/, `<noscript>${lines.join('')}</noscript>`);
}

export function noscriptInEveryLanguage(): Plugin {
  return {
    name: 'spinecast-noscript',
    transformIndexHtml: (html, ctx) => noscriptHtml(html, ctx.path.endsWith('speaker.html') ? 'speaker.noscript' : 'app.noscript'),
  };
}
