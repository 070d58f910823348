import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import { remeshStats } from '../render/cementSurface.ts';

declare global {
  interface Window {
    /** Render statistics of the last drawn frame, read by `npm run bench`. */
    __spinecastRenderStats?: { calls: number; triangles: number; frames: number; peakCalls: number; peakTriangles: number };
    /** Cement remeshes so far, their time and the main thread's share of it, ms (render/cementSurface.ts). */
    __spinecastRemesh?: { count: number; ms: number; mainMs: number };
  }
}

/**
 * Records draw calls and triangles of the previous frame for the benchmark, summed over every render
 * pass of the frame (3D view and X-ray images); allocates nothing per frame.
 */
export function StatsProbe() {
  const gl = useThree((s) => s.gl);
  // One record for the life of the pane: a re-render (a step change, the cement arriving) must not
  // restart the frame count a reader is diffing.
  const stats = useMemo(() => ({ calls: 0, triangles: 0, frames: 0, peakCalls: 0, peakTriangles: 0 }), []);
  useEffect(() => {
    window.__spinecastRenderStats = stats;
    window.__spinecastRemesh = remeshStats;
  }, [stats]);
  useEffect(() => {
    gl.info.autoReset = false;
    return () => void (gl.info.autoReset = true);
  }, [gl]);
  useFrame(() => {
    stats.calls = gl.info.render.calls;
    stats.triangles = gl.info.render.triangles;
    stats.frames += 1;
    // The X-ray images are redrawn only on some frames: the peaks show the frames that draw everything.
    stats.peakCalls = Math.max(stats.peakCalls, stats.calls);
    stats.peakTriangles = Math.max(stats.peakTriangles, stats.triangles);
    gl.info.reset();
  }, -2);
  return null;
}
