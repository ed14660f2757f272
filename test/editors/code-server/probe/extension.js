// Test runner inside code-server's extension host, doing the job of @vscode/test-electron's
// runTests (which cannot download VS Code here). Idle unless G0GUARD_E2E_MODULE (exports
// `run(vscode, check)`) and G0GUARD_E2E_OUT (result file) are in code-server's environment.
const fs = require('fs');
const vscode = require('vscode');

exports.activate = async function activate() {
  const module = process.env.G0GUARD_E2E_MODULE;
  const out = process.env.G0GUARD_E2E_OUT;
  if (!module || !out) return;
  const lines = [];
  let passed = 0, failed = 0;
  const started = Date.now();
  const check = (ok, name, detail) => {
    if (ok) passed++; else failed++;
    const text = detail === undefined ? '' : ': ' + String(detail).replace(/\s+/g, ' ').slice(0, 300);
    lines.push(`${ok ? 'ok    ' : 'FAILED'} ${name} (${Date.now() - started} ms)${text}`);
    return !!ok;
  };
  try {
    await require(module).run(vscode, check);
  } catch (e) {
    check(false, 'test module threw', (e && e.stack) || String(e));
  }
  lines.push(`${passed} passed, ${failed} failed`);
  // write then rename: the waiting side never reads half a file
  fs.writeFileSync(out + '.tmp', lines.join('\n') + '\n');
  fs.renameSync(out + '.tmp', out);
};
