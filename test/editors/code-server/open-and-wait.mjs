// API mode: opens code-server's workbench in headless Chromium (the extension host starts only
// when a browser connects), waits for the probe extension's result file and prints it.
// Env: CS_URL, WORKSPACE, G0GUARD_E2E_OUT, CHROMIUM (/usr/bin/chromium), TIMEOUT_MS (120000).
import { existsSync, readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from './chromium.mjs';

const out = process.env.G0GUARD_E2E_OUT;
const timeout = Number(process.env.TIMEOUT_MS ?? 120000);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage();
  await page.goto(`${process.env.CS_URL}/?folder=${encodeURIComponent(process.env.WORKSPACE)}`);
  const end = Date.now() + timeout;
  while (!existsSync(out) && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
} finally {
  await browser.close();
}
if (!existsSync(out)) {
  console.log(`FAILED no results in ${out} after ${timeout} ms\n0 passed, 1 failed`);
  process.exit(1);
}
const text = readFileSync(out, 'utf8');
process.stdout.write(text);
const last = text.trim().split('\n').pop();
process.exit(/^\d+ passed, 0 failed$/.test(last) && !/^0 passed/.test(last) ? 0 : 1);
