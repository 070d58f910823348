/**
 * English, the complete reference locale, typed. The strings themselves live in `locales/en.json`
 * (data a translator edits); add a key there, then to every other file in `locales/`.
 * Keys starting with `@` are notes for translators and the sources of clinical facts; they are
 * never shown.
 */
import enJson from './locales/en.json';

type EnJson = typeof enJson;

/** Every key a component may ask for: the keys of en.json that are not notes. */
export type MessageKey = Exclude<keyof EnJson, `@${string}`>;
export type Messages = { readonly [K in MessageKey]: string };

export const en: Messages = enJson;
