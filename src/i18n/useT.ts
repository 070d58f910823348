import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { useAppStore } from '../state/useAppStore.ts';
import type { MessageKey } from './en.ts';
import type { PluralKey, Vars } from './translate.ts';
import {
  formatNumber,
  loadLocale,
  localesGeneration,
  subscribeLocales,
  translate,
  translateDynamic,
  translatePlural,
} from './translate.ts';

export interface T {
  (key: MessageKey, vars?: Vars): string;
  /** For keys built at run time, e.g. `step.${id}.title`. */
  dynamic: (key: string, vars?: Vars) => string;
  /** The plural form the language's rules pick for `count` (`{count}` is filled in). */
  plural: (base: PluralKey, count: number, vars?: Vars) => string;
  /** A number written the language's way, with a fixed number of decimals if given. */
  number: (value: number, fractionDigits?: number) => string;
  lang: string;
}

/** The translation function for the current language; re-renders when its locale file arrives. */
export function useT(): T {
  const lang = useAppStore((s) => s.params.lang);
  const generation = useSyncExternalStore(subscribeLocales, localesGeneration, localesGeneration);
  useEffect(() => {
    // main.tsx loads the first language before the first render; this covers later switches.
    loadLocale(lang).catch(() => undefined);
  }, [lang]);
  return useMemo(() => {
    const t = ((key: MessageKey, vars?: Vars) => translate(lang, key, vars)) as T;
    t.dynamic = (key, vars) => translateDynamic(lang, key, vars);
    t.plural = (base, count, vars) => translatePlural(lang, base, count, vars);
    t.number = (value, fractionDigits) => formatNumber(lang, value, fractionDigits);
    t.lang = lang;
    return t;
    // `generation` changes when a locale arrives: a new `t` makes its users re-render.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- generation is the reason for a new t, not an input
  }, [lang, generation]);
}
