import { useCallback, useEffect, useRef } from 'react';

const FOCUSABLE = 'button, [href], input, select, textarea, summary, [tabindex]:not([tabindex="-1"])';

/**
 * A native modal `<dialog>` opened from a button: `showModal()` makes the rest of the page inert,
 * Escape closes it, Tab and Shift+Tab go round its own controls (a modal dialog alone lets focus
 * leave for the browser's toolbar and come back on the page's body), and closing gives focus back
 * to the button that opened it, however it was closed (its close button, Escape, or a script).
 */
export function useModalDialog() {
  const dialog = useRef<HTMLDialogElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const open = useCallback(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);
  const close = useCallback(() => dialog.current?.close(), []);
  /** For the dialog's `onClose`. */
  const onClose = useCallback(() => trigger.current?.focus(), []);

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    function onKeyDown(event: KeyboardEvent): void {
      if (event.key !== 'Tab' || !d) return;
      const controls = [...d.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => !el.matches(':disabled') && el.checkVisibility());
      const first = controls[0];
      const last = controls[controls.length - 1];
      if (!first || !last) return;
      const active = document.activeElement;
      if (event.shiftKey ? active === first || !d.contains(active) : active === last) {
        event.preventDefault();
        (event.shiftKey ? last : first).focus();
      }
    }
    d.addEventListener('keydown', onKeyDown);
    return () => d.removeEventListener('keydown', onKeyDown);
  }, []);

  return { dialog, trigger, open, close, onClose };
}
