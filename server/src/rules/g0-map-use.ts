// g0-map-use: map operations on the system stack (g0) crash under -race even inside //go:norace
// functions and even in the runtime (hazards.md fact 7): the map code calls the race detector itself.
import type { GoOp } from '../model/facts';
import type { WorkspaceIndex, FuncNode } from '../graph/callgraph';
import { g0Reach, reachedGo, witness } from '../graph/g0-reach';
import { kindOfType, kindOfValue } from '../graph/g0-types';
import { MEASURED_ON, type Rule } from './rule';

const MAP_OPS = new Set(['index', 'range', 'delete', 'clear', 'literal']);

export const g0MapUse: Rule = {
  id: 'g0-map-use',
  title: 'map operation on the system stack',
  severity: 'error',
  doc: `Map reads, writes, \`range\`, \`delete\`, \`clear\` and map literals with entries in code that runs on the system stack (g0) crash under \`go build -race\`: the runtime's map functions report each access to the race detector themselves, with g0's zero race context, so \`//go:norace\` on the function does not help and neither does being in package runtime (${MEASURED_ON}).

Creating an empty map (\`make(map[K]V)\`, \`map[K]V{}\`) and \`len(m)\` were measured fine there and are not reported. Types come from the workspace's declarations (locals, parameters, results, fields, package variables, named map types); an index or range whose operand's type is unknown is not reported, and slices, arrays and strings never are.

Fix: keep maps out of g0 code: a fixed array or slice searched linearly, or precompute on a normal goroutine and pass a plain value.`,
  before: `//go:norace
func (c *spanCtx) Snapshot() interface{} {
	tags := make(map[string]string)
	for k, v := range c.tags { // map iteration on g0
		tags[k] = v
	}
	return &spanCtx{tags: tags}
}`,
  after: `//go:norace
func (c *spanCtx) Snapshot() interface{} {
	tags := append([]tag(nil), c.tags...) // slice copy: no map code on g0
	return &spanCtx{tags: tags}
}`,
  run(ctx) {
    const r = g0Reach(ctx.index, ctx.config, true);
    for (const node of reachedGo(r)) {
      const ops = node.go!.ops.filter((op) => MAP_OPS.has(op.kind) && isMapOp(ctx.index, node, op));
      if (ops.length === 0) continue;
      const w = witness(r, node.id);
      for (const op of ops) {
        ctx.report({
          rule: this.id, file: node.file, span: op.span, related: w.related,
          message: `map ${describe(node, op)} on the system stack (g0) in ${node.display} (${w.rootText}${w.viaText}): under -race the runtime's map code calls the race detector with g0's zero context and crashes, //go:norace or not (${MEASURED_ON})`,
          data: { root: w.root.display, operation: op.kind },
        });
      }
    }
  },
};

function isMapOp(index: WorkspaceIndex, node: FuncNode, op: GoOp): boolean {
  if (op.kind === 'literal') return op.detail !== 'empty' && kindOfType(index, { pkg: node.pkg, text: op.type ?? '' }) === 'map';
  return kindOfValue(index, node, op.ref) === 'map';
}

function describe(node: FuncNode, op: GoOp): string {
  const text = node.file.text.slice(op.span.start, op.span.end).replace(/\s+/g, ' ');
  const short = text.length > 40 ? `${text.slice(0, 37)}...` : text;
  switch (op.kind) {
    case 'index': return `access ${short}`;
    case 'range': return `iteration (${short})`;
    case 'literal': return `literal ${op.type}{...}`;
    default: return `${op.kind} (${short})`;
  }
}
