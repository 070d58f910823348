/**
 * A pseudo-locale for checking layouts: every word is accented (so a string that skipped the
 * translation layer stands out) and made 40% longer (translations from English often run that much
 * longer; German packs it into single long words, which is the harder case, so the words grow rather
 * than multiply). `{placeholders}` are kept. Used by the development build (`lang=xx`) and by the
 * browser tests; never shipped to users.
 */
const ACCENTED: Readonly<Record<string, string>> = {
  a: 'á', e: 'é', i: 'í', o: 'ó', u: 'ú', y: 'ý', c: 'ç', n: 'ñ',
  A: 'Á', E: 'É', I: 'Í', O: 'Ó', U: 'Ú', Y: 'Ý', C: 'Ç', N: 'Ñ',
};

/** How much longer each word becomes. */
export const PSEUDO_EXPANSION = 0.4;

export function pseudoLocalizeText(text: string): string {
  return text
    .split(/(\{\w+\})/)
    .map((part) =>
      /^\{\w+\}$/.test(part)
        ? part
        : part.replace(/[A-Za-z]+/g, (word) => {
            const accented = [...word].map((ch) => ACCENTED[ch] ?? ch).join('');
            return accented + accented.slice(0, Math.ceil(word.length * PSEUDO_EXPANSION));
          }),
    )
    .join('');
}

/** The whole message table, pseudo-localised (notes, keys starting with `@`, are left out). */
export function pseudoLocalize(messages: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(messages)
      .filter(([key]) => !key.startsWith('@'))
      .map(([key, text]) => [key, pseudoLocalizeText(text)]),
  );
}
