// UI smoke test of g0guard in real VS Code (code-server) through playwright-core + Debian's
// Chromium: squiggle, Problems panel row, hover text, Ctrl+. quick fix applied, squiggle gone.
// Saves docs/screenshots/{1-squiggles,2-problems,3-hover,4-quick-fix,5-fixed}.png.
// Env: CS_URL, WORKSPACE, SHOTS (folder), CHROMIUM, TIMEOUT_MS (default 60000).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from './chromium.mjs';

const shots = process.env.SHOTS ?? 'shots';
const timeout = Number(process.env.TIMEOUT_MS ?? 60000);
mkdirSync(shots, { recursive: true });
const t0 = Date.now();
let passed = 0, failed = 0;

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
page.setDefaultTimeout(timeout);
const shot = (name) => page.screenshot({ path: join(shots, `${name}.png`) });

async function step(name, fn) {
  try {
    const detail = await fn();
    passed++;
    console.log(`ok     ${name} (${Date.now() - t0} ms)${detail ? ': ' + detail : ''}`);
    return true;
  } catch (e) {
    failed++;
    console.log(`FAILED ${name} (${Date.now() - t0} ms): ${String(e.message ?? e).split('\n')[0]}`);
    await page.screenshot({ path: join(process.env.FAILED_SHOTS ?? shots, `failed-${name.replace(/\W+/g, '-')}.png`) }).catch(() => {});
    return false;
  }
}

// Monaco renders spaces as U+00A0; normalise before comparing text.
const editorText = async () => (await page.locator('.monaco-editor .view-lines').first().innerText()).replace(/\u00a0/g, ' ');
const warning = () => page.locator('.monaco-editor .squiggly-warning').first();
const center = async (loc) => { const b = await loc.boundingBox(); return { x: b.x + b.width / 2, y: b.y + b.height / 2 }; };

const ok = await step('workbench loads', async () => {
  await page.goto(`${process.env.CS_URL}/?folder=${encodeURIComponent(process.env.WORKSPACE)}`);
  await page.locator('.monaco-workbench .part.sidebar').first().waitFor();
}) && await step('main.go opens', async () => {
  await page.locator('.monaco-workbench .part.editor').click({ position: { x: 400, y: 300 } }).catch(() => {});
  await page.keyboard.press('Control+P');
  await page.locator('.quick-input-widget input').fill('main.go');
  await page.locator('.quick-input-list .monaco-list-row').first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.monaco-editor .view-lines').first().waitFor();
  return `${(await editorText()).split('\n').length} lines shown`;
}) && await step('squiggles: export-panic (warning) and cgo-callback-recursion (error)', async () => {
  await warning().waitFor();
  await page.locator('.monaco-editor .squiggly-error').first().waitFor();
  await page.mouse.move(5, 5);
  await shot('1-squiggles');
}) && await step('Problems panel lists both rules', async () => {
  await page.keyboard.press('Control+Shift+M');
  const panic = page.locator('.markers-panel .monaco-list-row', { hasText: 'can panic' }).first();
  await panic.waitFor();
  await page.locator('.markers-panel .monaco-list-row', { hasText: 'recursion' }).first().waitFor();
  await shot('2-problems');
  const row = (await panic.innerText()).replace(/\s+/g, ' ');
  await page.keyboard.press('Control+J'); // close the panel again
  return row.slice(0, 140);
}) && await step('hover shows the rule explanation', async () => {
  const at = await center(warning());
  await page.mouse.move(at.x - 20, at.y);
  await page.mouse.move(at.x, at.y, { steps: 4 });
  const hover = page.locator('.monaco-hover:visible', { hasText: /measured on/i }).first();
  await hover.waitFor();
  await page.waitForTimeout(300); // let the hover finish its layout before the picture
  await shot('3-hover');
  return (await hover.innerText()).split('\n').find((l) => /panic/i.test(l))?.slice(0, 140);
}) && await step('Ctrl+. offers the recover guard', async () => {
  const at = await center(warning());
  await page.mouse.click(at.x, at.y);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+.');
  const rows = page.locator('.action-widget .monaco-list-row');
  await rows.first().waitFor({ state: 'visible' });
  const titles = (await rows.allInnerTexts()).map((t) => t.trim()).filter(Boolean);
  // walk the keyboard focus to the recover fix (the list has group headers and the suppression)
  for (let i = 0; i < 12; i++) {
    const focused = await page.locator('.action-widget .monaco-list-row.focused').first().innerText().catch(() => '');
    if (/recover/i.test(focused)) break;
    await page.keyboard.press('ArrowDown');
  }
  const focused = await page.locator('.action-widget .monaco-list-row.focused').first().innerText();
  if (!/recover/i.test(focused)) throw new Error(`no recover fix among: ${titles.join(' | ')}`);
  await shot('4-quick-fix');
  return titles.join(' | ');
}) && await step('the fix is applied and the warning squiggle disappears', async () => {
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('.monaco-editor .view-lines')?.innerText.includes('recover()'));
  await warning().waitFor({ state: 'detached' });
  await page.mouse.move(5, 5);
  await page.waitForTimeout(300);
  await shot('5-fixed');
  return (await editorText()).split('\n').find((l) => l.includes('recover()')).trim();
});
if (!ok) console.log('stopped at the first failed step');
await browser.close();
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed || !ok ? 1 : 0);
