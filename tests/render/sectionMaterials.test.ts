import { describe, expect, it } from 'vitest';
import type { DataTexture } from 'three';
import { createSectionMaterials } from '../../src/render/sectionMaterials.ts';

const pixels = (texture: DataTexture) => texture.image.data as Uint8Array;

describe('cut-face materials', () => {
  it('draw the trabecular pattern once: every set reads the same pixels, and disposing one leaves the others whole', () => {
    const first = createSectionMaterials();
    const second = createSectionMaterials();
    const a = first.cancellous.map as DataTexture;
    const b = second.cancellous.map as DataTexture;
    expect(a).not.toBe(b);
    expect(pixels(b)).toBe(pixels(a));
    // Struts and marrow spaces both show: the pattern is drawn, not left blank.
    const data = pixels(a);
    let [low, high] = [255, 0];
    for (let i = 0; i < data.length; i += 4) [low, high] = [Math.min(low, data[i]!), Math.max(high, data[i]!)];
    expect([low, high]).toEqual([200, 236]);
    first.dispose();
    const third = createSectionMaterials();
    expect(pixels(third.cancellous.map as DataTexture)).toBe(pixels(a));
    expect(pixels(a)[3]).toBe(255);
    second.dispose();
    third.dispose();
  }, 30_000);
});
