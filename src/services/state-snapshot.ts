// The domain state as a snapshot that does not freeze its shape, labelled with a hash of the domain code that made
// it: code that changes the state's shape (or any rule) changes the hash, so an old snapshot is ignored and the log
// replayed; a snapshot can make a start faster, never different. The state's Maps (members, keys, each records
// collection) are cut into parts of PART_ENTRIES entries, each written with V8's serializer (Maps, Sets, Dates and
// undefined come back as they were, with no reviver walking every value), so no part nears a JavaScript string's
// or a database value's limits however large the state; the header (JSON) holds the other fields and the layout.
// Plain data only: a class instance would come back as a plain object, which the restart tests (deep strict
// equality with a full replay of the training demo) would catch.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { fileURLToPath } from 'node:url';
import type { MechanismState } from '../domain/state.js';
import type { StateSnapshot, Store } from '../store/store.js';

/** Bump when the encoding below changes. */
const FORMAT = 'truce-state-snapshot/2';
/** Entries of a Map per part: about 250 KB of keys, 2 MB of reports. */
const PART_ENTRIES = 1000;
/** Parts decoded between two turns of the event loop (a part takes about a millisecond). */
const YIELD_PARTS = 8;
/** Parts read from the store per query when decoding (up to about 2 MB each). */
const READ_PAGE = 16;
const DOMAIN_DIR = fileURLToPath(new URL('../domain/', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return sourceFiles(path);
      return /\.(ts|json)$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : [];
    });
}

let version: string | null = null;

/** The running domain code's hash: the one snapshot version this process reads and writes. */
export function snapshotVersion(): string {
  if (version === null) {
    const hash = createHash('sha256').update(FORMAT);
    for (const path of sourceFiles(DOMAIN_DIR)) hash.update(path.slice(DOMAIN_DIR.length)).update('\0').update(readFileSync(path)).update('\0');
    version = `${FORMAT}:${hash.digest('hex')}`;
  }
  return version;
}

type Field = readonly [name: string, kind: 'value', value: unknown] | readonly [name: string, kind: 'map'] | readonly [name: string, kind: 'maps', collections: string[]];

interface Header {
  readonly fields: readonly Field[];
  readonly parts: number;
}

interface Part {
  readonly path: readonly [string] | readonly [string, string];
  readonly entries: readonly (readonly [unknown, unknown])[];
}

/** The Maps of the state (with `records`, a Map of Maps) and where each goes. */
function layout(state: MechanismState): { fields: Field[]; maps: { path: Part['path']; map: Map<unknown, unknown> }[] } {
  const fields: Field[] = [];
  const maps: { path: Part['path']; map: Map<unknown, unknown> }[] = [];
  for (const [name, value] of Object.entries(state)) {
    if (name === 'records' && value instanceof Map) {
      fields.push([name, 'maps', [...(value as Map<string, unknown>).keys()]]);
      for (const [collection, map] of value as Map<string, Map<unknown, unknown>>) maps.push({ path: [name, collection], map });
    } else if (value instanceof Map) {
      fields.push([name, 'map']);
      maps.push({ path: [name], map: value as Map<unknown, unknown> });
    } else {
      fields.push([name, 'value', value]);
    }
  }
  return { fields, maps };
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The state as a snapshot, or null if it holds something the encoding cannot carry or changed while being encoded.
 * Yields to the event loop between parts, so reads are served while a large state is written; the caller must not
 * apply statements meanwhile (the sequencer encodes inside its drain loop, which alone applies them).
 * @example const s = await encodeSnapshot(state); s && decodeSnapshot(s)?.size === state.size // true
 */
export async function encodeSnapshot(state: MechanismState, now = new Date()): Promise<StateSnapshot | null> {
  const size = state.size;
  try {
    const { fields, maps } = layout(state);
    const parts: Uint8Array[] = [];
    for (const { path, map } of maps) {
      let entries: [unknown, unknown][] = [];
      for (const entry of map) {
        entries.push(entry);
        if (entries.length === PART_ENTRIES) {
          parts.push(serialize({ path, entries } satisfies Part));
          entries = [];
          await nextTurn();
        }
      }
      if (entries.length > 0) parts.push(serialize({ path, entries } satisfies Part));
    }
    if (state.size !== size) return null;
    const header: Header = { fields, parts: parts.length };
    return { size, version: snapshotVersion(), state: JSON.stringify(header), parts, createdAt: now.toISOString() };
  } catch {
    // A function or symbol in the state (V8 refuses to clone it), or a scalar field JSON cannot write: no snapshot,
    // the next start replays (only speed is lost).
    return null;
  }
}

/** The state a snapshot holds, or null if another version of the code wrote it or it does not read back whole. */
export function decodeSnapshot(snapshot: StateSnapshot): Promise<MechanismState | null> {
  return decodeSnapshotParts(snapshot, snapshot.parts);
}

/** The parts of the store's snapshot of log size `size`, read a page at a time (only one page in memory at once). */
export async function* storedParts(store: Pick<Store, 'snapshotParts'>, size: number): AsyncGenerator<Uint8Array> {
  for (let first = 0; ; ) {
    const page = await store.snapshotParts(size, first, READ_PAGE);
    yield* page;
    first += page.length;
    if (page.length < READ_PAGE) return;
  }
}

/**
 * decodeSnapshot with the parts coming as they are read (storedParts), so the snapshot's bytes are never all in
 * memory beside the state they make. Yields to the event loop between parts, so a server loading a large state in
 * the background (mechanism.ts) keeps answering what needs no state (checkpoints, tiles, proofs) meanwhile.
 * With `into`, the parts are written into that state's Maps (a state folder's: state-folder.ts) and `afterPart`
 * runs after each (awaited: the folder's write of the part), so the state is never whole in memory either.
 */
export async function decodeSnapshotParts(
  header: Omit<StateSnapshot, 'parts'>,
  parts: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  into?: { state: MechanismState; afterPart: () => Promise<void> | void },
): Promise<MechanismState | null> {
  if (header.version !== snapshotVersion()) return null;
  try {
    const layout = JSON.parse(header.state) as Header;
    const state = (into?.state ?? {}) as unknown as Record<string, unknown>;
    for (const field of layout.fields) {
      if (field[1] === 'value') state[field[0]] = field[2];
      else if (!(state[field[0]] instanceof Map)) state[field[0]] = new Map();
      if (field[1] === 'maps') {
        const top = state[field[0]] as Map<string, unknown>;
        for (const collection of field[2]) if (!top.get(collection)) top.set(collection, new Map());
      }
    }
    let count = 0;
    for await (const bytes of parts) {
      if (count > 0 && count % YIELD_PARTS === 0) await nextTurn();
      count += 1;
      const { path, entries } = deserialize(bytes) as Part;
      const top = state[path[0]];
      const map = path.length === 1 ? top : top instanceof Map ? (top.get(path[1]) as unknown) : undefined;
      if (!(map instanceof Map)) return null;
      for (const [key, value] of entries) map.set(key, value);
      await into?.afterPart();
    }
    if (count !== layout.parts) return null;
    const restored = state as unknown as MechanismState;
    const whole = restored.size === header.size && restored.members instanceof Map && restored.keys instanceof Map && restored.records instanceof Map;
    return whole ? restored : null;
  } catch {
    return null;
  }
}
