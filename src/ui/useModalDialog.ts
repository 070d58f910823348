import { useCallback, useRef } from 'react';

/**
 * A native modal `<dialog>` opened from a button: `showModal()` makes the rest of the page inert
 * (focus stays inside), Escape closes it, and closing gives focus back to the button that opened
 * it, however it was closed (its close button, Escape, or a script).
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
  return { dialog, trigger, open, close, onClose };
}
