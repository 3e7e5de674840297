// Benchmark of the log's Merkle tree: build rate, memory, and proof generation / verification times on a
// 1M-leaf tree, with a SHA-256 baseline measured in the same run so the figures read as ratios on any machine.
// Run alone: node --import tsx bench/log-proofs.ts   (add --expose-gc for steadier memory figures)
import { pathToFileURL } from 'node:url';
import { MerkleTree, hashLeaf, sha256, verifyConsistency, verifyInclusion } from '../src/log/index.js';

export interface LogProofsOptions {
  /** Leaves in the tree (default 1,000,000: not a power of two, so the right edge has ephemeral nodes). */
  readonly leaves?: number;
  /** Random proofs timed per figure (default 2,000). */
  readonly samples?: number;
}

/** A small deterministic PRNG (mulberry32), so every run times the same proofs. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

function median(values: number[]): number {
  const sorted = values.slice().sort((x, y) => x - y);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Median time in µs of `run` over `samples` inputs produced by `make` (inputs made outside the timing). */
function medianMicros<T>(samples: number, make: (i: number) => T, run: (input: T) => unknown): number {
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const input = make(i);
    const t0 = performance.now();
    run(input);
    times.push((performance.now() - t0) * 1000);
  }
  return median(times);
}

function memoryNow(): number {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

/** Operations per second of `op`, run for about `ms` milliseconds after a warm-up. */
function ratePerSecond(op: () => void, ms = 500): number {
  for (let i = 0; i < 20_000; i++) op();
  let count = 0;
  const t0 = performance.now();
  let elapsed = 0;
  while (elapsed < ms) {
    for (let i = 0; i < 1000; i++) op();
    count += 1000;
    elapsed = performance.now() - t0;
  }
  return (count / elapsed) * 1000;
}

/**
 * Builds a tree of 1M leaves and times proofs. Keys: baseline and rates per second, times in µs (median), memory
 * in MiB. Ratios to read: inclusion_verify_us × sha256_64B_per_s / 1e6 ≈ hashes per verification (~log2 n).
 * @example const figures = await benchLogProofs(); figures.inclusion_verify_us
 */
export async function benchLogProofs(options: LogProofsOptions = {}): Promise<Record<string, number>> {
  const n = options.leaves ?? 1_000_000;
  const samples = options.samples ?? 2_000;
  const random = prng(20251031);
  const pick = (max: number): number => Math.floor(random() * max);

  const input64 = new Uint8Array(64).fill(7);
  const sha256PerSecond = ratePerSecond(() => sha256(input64));

  // Leaf hashes of 200-byte entries (a small statement), kept in one buffer so only the tree is measured below.
  const entry = new Uint8Array(200);
  const leaves = new Uint8Array(n * 32);
  const tLeaves = performance.now();
  for (let i = 0; i < n; i++) {
    entry[0] = i & 0xff;
    entry[1] = (i >>> 8) & 0xff;
    entry[2] = (i >>> 16) & 0xff;
    leaves.set(hashLeaf(entry), i * 32);
  }
  const leafHashPerSecond = n / ((performance.now() - tLeaves) / 1000);

  const before = memoryNow();
  const tBuild = performance.now();
  const tree = new MerkleTree();
  for (let i = 0; i < n; i++) tree.append(leaves.subarray(i * 32, i * 32 + 32));
  const buildSeconds = (performance.now() - tBuild) / 1000;
  const treeBytes = memoryNow() - before;

  const root = tree.root();
  const rootMicros = medianMicros(samples, () => n, (size) => tree.root(size));

  const leafAt = (i: number) => leaves.subarray(i * 32, i * 32 + 32);
  const inclusionInputs = (): { index: number; size: number } => {
    const size = 1 + pick(n);
    return { index: pick(size), size };
  };
  const inclusionGen = medianMicros(samples, inclusionInputs, ({ index, size }) => tree.inclusionProof(index, size));
  const inclusionVerifyOnly = medianMicros(
    samples,
    () => {
      const index = pick(n);
      return { index, proof: tree.inclusionProof(index, n) };
    },
    ({ index, proof }) => {
      if (!verifyInclusion(leafAt(index), index, n, proof, root)) throw new Error('inclusion proof failed');
    },
  );
  const consistencyInputs = (): { size1: number; size2: number } => {
    const size2 = 2 + pick(n - 1);
    return { size1: 1 + pick(size2 - 1), size2 };
  };
  const consistencyGen = medianMicros(samples, consistencyInputs, ({ size1, size2 }) => tree.consistencyProof(size1, size2));
  const consistencyVerifyOnly = medianMicros(
    samples,
    () => {
      const size1 = 1 + pick(n - 1);
      return { size1, proof: tree.consistencyProof(size1, n), root1: tree.root(size1) };
    },
    ({ size1, proof, root1 }) => {
      if (!verifyConsistency(size1, n, proof, root1, root)) throw new Error('consistency proof failed');
    },
  );
  const historicRoot = medianMicros(samples, () => 1 + pick(n), (size) => tree.root(size));

  return {
    leaves: n,
    sha256_64B_per_s: Math.round(sha256PerSecond),
    leaf_hash_200B_per_s: Math.round(leafHashPerSecond),
    tree_build_leaves_per_s: Math.round(n / buildSeconds),
    tree_memory_mib: Math.round((treeBytes / 2 ** 20) * 10) / 10,
    tree_bytes_per_leaf: Math.round(treeBytes / n),
    root_current_median_us: round(rootMicros),
    root_historic_median_us: round(historicRoot),
    inclusion_proof_gen_median_us: round(inclusionGen),
    inclusion_verify_median_us: round(inclusionVerifyOnly),
    consistency_proof_gen_median_us: round(consistencyGen),
    consistency_verify_median_us: round(consistencyVerifyOnly),
  };
}

function round(us: number): number {
  return Math.round(us * 10) / 10;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const figures = await benchLogProofs();
  const width = Math.max(...Object.keys(figures).map((k) => k.length));
  console.log(`log proofs (Node ${process.version}, ${figures.leaves} leaves)`);
  for (const [name, value] of Object.entries(figures)) console.log(`${name.padEnd(width)}  ${value.toLocaleString('en-US')}`);
}
