import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path));
    else if (/\.(ts|tsx)$/.test(name)) out.push(path);
  }
  return out;
}

function importsOf(source: string): string[] {
  const specs: string[] = [];
  for (const m of source.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    specs.push((m[1] ?? m[2])!);
  }
  return specs;
}

/** Layer rules of style.md: imports point inward (ui/scene → render → domain). */
const RULES: Record<string, { forbidden: RegExp[]; forbiddenCode?: RegExp[] }> = {
  'src/domain': {
    forbidden: [/^react/, /^three/, /^@react-three/, /^leva/, /^zustand/, /^node:/, /\/(render|scene|ui|state|debug|i18n)\//],
    // No DOM, clocks or unseeded randomness in the domain.
    forbiddenCode: [/\bdocument\./, /\bwindow\./, /Math\.random/, /Date\.now/, /performance\.now/, /\bsetTimeout\b/, /\bsetInterval\b/, /requestAnimationFrame/],
  },
  'src/render': { forbidden: [/^react/, /^@react-three/, /^leva/, /\/(scene|ui|state|debug)\//] },
  'src/state': { forbidden: [/^three/, /^@react-three/, /^leva/, /\/(scene|ui|render|debug)\//] },
};

describe('layering', () => {
  for (const [dir, rule] of Object.entries(RULES)) {
    const files = filesUnder(join(ROOT, dir));
    it(`${dir} has files to check`, () => {
      expect(files.length).toBeGreaterThan(0);
    });
    it.each(files.map((f) => [relative(ROOT, f), f]))(`%s keeps to the ${dir} rules`, (_name, file) => {
      const source = readFileSync(file, 'utf8');
      const bad = importsOf(source).filter((spec) => rule.forbidden.some((re) => re.test(spec)));
      expect(bad).toEqual([]);
      const code = source.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      const badCode = (rule.forbiddenCode ?? []).filter((re) => re.test(code)).map(String);
      expect(badCode).toEqual([]);
    });
  }

  it('the store core imports no React (its binding is a separate file)', () => {
    const source = readFileSync(join(ROOT, 'src/state/store.ts'), 'utf8');
    expect(importsOf(source).filter((s) => /^react|^zustand$/.test(s))).toEqual([]);
  });

  it('the import scanner sees what it should (so the checks above can fail)', () => {
    expect(importsOf("import { Mesh } from 'three';\nexport { x } from './y.ts';\nconst m = import('leva');")).toEqual(['three', './y.ts', 'leva']);
  });
});
