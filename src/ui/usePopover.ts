import { useEffect, useId, useRef, useState } from 'react';

/**
 * A panel opened from a button: focus moves into it on opening (to `focusSelector`), Escape closes
 * it and gives focus back to the button.
 */
export function usePopover(focusSelector: string) {
  const [open, setOpen] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const panelId = useId();

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
