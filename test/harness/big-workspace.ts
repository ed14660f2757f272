// A workspace big enough that the CLI and the server parse it on worker threads: a copy of some
// real packages with generated plain Go packages (a type with a map, a table, a call chain) around.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PARALLEL_MIN_FILES } from '../../server/src/findings/analyze';
import { tempDir } from './temp-workspace';

/** A copy of `base` with plain Go packages around it: enough files for a parallel parse. */
export function bigWorkspace(base: string): string {
  const dir = fs.realpathSync(tempDir('g0guard-big-'));
  fs.cpSync(base, dir, { recursive: true });
  const perPackage = 20, packages = Math.ceil((PARALLEL_MIN_FILES + 20) / perPackage);
  for (let p = 0; p < packages; p++) {
    const pkg = `p${String(p).padStart(2, '0')}`;
    fs.mkdirSync(path.join(dir, 'gen', pkg), { recursive: true });
    for (let k = 0; k < perPackage; k++) {
      fs.writeFileSync(path.join(dir, 'gen', pkg, `f${k}.go`), `package ${pkg}

import "fmt"

// T${k} keeps counts; 中文注释 so offsets are not ASCII-only.
type T${k} struct {
	n int
	m map[string]int
}

func (t *T${k}) Get(key string) int { return t.m[key] }

var table${k} = []struct{ a, b int }{{1, 2}, {3, 4}}

func F${k}(x int) int {
	if x > 0 {
		return F${k > 0 ? k - 1 : k}(x - 1)
	}
	fmt.Println("}", table${k})
	return 0
}
`);
    }
  }
  return dir;
}
