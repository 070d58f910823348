/**
 * axe-core (WCAG 2.2 A/AA and best practice) on the states patients and educators see: the default,
 * compare at the end, educator mode, a translated page and the phone layout. The app's CSP blocks
 * the injected script, so the context bypasses it (engineering-notes.md).
 */
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { DESKTOP, PHONE, openApp } from './helpers.ts';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Violations as "rule: target" lines, so a failure names what to fix. */
async function violations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
  }, TAGS);
}

describe('axe-core finds no violations', () => {
  it.each([
    ['the default', '', DESKTOP],
    ['compare at the end', 'procedure=compare&step=set', DESKTOP],
    ['educator mode', 'mode=educator&procedure=bkp&step=inflate', DESKTOP],
    ['German', 'lang=de&procedure=bkp', DESKTOP],
    ['the phone layout', '', PHONE],
  ] as const)('%s', async (_name, query, options) => {
    const { page } = await openApp(browser, query, { ...options, bypassCSP: true }, 90_000);
    expect(await violations(page)).toEqual([]);
    await page.context().close();
  });

  it('the evidence panel open (phone, Spanish)', async () => {
    const { page } = await openApp(browser, 'lang=es', { ...PHONE, bypassCSP: true }, 90_000);
    await page.locator('.evidence-open').tap();
    await page.locator('.evidence-dialog[open]').waitFor();
    expect(await violations(page)).toEqual([]);
    await page.context().close();
  });
});
