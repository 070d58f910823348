import { Html } from '@react-three/drei';
import { useThree } from '@react-three/fiber';
import type { ComponentProps, ReactNode } from 'react';
import { useContext, useId, useLayoutEffect, useMemo } from 'react';
import { PaneFrameContext } from './paneFrame.ts';

/**
 * drei's `Html` pinned to one host element for its whole life: the canvas's own wrapper. Left to
 * itself, `Html` hosts its label in whatever element the pane's pointer events are connected to, and
 * falls back to the canvas's wrapper until they are. A pane whose scene mounts in the same commit as
 * its canvas (the second pane, the first time compare is shown) mounts its labels before the events
 * connect, so each label moved host once and built a second React root in the same element; the two
 * roots then removed each other's nodes ("NotFoundError: Failed to execute 'removeChild'", seen in the
 * kiosk loop when compare moved on). One fixed host means one root per label.
 *
 * A label is part of the picture: `Html` renders its content in a React root of its own, which
 * commits later than the scene, so until it has the pane waits (no frame is reported as showing the
 * state) and, once it has, draws a frame to place it (the view draws on demand).
 */
export function SceneHtml({ children, ...props }: Omit<ComponentProps<typeof Html>, 'portal'>) {
  const gl = useThree((s) => s.gl);
  const invalidate = useThree((s) => s.invalidate);
  const source = useContext(PaneFrameContext);
  const portal = useMemo(() => ({ current: gl.domElement.parentElement! }), [gl]);
  const wait = `label ${useId()}`;
  useLayoutEffect(() => {
    source?.waiting.add(wait);
    return () => void source?.waiting.delete(wait);
  }, [source, wait]);
  const mounted = useMemo(
    () => () => {
      source?.waiting.delete(wait);
      invalidate();
    },
    [source, wait, invalidate],
  );
  return (
    <Html {...props} portal={portal}>
      <Mounted onMount={mounted}>{children}</Mounted>
    </Html>
  );
}

/** Rendered in the label's own root: says when its content is in the page. */
function Mounted({ onMount, children }: { onMount: () => void; children?: ReactNode }) {
  useLayoutEffect(onMount, [onMount]);
  return <>{children}</>;
}
