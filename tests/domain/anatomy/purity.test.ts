/**
 * src/domain stays pure: no React, three, DOM or node imports; the anatomy generator uses no
 * randomness or clocks (everything is a function of the level parameters).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const DOMAIN = fileURLToPath(new URL('../../../src/domain', import.meta.url));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const FORBIDDEN_IMPORT = /(?:from|import)\s*\(?\s*['"](react|react-dom|three|@react-three\/[^'"]*|three\/[^'"]*|node:[^'"]*|fs|path|zustand|leva)['"]/;

describe('src/domain purity', () => {
  it.each(files(DOMAIN).map((f) => [f.slice(DOMAIN.length + 1), f]))('%s imports no React, three, DOM or node modules', (_name, path) => {
    const src = readFileSync(path, 'utf8');
    expect(src).not.toMatch(FORBIDDEN_IMPORT);
    expect(src).not.toMatch(/\b(document|window|navigator)\./);
  });

  it.each(files(join(DOMAIN, 'anatomy')).map((f) => [f.slice(DOMAIN.length + 1), f]))('%s uses no Math.random or clocks', (_name, path) => {
    const src = readFileSync(path, 'utf8');
    expect(src).not.toMatch(/Math\.random|Date\.now|new Date|performance\.now|setTimeout|setInterval|requestAnimationFrame/);
  });
});
