// Where function values go, for calls through function pointers (after the multi-layer type
// analysis of Lu & Hu, CCS 2019): a function whose address is taken flows into holders — a
// local or parameter of one function, a global, a slot (one field of one struct type, for every
// object of that type), a function's result — and from holder to holder by assignment, argument
// passing and return, and through one level of pointers (`*out = f` with `&local` passed as out).
// A call through a holder reaches the values that flow into it. Values that
// leave what can be followed (cast to `void *`, handed to a library) are "escaped": a call whose
// holder is empty may reach those of a compatible signature.
export type Holder = string;

export const holder = {
  local: (node: number, name: string): Holder => `L${node}:${name}`,
  global: (name: string): Holder => `G:${name}`,
  slot: (record: string, field: string): Holder => `S:${record}:${field}`,
  result: (node: number): Holder => `R${node}`,
  /** What the pointer held in `h` points to: `*p = f` stores there, `&x` passed as `p` aliases x. */
  pointee: (h: Holder): Holder => `P(${h})`,
  escaped: 'E' as Holder,
};

export class ValueFlow {
  private readonly values = new Map<Holder, Set<number>>();
  private readonly next = new Map<Holder, Set<Holder>>();

  addValue(h: Holder, node: number): void {
    let s = this.values.get(h);
    if (!s) this.values.set(h, (s = new Set()));
    s.add(node);
  }

  addFlow(from: Holder, to: Holder): void {
    if (from === to) return;
    let s = this.next.get(from);
    if (!s) this.next.set(from, (s = new Set()));
    s.add(to);
  }

  /** A copy of a value from one holder to another: if it is a pointer, both point to the same place. */
  addCopy(from: Holder, to: Holder): void {
    if (from === to) return;
    this.addFlow(from, to);
    if (from.startsWith('P(') || to.startsWith('P(')) return; // one level of pointers
    this.addFlow(holder.pointee(from), holder.pointee(to));
    this.addFlow(holder.pointee(to), holder.pointee(from));
  }

  /** Pushes every value along the flows until nothing changes. */
  propagate(): void {
    const queue = [...this.values.keys()];
    const queued = new Set(queue);
    while (queue.length) {
      const h = queue.pop()!;
      queued.delete(h);
      const vals = this.values.get(h);
      if (!vals) continue;
      for (const to of this.next.get(h) ?? []) {
        let target = this.values.get(to);
        if (!target) this.values.set(to, (target = new Set()));
        const before = target.size;
        for (const v of vals) target.add(v);
        if (target.size !== before && !queued.has(to)) { queue.push(to); queued.add(to); }
      }
    }
  }

  valuesOf(h: Holder): Set<number> {
    return this.values.get(h) ?? new Set();
  }
}
