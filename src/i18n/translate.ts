/** Pure translation: looks a key up in the language's messages, falling back to English. */
import type { Lang } from '../domain/caseParams.ts';
import type { MessageKey, Messages } from './en.ts';
import { en } from './en.ts';

const LOCALES: Record<Lang, Partial<Messages>> = { en };

export type Vars = Readonly<Record<string, string | number>>;

export function translate(lang: Lang, key: MessageKey, vars?: Vars): string {
  const template = LOCALES[lang][key] ?? en[key];
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(vars, name) ? String(vars[name]) : whole,
  );
}

/** For keys built at run time (step captions, enum labels): narrows a string to a known key. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(en, key);
}

export function translateDynamic(lang: Lang, key: string, vars?: Vars): string {
  return isMessageKey(key) ? translate(lang, key, vars) : key;
}
