import type { Lang } from '../domain/caseParams.ts';

/**
 * Each language's name in itself (an endonym), the same in every locale: someone who cannot read
 * the page's current language still finds their own in the picker.
 */
export const LANGUAGE_NAMES: Readonly<Record<Lang, string>> = {
  en: 'English',
  es: 'Español',
  fr: 'Français',
  de: 'Deutsch',
  pt: 'Português',
};
