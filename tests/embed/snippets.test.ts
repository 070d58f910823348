import { describe, expect, it } from 'vitest';
import { embedSnippets } from '../../src/embed/snippets.ts';

describe('embed snippets', () => {
  const query = new URLSearchParams('procedure=bkp&level=T12&grade=3&shape=wedge&lang=en&step=inflate&ui=compact&origin=https://x.example');
  const { element, iframe } = embedSnippets('https://spinecast.example/app/', query, 'SpineCast: "Kyphoplasty"');

  it('gives the script beside the app and an element with the state as attributes', () => {
    expect(element).toBe(
      '<script src="https://spinecast.example/app/embed.js" async></script>\n' +
        '<spine-cast procedure="bkp" level="T12" grade="3" shape="wedge" lang="en" step="inflate"></spine-cast>',
    );
  });

  it('gives a plain frame of the compact player with an escaped title', () => {
    expect(iframe).toContain('src="https://spinecast.example/app/?procedure=bkp&amp;level=T12&amp;grade=3&amp;shape=wedge&amp;lang=en&amp;step=inflate&amp;ui=compact"');
    expect(iframe).toContain('title="SpineCast: &quot;Kyphoplasty&quot;"');
    expect(iframe).not.toContain('origin=');
  });
});
