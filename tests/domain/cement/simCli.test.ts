/** The `npm run sim` contract (product.md, "Simulation CLI"): one JSON object, exit 2 on bad input. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..', '..');

function sim(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), ['scripts/sim.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('npm run sim', { timeout: 60_000 }, () => {
  it('prints one JSON object with the contract fields', () => {
    const r = sim(['--procedure', 'bkp', '--level', 'L1', '--runs', '4', '--seed', '3', '--viscosity', 'high', '--volume', '4', '--defect', '--json']);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(out['runs']).toBe(4);
    expect(typeof out['leakRate']).toBe('number');
    expect(Object.keys(out['byType'] as object).sort()).toEqual(['basivertebral', 'cortical', 'disc', 'epidural', 'segmental']);
    expect(out['meanFillFraction']).toBeGreaterThan(0);
    expect(out['meanVolumeMl']).toBeCloseTo(4, 6);
    expect(out['timing']).toMatchObject({ totalMs: expect.any(Number) as unknown, medianRunMs: expect.any(Number) as unknown });
  });

  it.each([[['--procedure', 'xx']], [['--runs']], [['--volume', '-1']], [['--level', 'L9']], [['--what']]])('rejects %j with exit code 2', (args) => {
    const r = sim([...args, '--json']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^sim: /);
  });
});
