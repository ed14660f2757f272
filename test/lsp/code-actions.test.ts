// Code actions from the spawned server, applied the way an editor applies them: the edit goes into
// the document, the change goes back to the server, and the diagnostic must be gone. Covers each
// rule fix (recover guard; goroutine hop with a depth parameter and with a counter), fix-all,
// suppression in Go, C and a `//` preamble, and refusing a fix computed on an older version.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { copyFixture, LspClient, tempWorkspace, uri } from '../harness/lsp-client';

async function session(dir: string, opts: Parameters<typeof LspClient.start>[0] = {}): Promise<LspClient> {
  const client = await LspClient.forTest({ folders: [dir], ...opts }, dir);
  await client.indexed();
  return client;
}

async function actionsFor(client: LspClient, file: string, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
  const range = diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return client.request('textDocument/codeAction', { textDocument: { uri: uri(file) }, range, context: { diagnostics, ...(only ? { only } : {}) } });
}

/** Opens `file`, takes the preferred quick fix for `rule`, applies it, and returns the diagnostics after. */
async function applyPreferred(client: LspClient, file: string, rule: string): Promise<{ action: CodeAction; after: Diagnostic[]; text: string }> {
  await client.open(file);
  const before = (await client.diagnostics(file)).filter((d) => d.code === rule);
  assert.ok(before.length > 0, `${rule} reported in ${path.basename(file)}`);
  const actions = await actionsFor(client, file, before);
  const action = actions.find((a) => a.kind === 'quickfix' && a.isPreferred);
  assert.ok(action, `a preferred quick fix among: ${actions.map((a) => a.title).join(' | ')}`);
  const change = (action.edit!.documentChanges as { textDocument: { uri: string; version: number | null } }[])[0];
  assert.equal(change.textDocument.uri, uri(file));
  assert.equal(change.textDocument.version, client.version(file), 'the edit names the document version it was made for');
  await client.apply(action.edit!);
  const after = await client.diagnostics(file);
  return { action, after, text: client.text(file) };
}

describe('quick fixes', () => {
  it('export-panic: a recover guard at the top of the export clears the finding', async () => {
    const dir = copyFixture('export-panic', 'flagged', 'defer-recover-inside-if');
    const client = await session(dir);
    const { action, after, text } = await applyPreferred(client, path.join(dir, 'export.go'), 'export-panic');
    assert.match(action.title, /Recover panics at the top of GoParseLevel/);
    assert.match(text, /func GoParseLevel\(c C\.char\) \(level C\.int\) \{\n\tdefer func\(\) \{\n/);
    assert.deepEqual(after.filter((d) => d.code === 'export-panic'), []);
  });

  it('cgo-callback-recursion: a goroutine hop keyed on the depth parameter clears the finding', async () => {
    const dir = copyFixture('cgo-callback-recursion', 'flagged', 'export-reenters-c-directly');
    const client = await session(dir);
    const { action, after, text } = await applyPreferred(client, path.join(dir, 'main.go'), 'cgo-callback-recursion');
    assert.match(action.title, /Run C\.descend on a fresh goroutine every 1,000 levels/);
    assert.match(text, /if remaining%1000 == 999 \{/);
    assert.match(text, /go func\(\) \{ defer close\(done\); C\.descend\(remaining - 1\) \}\(\)\n\t\t<-done\n\t\} else \{\n\t\tC\.descend\(remaining - 1\)\n\t\}/);
    assert.deepEqual(after.filter((d) => d.code === 'cgo-callback-recursion'), []);
  });

  it('cgo-callback-recursion: without a depth parameter, an atomic level counter (import added) clears it', async () => {
    const dir = copyFixture('cgo-callback-recursion', 'flagged', 'goroutine-outside-cycle');
    const client = await session(dir);
    const { after, text } = await applyPreferred(client, path.join(dir, 'main.go'), 'cgo-callback-recursion');
    assert.match(text, /import \(\n\t"fmt"\n\t"sync"\n\t"sync\/atomic"\n\)/);
    assert.match(text, /var g0guardLevelsGoJob uint64/);
    assert.match(text, /if atomic\.AddUint64\(&g0guardLevelsGoJob, 1\)%1000 == 0 \{/);
    assert.deepEqual(after.filter((d) => d.code === 'cgo-callback-recursion'), []);
  });

  it('offers any rule’s fixes generically: g0-missing-norace’s path fix clears the whole path', async () => {
    const dir = copyFixture('g0-missing-norace', 'flagged', 'g0guard-systemstack-comment');
    const client = await session(dir);
    const file = path.join(dir, 'sched.go');
    await client.open(file);
    const found = (await client.diagnostics(file)).filter((d) => d.code === 'g0-missing-norace');
    assert.equal(found.length, 2);
    const onRecord = found.find((d) => /sched\.record/.test(d.message))!;
    const actions = await actionsFor(client, file, [onRecord]);
    assert.deepEqual(actions.filter((a) => a.kind === 'quickfix').map((a) => [a.title, !!a.isPreferred]), [
      ['Add //go:norace to sched.record', true],
      ['Add //go:norace to the 2 functions on the path from sched.onPark', false],
      ['Suppress g0-missing-norace on this line (//g0guard:ignore, then write the reason)', false],
    ]);
    await client.apply(actions[1].edit!);
    assert.deepEqual((await client.diagnostics(file)).filter((d) => d.code === 'g0-missing-norace'), []);
  });

  it('a fix computed on an older version of the document is refused', async () => {
    const dir = copyFixture('export-panic', 'flagged', 'direct-panic');
    const client = await session(dir);
    const file = path.join(dir, (await import('node:fs')).readdirSync(dir).find((f) => f.endsWith('.go'))!);
    await client.open(file);
    const old = (await client.diagnostics(file)).filter((d) => d.code === 'export-panic');
    assert.ok((await actionsFor(client, file, old)).length > 0, 'fixes offered for the current version');
    await client.change(file, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '// edited\n' }]);
    await client.diagnostics(file);
    const stale = (await actionsFor(client, file, old)).filter((a) => a.kind === 'quickfix');
    assert.deepEqual(stale, [], 'no quick fix for diagnostics of version 1 once the text is at version 2');
    const current = (await client.diagnostics(file)).filter((d) => d.code === 'export-panic');
    assert.ok((await actionsFor(client, file, current)).length > 0, 'the fresh diagnostics get their fixes again');
  });

  it('uses plain `changes` for a client without documentChanges, and finds fixes by range when no diagnostics are sent', async () => {
    const dir = copyFixture('export-panic', 'flagged', 'direct-panic');
    const client = await session(dir, { capabilities: { workspace: { workspaceEdit: { documentChanges: false } } } });
    const file = path.join(dir, (await import('node:fs')).readdirSync(dir).find((f) => f.endsWith('.go'))!);
    await client.open(file);
    const [d] = (await client.diagnostics(file)).filter((x) => x.code === 'export-panic');
    const actions: CodeAction[] = await client.request('textDocument/codeAction', { textDocument: { uri: uri(file) }, range: d.range, context: { diagnostics: [] } });
    const fix = actions.find((a) => a.isPreferred)!;
    assert.ok(fix.edit!.changes![uri(file)].length > 0);
    assert.equal(fix.edit!.documentChanges, undefined);
    await client.apply(fix.edit!);
    assert.deepEqual((await client.diagnostics(file)).filter((x) => x.code === 'export-panic'), []);
  });
});

describe('fix-all', () => {
  it('source.fixAll.g0guard fixes every finding of the file at once', async () => {
    const dir = copyFixture('cgo-callback-recursion', 'flagged', 'mutual-recursion-two-exports');
    const client = await session(dir);
    const file = path.join(dir, 'main.go');
    await client.open(file);
    assert.equal((await client.diagnostics(file)).filter((d) => d.code === 'cgo-callback-recursion').length, 2);
    const actions = await actionsFor(client, file, [], ['source.fixAll']);
    assert.equal(actions.length, 1);
    assert.equal(actions[0].kind, 'source.fixAll.g0guard');
    await client.apply(actions[0].edit!);
    assert.deepEqual((await client.diagnostics(file)).filter((d) => d.code === 'cgo-callback-recursion'), []);
  });
});

describe('suppression', () => {
  const suppress = async (client: LspClient, file: string, rule: string) => {
    await client.open(file);
    const found = (await client.diagnostics(file)).filter((d) => d.code === rule);
    assert.ok(found.length > 0, `${rule} in ${path.basename(file)}`);
    const action = (await actionsFor(client, file, [found[0]])).find((a) => /^Suppress/.test(a.title));
    assert.ok(action, 'a suppression action');
    await client.apply(action.edit!);
    const after = await client.diagnostics(file);
    return { after, text: client.text(file) };
  };

  it('inserts //g0guard:ignore above a Go finding, indented like it, and the finding goes', async () => {
    const dir = copyFixture('cgo-callback-recursion', 'flagged', 'export-reenters-c-directly');
    const client = await session(dir);
    const { after, text } = await suppress(client, path.join(dir, 'main.go'), 'cgo-callback-recursion');
    assert.match(text, /\n\t\/\/g0guard:ignore cgo-callback-recursion TODO: say why this is safe\n\tC\.descend\(remaining - 1\)/);
    assert.deepEqual(after, [], 'no finding, and the ignore is not reported as unused');
  });

  it('works in a .c file', async () => {
    const dir = copyFixture('c-recursion', 'flagged', 'recursion-in-package-c-file');
    const client = await session(dir);
    const cFile = path.join(dir, (await import('node:fs')).readdirSync(dir).find((f) => f.endsWith('.c'))!);
    const { after, text } = await suppress(client, cFile, 'c-recursion');
    assert.match(text, /\/\/g0guard:ignore c-recursion TODO/);
    assert.deepEqual(after, []);
  });

  it('works inside a line-comment preamble (the comment goes after the Go //)', async () => {
    const dir = tempWorkspace({
      'go.mod': 'module example.com/pre\n\ngo 1.19\n',
      'main.go': 'package main\n\n// #include <string.h>\n//\n// void fill(void) {\n// \tchar big[70000];\n// \tmemset(big, 0, sizeof big);\n// }\nimport "C"\n\nfunc main() { C.fill() }\n',
    });
    const client = await session(dir);
    const { after, text } = await suppress(client, path.join(dir, 'main.go'), 'c-large-frame');
    assert.match(text, /\n\/\/ \t\/\/g0guard:ignore c-large-frame TODO: say why this is safe\n\/\/ \tchar big\[70000\];/);
    assert.deepEqual(after, []);
  });
});
