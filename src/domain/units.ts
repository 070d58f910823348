/** Branded units used at the boundaries of the domain, so mm never meet metres by accident. */
declare const unit: unique symbol;

/** Millimetres. */
export type Mm = number & { readonly [unit]: 'mm' };
/** Millilitres. */
export type Ml = number & { readonly [unit]: 'mL' };
/** Seconds (on-screen playback time unless named otherwise). */
export type Seconds = number & { readonly [unit]: 's' };
/** Degrees. */
export type Deg = number & { readonly [unit]: 'deg' };

export function mm(value: number): Mm {
  return value as Mm;
}
export function ml(value: number): Ml {
  return value as Ml;
}
export function seconds(value: number): Seconds {
  return value as Seconds;
}
export function deg(value: number): Deg {
  return value as Deg;
}
