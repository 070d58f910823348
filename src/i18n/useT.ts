import { useMemo } from 'react';
import { useAppStore } from '../state/useAppStore.ts';
import type { MessageKey } from './en.ts';
import type { Vars } from './translate.ts';
import { translate, translateDynamic } from './translate.ts';

export interface T {
  (key: MessageKey, vars?: Vars): string;
  /** For keys built at run time, e.g. `step.${id}.title`. */
  dynamic(key: string, vars?: Vars): string;
}

/** The translation function for the current language. */
export function useT(): T {
  const lang = useAppStore((s) => s.params.lang);
  return useMemo(() => {
    const t = ((key: MessageKey, vars?: Vars) => translate(lang, key, vars)) as T;
    t.dynamic = (key, vars) => translateDynamic(lang, key, vars);
    return t;
  }, [lang]);
}
