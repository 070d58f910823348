import { describe, expect, it } from 'vitest';
import type { Aim as CameraPose } from '../../src/domain/procedures/orbitOffset.ts';
import { MAX_ELEVATION_DEG, NO_OFFSET, clampOffset, orbitOffset, viewDirection } from '../../src/domain/procedures/orbitOffset.ts';

const pose: CameraPose = { target: [10, 20, 30], position: [10, 20 + 100 * Math.sin(0.3), 30 - 100 * Math.cos(0.3)] };
const dist = (p: CameraPose) => Math.hypot(p.position[0] - p.target[0], p.position[1] - p.target[1], p.position[2] - p.target[2]);

describe('orbit offset on a framed shot', () => {
  it('no offset is the shot itself', () => {
    expect(orbitOffset(pose, NO_OFFSET)).toEqual(pose);
  });

  it.each([15, 90, -45, 180])('turning by %i° keeps the target, distance and height', (deg) => {
    const p = orbitOffset(pose, { turnDeg: deg, tiltDeg: 0, zoom: 0 });
    expect(p.target).toEqual(pose.target);
    expect(dist(p)).toBeCloseTo(100, 6);
    expect(p.position[1]).toBeCloseTo(pose.position[1], 6);
    // The horizontal direction turned by exactly deg.
    const a0 = Math.atan2(pose.position[0] - 10, pose.position[2] - 30);
    const a1 = Math.atan2(p.position[0] - 10, p.position[2] - 30);
    const turned = ((((a1 - a0) * 180) / Math.PI + 540) % 360) - 180;
    expect(Math.abs(turned)).toBeCloseTo(Math.abs(deg === 180 ? 180 : deg), 4);
  });

  it('tilt raises the camera and never passes over the pole', () => {
    const up = orbitOffset(pose, { turnDeg: 0, tiltDeg: 20, zoom: 0 });
    expect(up.position[1]).toBeGreaterThan(pose.position[1]);
    const over = orbitOffset(pose, { turnDeg: 0, tiltDeg: 400, zoom: 0 });
    expect(Math.asin((over.position[1] - 20) / dist(over)) * (180 / Math.PI)).toBeCloseTo(MAX_ELEVATION_DEG, 4);
  });

  it('zoom moves along the line of sight, closer for positive steps', () => {
    expect(dist(orbitOffset(pose, { turnDeg: 0, tiltDeg: 0, zoom: 2 }))).toBeCloseTo(100 * 0.85 ** 2, 6);
    expect(dist(orbitOffset(pose, { turnDeg: 0, tiltDeg: 0, zoom: -1 }))).toBeGreaterThan(100);
  });

  it('clamps zoom to whole steps within range and wraps the turn', () => {
    expect(clampOffset({ turnDeg: 370, tiltDeg: 0, zoom: 99 })).toEqual({ turnDeg: 10, tiltDeg: 0, zoom: 6 });
    expect(clampOffset({ turnDeg: -190, tiltDeg: 0, zoom: -99 }).zoom).toBe(-4);
  });
});

describe('view direction in words', () => {
  const at = (x: number, z: number): CameraPose => ({ target: [0, 0, 0], position: [x, 30, z] });
  it.each([
    [0, -100, 'behind'],
    [-70, -70, 'behindRight'],
    [70, -70, 'behindLeft'],
    [-100, 0, 'right'],
    [100, 0, 'left'],
    [-70, 70, 'frontRight'],
    [0, 100, 'front'],
  ] as const)('camera at x=%i z=%i is %s', (x, z, expected) => {
    expect(viewDirection(at(x, z))).toBe(expected);
  });
});
