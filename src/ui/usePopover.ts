import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';

/** Space kept between a panel and the window's bottom edge, px. */
const EDGE = 8;

/**
 * A panel opened from a button: focus moves into it on opening (to `focusSelector`), Escape closes
 * it and gives focus back to the button. With `fitWindow`, the panel is capped to the room left
 * below its top in the window, so no part of it hangs under the footer or off screen: what does not
 * fit scrolls inside it.
 */
export function usePopover(focusSelector: string, options: { fitWindow?: boolean } = {}) {
  const fitWindow = options.fitWindow ?? false;
  const [open, setOpen] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const panelId = useId();

  useLayoutEffect(() => {
    if (!open || !fitWindow) return;
    const el = panel.current;
    if (!el) return;
    function fit(): void {
      if (!el) return;
      // Where the page itself scrolls (narrow or short windows), the panel keeps its full height.
      if (getComputedStyle(document.body).overflowY !== 'hidden') {
        el.style.maxHeight = 'none';
        return;
      }
      const top = el.getBoundingClientRect().top;
      el.style.maxHeight = `${Math.max(120, window.innerHeight - top - EDGE)}px`;
    }
    fit();
    window.addEventListener('resize', fit);
    return () => window.removeEventListener('resize', fit);
  }, [open, fitWindow]);

  useEffect(() => {
    if (!open) return;
    panel.current?.querySelector<HTMLElement>(focusSelector)?.focus();
    function onKey(event: KeyboardEvent): void {
      if (event.key === 'Escape') {
        setOpen(false);
        trigger.current?.focus();
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open, focusSelector]);

  return {
    open,
    trigger,
    panel,
    panelId,
    toggle: () => setOpen((v) => !v),
    close: () => {
      setOpen(false);
      trigger.current?.focus();
    },
  };
}
