/**
 * The layer rules of eslint.config.js (src/<folder>/README.md, "May import") can fail: a file that
 * imports across a wrong boundary gets an error, and one that keeps to its layer gets none. `npm run
 * lint` applies them to the whole tree; this only shows they bite. Type information is not needed
 * for these rules, so the probes are linted without it (they are not files of the project).
 */
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ overrideConfig: tseslint.configs.disableTypeChecked });

async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => /no-restricted-(imports|syntax|globals|properties)$/.test(m.ruleId ?? ''))
    .map((m) => `${m.line}: ${m.message}`);
}

describe('layer rules', { timeout: 60_000 }, () => {
  it('reject a domain file that reaches for three, the store, the clock or unseeded randomness', async () => {
    const errors = await layerErrors(
      'src/domain/probe.ts',
      [
        "import { Mesh } from 'three';",
        "import { createAppStore } from '../state/store.ts';",
        'export const a = [Mesh, createAppStore];',
        'export const b = Math.random() + new Date().getTime() + performance.now();',
        "export const c = () => import('../render/toScene.ts');",
      ].join('\n'),
    );
    expect(errors.map((e) => e.split(':')[0])).toEqual(['1', '2', '4', '4', '4', '5']);
  });

  it('reject what the README of ui, state and workers rules out', async () => {
    expect(await layerErrors('src/ui/Probe.tsx', "import { SceneHost } from '../scene/SceneHost.tsx';\nexport const x = SceneHost;")).toHaveLength(1);
    expect(await layerErrors('src/ui/Probe.tsx', "import { DebugPanel } from '../debug/DebugPanel.tsx';\nexport const x = DebugPanel;")).toHaveLength(1);
    expect(await layerErrors('src/state/store2.ts', "import { useState } from 'react';\nexport const x = useState;")).toHaveLength(1);
    expect(await layerErrors('src/state/probe.ts', "import { createCementClient } from '../workers/cementClient.ts';\nexport const x = createCementClient;")).toHaveLength(1);
    expect(await layerErrors('src/workers/probe.ts', "import { createAppStore } from '../state/store.ts';\nexport const x = createAppStore;")).toHaveLength(1);
  });

  it('accept imports each README allows', async () => {
    expect(await layerErrors('src/ui/Probe.tsx', "export const x = [() => import('../scene/SceneHost.tsx'), () => import('../debug/DebugPanel.tsx')];")).toEqual([]);
    expect(await layerErrors('src/state/ProbeContext.ts', "import { createContext } from 'react';\nexport const x = createContext(null);")).toEqual([]);
    expect(await layerErrors('src/workers/probe.ts', "import type { AppStore } from '../state/store.ts';\nexport type X = AppStore;")).toEqual([]);
    expect(await layerErrors('src/render/probe.ts', "import { Mesh } from 'three';\nimport { ml } from '../domain/units.ts';\nexport const x = [Mesh, ml];")).toEqual([]);
  });
});
