import type { RefObject } from 'react';
import { useEffect, useRef } from 'react';

/**
 * Keeps `outer` at least as tall as the tallest `inner` has been since the layout last changed (its
 * width, its text size or `layoutKey`), so a shorter caption never shrinks the box and a taller one
 * grows it once. The text size is read from the first element matching `textSelector`. The 3D view takes the height the dock leaves, and every change of that height
 * reallocates the canvas's drawing buffer: a long main-thread task on every step and procedure
 * change, and a picture that jumps. `inner` must take its height from its content only.
 */
export function useSteadyHeight(outer: RefObject<HTMLElement | null>, inner: RefObject<HTMLElement | null>, layoutKey: string, textSelector = '*'): void {
  const key = useRef(layoutKey);
  key.current = layoutKey;
  useEffect(() => {
    const box = outer.current;
    const content = inner.current;
    if (!box || !content || typeof ResizeObserver === 'undefined') return;
    let tallest = 0;
    let layout = '';
    const observer = new ResizeObserver(() => {
      // Changing the outer box's min-height never resizes the content: no observer loop.
      const text = content.querySelector(textSelector) ?? content;
      const now = `${content.clientWidth}|${getComputedStyle(text).fontSize}|${key.current}`;
      // Whole pixels: a fractional min-height would still move the view by a fraction on shorter text.
      const height = Math.ceil(content.getBoundingClientRect().height);
      if (now !== layout) {
        layout = now;
        tallest = height;
      } else if (height > tallest) {
        tallest = height;
      } else {
        return;
      }
      box.style.minHeight = `${tallest}px`;
    });
    observer.observe(content);
    return () => observer.disconnect();
  }, [outer, inner, textSelector]);
}
