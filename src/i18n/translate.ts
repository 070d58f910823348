/**
 * Pure translation: looks a key up in the language's messages, falling back to English key by key
 * (a safety net only: tests/i18n/locales.test.ts fails when any locale lacks a key).
 *
 * English is bundled; every other locale is a JSON file in `locales/` fetched on demand as its own
 * chunk (`loadLocale`). Until a locale has arrived, `translate` answers in English, and
 * `subscribeLocales` tells when it has.
 */
import type { Lang } from '../domain/caseParams.ts';
import type { MessageKey } from './en.ts';
import { en } from './en.ts';

export type Vars = Readonly<Record<string, string | number>>;
type LocaleMessages = Readonly<Partial<Record<MessageKey, string>>>;

/** Every locale file except English, each a lazy chunk. */
const LOADERS: Readonly<Record<string, () => Promise<LocaleMessages>>> = Object.fromEntries(
  Object.entries(
    import.meta.glob<LocaleMessages>(['./locales/*.json', '!./locales/en.json'], { import: 'default' }),
  ).map(([path, load]) => [path.replace(/^.*\/([\w-]+)\.json$/, '$1'), load]),
);

const loaded = new Map<string, LocaleMessages>([['en', en]]);
const pending = new Map<string, Promise<void>>();
const listeners = new Set<() => void>();
let generation = 0;

export function isLocaleLoaded(lang: string): boolean {
  return loaded.has(lang);
}

/** Fetches a language's messages once; resolves at once for English or a loaded language. */
export function loadLocale(lang: string): Promise<void> {
  if (loaded.has(lang)) return Promise.resolve();
  const existing = pending.get(lang);
  if (existing) return existing;
  const load = LOADERS[lang];
  if (!load) return Promise.reject(new Error(`No locale file for "${lang}"`));
  const promise = load().then(
    (messages) => {
      loaded.set(lang, messages);
      pending.delete(lang);
      generation += 1;
      for (const fn of listeners) fn();
    },
    (error: unknown) => {
      pending.delete(lang);
      throw error;
    },
  );
  pending.set(lang, promise);
  return promise;
}

/** Called whenever a locale has finished loading. Returns a function that stops it. */
export function subscribeLocales(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** Changes each time a locale arrives (for useSyncExternalStore). */
export function localesGeneration(): number {
  return generation;
}

const numberFormats = new Map<string, Intl.NumberFormat>();
const pluralRules = new Map<string, Intl.PluralRules>();

/** A number written the language's way: "3.8" in English, "3,8" in German, French, Spanish, Portuguese. */
export function formatNumber(lang: Lang, value: number, fractionDigits?: number): string {
  const id = `${lang}|${fractionDigits ?? ''}`;
  let format = numberFormats.get(id);
  if (!format) {
    format = new Intl.NumberFormat(
      lang,
      fractionDigits === undefined
        ? { maximumFractionDigits: 3 }
        : { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits },
    );
    numberFormats.set(id, format);
  }
  return format.format(value);
}

function pluralCategory(lang: Lang, count: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(lang);
  if (!rules) {
    rules = new Intl.PluralRules(lang);
    pluralRules.set(lang, rules);
  }
  return rules.select(count);
}

function lookup(lang: Lang, key: string): string | undefined {
  const table = (l: string) => loaded.get(l) as Record<string, string> | undefined;
  return table(lang)?.[key] ?? table('en')?.[key];
}

/**
 * Puts a message table in place of a language's (the development build's pseudo-locale replaces
 * English this way); subscribers hear of it as of a loaded locale.
 */
export function provideMessages(lang: string, messages: LocaleMessages): void {
  loaded.set(lang, messages);
  generation += 1;
  for (const fn of listeners) fn();
}

/** Fills `{name}` placeholders; numbers are written the language's way. Unknown ones stay visible. */
function interpolate(lang: Lang, template: string, vars?: Vars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!Object.prototype.hasOwnProperty.call(vars, name)) return whole;
    const value = vars[name]!;
    return typeof value === 'number' ? formatNumber(lang, value) : value;
  });
}

export function translate(lang: Lang, key: MessageKey, vars?: Vars): string {
  return interpolate(lang, lookup(lang, key) ?? key, vars);
}

/** Keys with plural forms: `<base>.one`, `<base>.other` (and any other category a language needs). */
export type PluralKey = { [K in MessageKey]: K extends `${infer B}.other` ? B : never }[MessageKey];

/**
 * The form of `<base>` that the language's plural rules (Intl.PluralRules) pick for `count`, with
 * `{count}` filled in; a category the locale does not spell out falls back to `.other`.
 */
export function translatePlural(lang: Lang, base: PluralKey, count: number, vars?: Vars): string {
  const template = lookup(lang, `${base}.${pluralCategory(lang, count)}`) ?? lookup(lang, `${base}.other`) ?? base;
  return interpolate(lang, template, { count, ...vars });
}

/** For keys built at run time (step captions, enum labels): narrows a string to a known key. */
export function isMessageKey(key: string): key is MessageKey {
  return !key.startsWith('@') && Object.prototype.hasOwnProperty.call(en, key);
}

export function translateDynamic(lang: Lang, key: string, vars?: Vars): string {
  return isMessageKey(key) ? translate(lang, key, vars) : key;
}
