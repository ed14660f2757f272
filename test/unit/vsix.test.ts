// The packaged extension: `npm run package` (vsce, which bundles first) makes a .vsix that holds
// only dist/, the manifest, the extension's readme, LICENSE and CHANGELOG; its page has every
// picture and link it names; and the server inside it runs on its own, with no node_modules and no
// native addon, speaking JSON-RPC over stdio to a real client (this test).
import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as zlib from 'node:zlib';
import { ALL_RULE_META } from '../../server/src/rules/registry';
import { bigWorkspace } from '../harness/big-workspace';

const root = path.resolve(__dirname, '..', '..', '..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'g0guard-vsix-'));
const vsix = path.join(tmp, 'g0guard.vsix');
let entries = new Map<string, Buffer>();

/** Every file in a zip, by name, inflated (central directory, then each local header). */
function unzip(buf: Buffer): Map<string, Buffer> {
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  assert.ok(eocd >= 0, 'not a zip file');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    assert.equal(buf.readUInt32LE(p), 0x02014b50, 'bad central directory entry');
    const method = buf.readUInt16LE(p + 10), size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28), extraLen = buf.readUInt16LE(p + 30), commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    const data = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(data, data + size);
    out.set(name, method === 8 ? zlib.inflateRawSync(raw) : Buffer.from(raw));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

const isPng = (data: Buffer) => data.subarray(1, 4).toString('latin1') === 'PNG';

before(() => {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['run', '--silent', 'package', '--', '--out', vsix], { cwd: root, encoding: 'utf8' });
  assert.equal(r.status, 0, `npm run package failed:\n${r.stdout}\n${r.stderr}`);
  entries = unzip(fs.readFileSync(vsix));
});

after(() => fs.rmSync(tmp, { recursive: true, force: true }));

test('the .vsix holds only the bundle, the manifest, the readme, LICENSE and CHANGELOG', () => {
  const allowed = /^(\[Content_Types\]\.xml|extension\.vsixmanifest|extension\/(package\.json|readme\.md|license(\.md|\.txt)?|changelog\.md|dist\/.+))$/i;
  const extra = [...entries.keys()].filter((n) => !allowed.test(n));
  assert.deepEqual(extra, [], 'files outside the allow-list');
  const suspicious = [...entries.keys()].filter((n) => /node_modules|\/src\/|\/test\/|fixtures|\.map$|\.ts$|\.node$|\.vsix$/.test(n));
  assert.deepEqual(suspicious, []);
});

test('the packaged readme is the extension page, and every picture and link it names is in the .vsix', () => {
  const readme = entries.get('extension/readme.md')?.toString('utf8') ?? '';
  assert.match(readme, /^# g0guard for VS Code/, 'the readme in the .vsix is not client/README.md');
  const targets = [...readme.matchAll(/\]\(([^)\s]+)\)|<img[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1] ?? m[2]);
  const local = targets.filter((t) => !/^[a-z][a-z0-9+.-]*:/i.test(t)).map((t) => t.replace(/#.*$/, ''));
  const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]);
  assert.ok(images.length >= 6, `pictures on the page: ${images.join(', ')}`);
  assert.ok(local.length >= images.length + 10, `local links: ${local.length}`); // the pictures and the ten rule pages
  const missing = local.filter((t) => !entries.has(path.posix.join('extension', t)));
  assert.deepEqual(missing, [], 'the readme names files the .vsix does not hold');
  for (const image of images) {
    assert.ok(isPng(entries.get(path.posix.join('extension', image))!), `${image} is not a PNG`);
  }
  for (const r of ALL_RULE_META) assert.ok(local.includes(`dist/docs/rules/${r.id}.md`), `no link to the page of ${r.id}`);
});

test('the readme names every setting and command the manifest contributes', () => {
  const readme = entries.get('extension/readme.md')!.toString('utf8');
  const pkg = JSON.parse(entries.get('extension/package.json')!.toString('utf8'));
  const settings = Object.keys(pkg.contributes.configuration.properties)
    .map((k: string) => (k.startsWith('g0guard.rules.') ? 'g0guard.rules.<rule>' : k));
  assert.deepEqual(settings.filter((k) => !readme.includes(`\`${k}\``)), [], 'settings the readme does not name');
  const commands = pkg.contributes.commands.map((c: { category: string; title: string }) => `*${c.category}: ${c.title}*`);
  assert.deepEqual(commands.filter((c: string) => !readme.includes(c)), [], 'commands the readme does not name');
});

test('the manifest has what a marketplace page needs: license, icon, repository, bugs, changelog', () => {
  const pkg = JSON.parse(entries.get('extension/package.json')!.toString('utf8'));
  assert.equal(pkg.license, 'MIT');
  assert.match(entries.get('extension/LICENSE.txt')?.toString('utf8') ?? '', /^MIT License/);
  assert.match(pkg.repository.url, /^https:\/\//);
  assert.match(pkg.bugs.url, /^https:\/\//);
  const icon = entries.get(path.posix.join('extension', pkg.icon))!;
  assert.ok(isPng(icon));
  assert.ok(icon.readUInt32BE(16) >= 128 && icon.readUInt32BE(16) === icon.readUInt32BE(20), 'the icon is a square of 128 px or more');
  assert.match(entries.get('extension/changelog.md')?.toString('utf8') ?? '', new RegExp(`## ${pkg.version.replace(/\./g, '\\.')}`));
  const vsixManifest = entries.get('extension.vsixmanifest')!.toString('utf8');
  assert.match(vsixManifest, /<License>extension\/LICENSE\.txt<\/License>/);
});

test('the notices carry the license of every package whose code the .vsix holds', () => {
  const notices = entries.get('extension/dist/THIRD-PARTY-NOTICES.txt')?.toString('utf8') ?? '';
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'grammars', 'manifest.json'), 'utf8'));
  const need = ['vscode-languageclient', 'vscode-languageserver', 'vscode-jsonrpc', 'web-tree-sitter', ...manifest.grammars.map((g: { package: string }) => g.package)];
  assert.deepEqual(need.filter((p) => !new RegExp(`^${p} \\S+ \\(`, 'm').test(notices)), [], 'packages without a notice');
  assert.ok((notices.match(/Permission is hereby granted/g) ?? []).length >= need.length, 'license texts');
});

test('it has the client, the server, the wasm runtime and grammars, every query and every rule page', () => {
  const names = new Set(entries.keys());
  const need = ['extension/dist/extension.js', 'extension/dist/server.js', 'extension/dist/fact-worker.js', 'extension/dist/tree-sitter.wasm', 'extension/dist/grammars/manifest.json'];
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'grammars', 'manifest.json'), 'utf8'));
  for (const g of manifest.grammars) need.push(`extension/dist/grammars/${g.file}`);
  for (const lang of fs.readdirSync(path.join(root, 'server', 'queries'))) {
    for (const f of fs.readdirSync(path.join(root, 'server', 'queries', lang))) if (f.endsWith('.scm')) need.push(`extension/dist/server/queries/${lang}/${f}`);
  }
  for (const r of ALL_RULE_META) need.push(`extension/dist/docs/rules/${r.id}.md`);
  assert.deepEqual(need.filter((n) => !names.has(n)), [], 'missing from the .vsix');
  const pkg = JSON.parse(entries.get('extension/package.json')!.toString('utf8'));
  assert.equal(pkg.main, './dist/extension.js');
  const wasm = entries.get(`extension/dist/grammars/${manifest.grammars[0].file}`)!;
  assert.equal(wasm.subarray(0, 4).toString('latin1'), '\0asm');
});

test('the server bundle and its worker never load the native tree-sitter addon', () => {
  for (const script of ['server.js', 'fact-worker.js']) {
    const code = entries.get(`extension/dist/${script}`)!.toString('utf8');
    for (const m of ['tree-sitter', 'tree-sitter-go', 'tree-sitter-c', 'tree-sitter-cpp']) assert.ok(!code.includes(`require("${m}")`), `dist/${script} requires ${m}`);
    assert.ok(!/\.node["']\)/.test(code), `dist/${script} loads a .node file`);
  }
});

test('the server from the .vsix alone indexes a big workspace on worker threads and publishes a g0guard diagnostic over stdio', async () => {
  const ext = path.join(tmp, 'unpacked');
  for (const [name, data] of entries) {
    const file = path.join(ext, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, data);
  }
  const workspace = bigWorkspace(path.join(root, 'test', 'editors', 'workspace'));
  const parallel = os.availableParallelism() >= 2;
  let parsedOnThreads = false;
  let found: any[] = [];
  const file = path.join(workspace, 'main.go');
  const env = { ...process.env };
  delete env.NODE_PATH; delete env.G0GUARD_RESOURCES;
  const child = spawn(process.execPath, [path.join(ext, 'extension', 'dist', 'server.js'), '--stdio'], { cwd: tmp, env, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const send = (msg: object) => {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...msg }), 'utf8');
    child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    child.stdin.write(body);
  };
  const uri = pathToFileURL(file).href;
  const diagnostics = new Promise<any[]>((resolve, reject) => {
    let buf = Buffer.alloc(0);
    child.stdout.on('data', (chunk: Buffer) => {
      buf = Buffer.concat([buf, chunk]);
      for (;;) {
        const end = buf.indexOf('\r\n\r\n');
        if (end < 0) return;
        const len = Number(/Content-Length: (\d+)/i.exec(buf.subarray(0, end).toString('ascii'))?.[1]);
        if (buf.length < end + 4 + len) return;
        const msg = JSON.parse(buf.subarray(end + 4, end + 4 + len).toString('utf8'));
        buf = buf.subarray(end + 4 + len);
        if (msg.method === 'textDocument/publishDiagnostics' && msg.params.uri === uri && msg.params.diagnostics.length) found = msg.params.diagnostics;
        else if (msg.method === 'window/logMessage' && /parsed \d+ Go files .* on \d+ threads/.test(msg.params.message)) parsedOnThreads = true;
        else if (msg.id !== undefined && msg.method) send({ id: msg.id, result: msg.method === 'workspace/configuration' ? msg.params.items.map(() => ({})) : null });
        if (found.length && (parsedOnThreads || !parallel)) resolve(found);
      }
    });
    void exited.then((code) => reject(new Error(`server exited (${code}) before publishing: ${stderr}`)));
  });
  send({ id: 1, method: 'initialize', params: { processId: process.pid, rootUri: pathToFileURL(workspace).href, capabilities: { workspace: { configuration: true } }, workspaceFolders: [{ uri: pathToFileURL(workspace).href, name: 'workspace' }] } });
  send({ method: 'initialized', params: {} });
  send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'go', version: 1, text: fs.readFileSync(file, 'utf8') } } });
  const timer = setTimeout(() => child.kill(), 20000);
  try {
    const diags = await diagnostics;
    assert.ok(diags.some((d) => d.source === 'g0guard' && d.code === 'export-panic'), JSON.stringify(diags));
  } finally {
    clearTimeout(timer);
    child.kill();
  }
});
