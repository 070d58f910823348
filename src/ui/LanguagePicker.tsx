import { useId } from 'react';
import { LANGS, isOneOf } from '../domain/caseParams.ts';
import { LANGUAGE_NAMES } from '../i18n/languageNames.ts';
import { loadLocale } from '../i18n/translate.ts';
import { useT } from '../i18n/useT.ts';
import { useAppStore } from '../state/useAppStore.ts';
import { Icon } from './Icon.tsx';

/**
 * The page's language: a native select (keyboard, screen readers and the touch pickers of tablets
 * and phones all work with it), each language named in itself. The new language's messages are
 * fetched first, so the page switches in one go rather than passing through English.
 */
export function LanguagePicker() {
  const t = useT();
  const id = useId();
  const lang = useAppStore((s) => s.params.lang);
  const setParams = useAppStore((s) => s.setParams);

  function choose(value: string): void {
    if (!isOneOf(LANGS, value) || value === lang) return;
    const apply = () => setParams({ lang: value });
    loadLocale(value).then(apply, apply);
  }

  return (
    <div className="language-picker">
      <label className="language-picker__icon" htmlFor={id}>
        <Icon name="globe" />
        <span className="visually-hidden">{t('lang.label')}</span>
      </label>
      <select id={id} className="select language-picker__select" value={lang} onChange={(e) => choose(e.target.value)}>
        {LANGS.map((l) => (
          <option key={l} value={l} lang={l}>
            {LANGUAGE_NAMES[l]}
          </option>
        ))}
      </select>
    </div>
  );
}
