import { Html } from '@react-three/drei';
import { useThree } from '@react-three/fiber';
import type { ComponentProps } from 'react';
import { useMemo } from 'react';

/**
 * drei's `Html` pinned to one host element for its whole life: the canvas's own wrapper. Left to
 * itself, `Html` hosts its label in whatever element the pane's pointer events are connected to, and
 * falls back to the canvas's wrapper until they are. A pane whose scene mounts in the same commit as
 * its canvas (the second pane, the first time compare is shown) mounts its labels before the events
 * connect, so each label moved host once and built a second React root in the same element; the two
 * roots then removed each other's nodes ("NotFoundError: Failed to execute 'removeChild'", seen in the
 * kiosk loop when compare moved on). One fixed host means one root per label.
 */
export function SceneHtml(props: Omit<ComponentProps<typeof Html>, 'portal'>) {
  const gl = useThree((s) => s.gl);
  const portal = useMemo(() => ({ current: gl.domElement.parentElement! }), [gl]);
  return <Html {...props} portal={portal} />;
}
