import { describe, expect, it } from 'vitest';
import { createFrameReports } from '../../src/scene/frameReports.ts';

/** Animation frames the test runs by hand. */
function frames() {
  let queue: (() => void)[] = [];
  return {
    request: (callback: () => void) => queue.push(callback),
    cancel: (handle: number) => {
      queue[handle - 1] = () => undefined;
    },
    next() {
      const now = queue;
      queue = [];
      for (const callback of now) callback();
    },
  };
}

function setUp() {
  const sent: string[] = [];
  const target = { pane: 'vp', readiness: { frameDrawn: (pane: string, version: number) => void sent.push(`${pane}@${version}`) } };
  const raf = frames();
  const reports = createFrameReports(() => target, raf.request, raf.cancel);
  return { sent, target, raf, reports };
}

describe('reports of drawn frames', () => {
  it('goes out one animation frame after the frame, and a frame drawn meanwhile one after that', () => {
    const { sent, raf, reports } = setUp();
    reports.drawn(1);
    expect(sent).toEqual([]);
    reports.drawn(2);
    raf.next();
    expect(sent).toEqual(['vp@1']);
    raf.next();
    expect(sent).toEqual(['vp@1', 'vp@2']);
    raf.next();
    expect(sent).toEqual(['vp@1', 'vp@2']);
  });

  it('goes to the name the pane has when it goes out: the one frame after a switch is heard of', () => {
    const { sent, target, raf, reports } = setUp();
    // Pause (version 3) is drawn; before its report goes out the pane becomes kyphoplasty's
    // (version 4), and one frame shows it.
    reports.drawn(3);
    target.pane = 'bkp';
    reports.drawn(4);
    raf.next();
    raf.next();
    expect(sent).toEqual(['bkp@3', 'bkp@4']);
  });

  it('sends nothing once cancelled', () => {
    const { sent, raf, reports } = setUp();
    reports.drawn(5);
    reports.cancel();
    raf.next();
    expect(sent).toEqual([]);
    reports.drawn(6);
    raf.next();
    expect(sent).toEqual(['vp@6']);
  });
});
