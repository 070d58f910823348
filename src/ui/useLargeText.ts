import { useEffect, useState } from 'react';

const KEY = 'spinecast.largeText';

function stored(): boolean {
  try {
    return window.localStorage.getItem(KEY) === '1';
  } catch {
    // Storage can be blocked (private windows, sandboxed frames): the option then lasts the visit.
    return false;
  }
}

/** Larger caption text, readable at arm's length from a consult-room tablet; remembered on this device. */
export function useLargeText(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(stored);
  useEffect(() => {
    try {
      window.localStorage.setItem(KEY, on ? '1' : '0');
    } catch {
      // See above.
    }
  }, [on]);
  return [on, setOn];
}
