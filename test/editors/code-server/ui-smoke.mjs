// UI test of g0guard in real VS Code (code-server) through playwright-core + Debian's Chromium:
// squiggle, Problems panel row, hover text, Ctrl+. quick fix applied, squiggle gone; then across
// the boundary: F12 on C.descend lands in the C function, the call hierarchy of the export lists
// its C caller, the finding's call path command, and the preamble's C coloured as C and outlined.
// Saves docs/screenshots/{1-squiggles,2-problems,3-hover,4-quick-fix,5-fixed,6-definition,
// 7-call-hierarchy,8-preamble}.png.
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
const activeTab = () => page.locator('.tabs-container .tab.active').first().innerText();
const cursorAt = () => page.locator('.statusbar-item[id$="status.editor.selection"]').first().innerText();

/** Opens `name` by Quick Open. */
async function open(name) {
  await page.keyboard.press('Control+P');
  await page.locator('.quick-input-widget input').fill(name);
  // click the row: Enter would take the first, which may still be a recently opened file
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().click();
  await page.waitForFunction((n) => document.querySelector('.tabs-container .tab.active')?.textContent.includes(n), name);
}

/** Puts the cursor on the first match of `text` after the top of the file, `into` characters in. */
async function cursorOn(text, into = 0) {
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('Control+F');
  const find = page.locator('.find-widget textarea, .find-widget input').first();
  await find.fill(text);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await page.waitForTimeout(100);
  await page.keyboard.press('ArrowLeft'); // collapse the selection to its start
  for (let i = 0; i < into; i++) await page.keyboard.press('ArrowRight');
  return cursorAt();
}

/** Runs a command from the palette by its title. */
async function palette(title) {
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
}

/** The rows of the References side view (where VS Code shows a call hierarchy). */
const hierarchyRows = () => page.locator('.pane-body .monaco-list-row');

const ok = await step('workbench loads', async () => {
  await page.goto(`${process.env.CS_URL}/?folder=${encodeURIComponent(process.env.WORKSPACE)}`);
  await page.locator('.monaco-workbench .part.sidebar').first().waitFor();
}) && await step('main.go opens', async () => {
  await page.locator('.monaco-workbench .part.editor').click({ position: { x: 400, y: 300 } }).catch(() => {});
  await open('main.go');
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
const across = ok && await step('Go to Definition on C.descend lands in the C function', async () => {
  const at = await cursorOn('C.descend(remaining', 4);
  await page.keyboard.press('F12');
  await page.waitForFunction(() => document.querySelector('.tabs-container .tab.active')?.textContent.includes('bridge.c'));
  await page.waitForFunction(() => /Ln 13,/.test(document.querySelector('.statusbar-item[id$="status.editor.selection"]')?.textContent ?? ''));
  await page.mouse.move(5, 5);
  await page.waitForTimeout(300);
  await shot('6-definition');
  return `from main.go ${at} to ${await activeTab()} ${await cursorAt()}`;
}) && await step('the call hierarchy of goDescend lists its C caller descend (C→Go)', async () => {
  const at = await cursorOn('goDescend(remaining)', 2);
  await palette('Calls: Show Call Hierarchy');
  const caller = hierarchyRows().filter({ hasText: /C\.descend/ }).first();
  await page.locator('.pane-body .monaco-list-row', { hasText: 'goDescend' }).first().waitFor();
  await caller.waitFor();
  const rows = (await hierarchyRows().allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim()).filter(Boolean);
  if (!rows.some((r) => /^C\.descend\s*C→Go/.test(r))) throw new Error(`no C→Go caller among: ${rows.join(' | ')}`);
  await page.mouse.move(5, 5);
  await shot('7-call-hierarchy');
  return `from bridge.c ${at}: ${rows.join(' | ')}`;
}) && await step("g0guard: Show the Finding's Call Path follows the recursion's hops", async () => {
  await open('main.go');
  await cursorOn('C.descend(remaining', 4);
  await page.locator('.monaco-editor .squiggly-error').first().waitFor();
  await palette("g0guard: Show the Finding's Call Path");
  // the view turns from the callers shown before to the path's outgoing hop
  await hierarchyRows().filter({ hasText: /C\.descend\s*Go→C/ }).first().waitFor();
  const rows = (await hierarchyRows().allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim()).filter(Boolean);
  if (!rows.some((r) => /^C\.descend\s*Go→C/.test(r))) throw new Error(`the path does not reach C.descend: ${rows.join(' | ')}`);
  return rows.join(' | ');
}) && await step('the preamble C is coloured as C, not as one comment', async () => {
  await open('main.go');
  await page.keyboard.press('Control+Home');
  const span = (text) => page.locator('.monaco-editor .view-line span span', { hasText: new RegExp(`^${text}$`) }).first();
  await span('total_weight').waitFor();
  const colour = (loc) => loc.evaluate((e) => getComputedStyle(e).color);
  const comment = await colour(page.locator('.monaco-editor .view-line span span', { hasText: /^\/\/\sCommand/ }).first());
  // semantic tokens arrive after the TextMate colours: wait until the function name is no longer comment-coloured
  await page.waitForFunction((c) => [...document.querySelectorAll('.monaco-editor .view-line span span')]
    .some((e) => e.textContent === 'total_weight' && getComputedStyle(e).color !== c), comment);
  const fn = await colour(span('total_weight')), type = await colour(span('int'));
  if (type === comment) throw new Error(`int is still comment-coloured (${comment})`);
  // and the outline lists the preamble's functions under import "C"
  await palette('Explorer: Focus on Outline View');
  await hierarchyRows().filter({ hasText: /^total_weight/ }).first().waitFor();
  const outline = (await hierarchyRows().allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim()).filter(Boolean);
  if (!outline.some((r) => /^import "C"/.test(r))) throw new Error(`no import "C" in the outline: ${outline.join(' | ')}`);
  await page.mouse.move(5, 5);
  await page.waitForTimeout(300);
  await shot('8-preamble');
  return `comment ${comment}, function ${fn}, type ${type}; outline: ${outline.slice(0, 5).join(' | ')}`;
});
if (!ok || !across) console.log('stopped at the first failed step');
await browser.close();
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed || !ok || !across ? 1 : 0);
