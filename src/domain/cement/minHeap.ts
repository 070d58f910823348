/**
 * A binary min-heap of (priority, cell, parent) triples on typed arrays: the invasion front.
 * No per-entry objects, so a frontier of tens of thousands of voxels costs no garbage.
 */
export interface MinHeap {
  size: number;
  priority: Float64Array;
  cell: Int32Array;
  parent: Int32Array;
}

export function createHeap(capacity = 4096): MinHeap {
  return { size: 0, priority: new Float64Array(capacity), cell: new Int32Array(capacity), parent: new Int32Array(capacity) };
}

function grow(h: MinHeap): void {
  const n = h.priority.length * 2;
  const p = new Float64Array(n);
  p.set(h.priority);
  const c = new Int32Array(n);
  c.set(h.cell);
  const a = new Int32Array(n);
  a.set(h.parent);
  h.priority = p;
  h.cell = c;
  h.parent = a;
}

export function heapPush(h: MinHeap, priority: number, cell: number, parent: number): void {
  if (h.size === h.priority.length) grow(h);
  const pr = h.priority, ce = h.cell, pa = h.parent;
  let i = h.size++;
  while (i > 0) {
    const up = (i - 1) >> 1;
    const q = pr[up]!;
    if (q <= priority) break;
    pr[i] = q;
    ce[i] = ce[up]!;
    pa[i] = pa[up]!;
    i = up;
  }
  pr[i] = priority;
  ce[i] = cell;
  pa[i] = parent;
}

/** Removes the minimum; read it first from index 0. */
export function heapPop(h: MinHeap): void {
  const pr = h.priority, ce = h.cell, pa = h.parent;
  const n = --h.size;
  if (n <= 0) return;
  const p = pr[n]!, c = ce[n]!, a = pa[n]!;
  let i = 0;
  for (;;) {
    let m = 2 * i + 1;
    if (m >= n) break;
    if (m + 1 < n && pr[m + 1]! < pr[m]!) m++;
    if (pr[m]! >= p) break;
    pr[i] = pr[m]!;
    ce[i] = ce[m]!;
    pa[i] = pa[m]!;
    i = m;
  }
  pr[i] = p;
  ce[i] = c;
  pa[i] = a;
}
