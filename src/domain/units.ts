/**
 * Branded units where a value enters from outside the plan (the URL's volume, playback time), so a
 * bare number never passes for millilitres or seconds by accident. Lengths are plain numbers in
 * millimetres throughout the domain; metres exist only in src/render/toScene.ts.
 */
declare const unit: unique symbol;

/** Millilitres. */
export type Ml = number & { readonly [unit]: 'mL' };
/** Seconds (on-screen playback time unless named otherwise). */
export type Seconds = number & { readonly [unit]: 's' };

export function ml(value: number): Ml {
  return value as Ml;
}
export function seconds(value: number): Seconds {
  return value as Seconds;
}
