import assert from 'node:assert/strict';
import { test } from 'node:test';
import { evalBuildExpr, fileIncluded, fileNameMatches } from '../../server/src/model/build-constraints';

const linux = { goos: 'linux', goarch: 'amd64' };

test('//go:build expressions for linux/amd64 with cgo', () => {
  assert.equal(evalBuildExpr('linux && cgo', linux), true);
  assert.equal(evalBuildExpr('!cgo || windows', linux), false);
  assert.equal(evalBuildExpr('(darwin || linux) && !386', linux), true);
  assert.equal(evalBuildExpr('unix', linux), true);
  assert.equal(evalBuildExpr('ignore', linux), false);
  assert.equal(evalBuildExpr('go1.18', linux), true);
});

test('file-name suffixes and legacy +build lines', () => {
  assert.equal(fileNameMatches('x_windows.go', linux), false);
  assert.equal(fileNameMatches('x_linux_arm64.go', linux), false);
  assert.equal(fileNameMatches('x_linux_amd64_test.go', linux), true);
  assert.equal(fileNameMatches('pkg_linux_helper.go', linux), true);
  assert.equal(fileIncluded('a.go', '// +build darwin freebsd\n\npackage a\n', linux), false);
  assert.equal(fileIncluded('a.go', '// +build linux,!386\n\npackage a\n', linux), true);
  assert.equal(fileIncluded('a.go', '// Copyright\n\n//go:build !linux\n\npackage a\n', linux), false);
  assert.equal(fileIncluded('a.go', 'package a\n\n//go:build !linux\n', linux), true);
  assert.equal(fileIncluded('_a.go', 'package a\n', linux), false);
  assert.equal(fileIncluded('a.go', '//go:build linux\n\npackage a\n', { goos: 'darwin', goarch: 'arm64' }), false);
});

test('configured build tags hold, as with go build -tags', () => {
  const tagged = { ...linux, tags: ['sqlite_json'] };
  assert.equal(fileIncluded('a.go', '//go:build sqlite_json\n\npackage a\n', linux), false);
  assert.equal(fileIncluded('a.go', '//go:build sqlite_json\n\npackage a\n', tagged), true);
  assert.equal(evalBuildExpr('!sqlite_json', tagged), false);
});
