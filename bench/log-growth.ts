// A log grown fast for the benchmarks that need a large one (restart, verification in the browser): signed key.add
// statements applied and written in batches, as the sequencer does, without HTTP. BENCH_LOG_KEEP=1 keeps a grown log
// (keptLog) for the next run: growing a million entries takes 6-10 minutes, reopening it well under one.
import { createHash, randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { TEST_SERVER } from '../src/store/postgres-test-db.js';
import { applyStatement } from '../src/domain/apply.js';
import { parseStatement, signingBytes, type Statement } from '../src/domain/statement.js';
import { hashLeaf } from '../src/log/hash.js';
import { fromBase64, toBase64, toHex, utf8 } from '../src/log/encoding.js';
import { keyPairFromSeed, verifyEd25519Node } from '../src/services/node-ed25519.js';
import type { Mechanism } from '../src/services/mechanism.js';
import type { Touched } from '../src/domain/handler.js';
import { incidentRows } from '../src/services/projection-rows.js';
import type { TestMember } from '../test/e2e/helpers/members.js';

/** Keep grown logs between runs (keptLog): BENCH_LOG_KEEP=1. */
export const KEEP_LOG = process.env.BENCH_LOG_KEEP === '1';

/**
 * A member whose key is derived from its id, so a kept log can be grown further by the same signer in a later run.
 * For benchmarks only: anyone can derive the key.
 */
export function benchMember(id: string): TestMember {
  const pair = keyPairFromSeed(new Uint8Array(createHash('sha256').update(`truce-bench:${id}`).digest()));
  return { ...pair, id, key: toBase64(pair.publicKey) };
}

/**
 * Where a kept log lives: database truce_bench_log_<name> on the tests' PostgreSQL server (created if missing) and
 * the data folder /tmp/truce-bench-log-<name> (the log key; Mechanism.close stores the state snapshot in the
 * database, so a reopen reads it instead of replaying). Remove both by hand: DROP DATABASE, rm -r.
 */
/** A PostgreSQL database on the test server kept between benchmark runs, created if missing; answers its URL. */
export async function keptDatabase(database: string): Promise<string> {
  const admin = new pg.Client({ connectionString: TEST_SERVER });
  await admin.connect();
  try {
    if (!(await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database])).rowCount) await admin.query(`CREATE DATABASE ${database}`);
  } finally {
    await admin.end();
  }
  const url = new URL(TEST_SERVER);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function keptLog(name: string): Promise<{ db: string; dataDir: string }> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`a kept log's name is [a-z0-9_]: ${name}`);
  return { db: await keptDatabase(`truce_bench_log_${name}`), dataDir: join(tmpdir(), `truce-bench-log-${name}`) };
}

const BATCH = 5000;

/**
 * A signed key.add by `monitor`, in canonical form. Written out by hand (the keys in RFC 8785 order, ASCII strings, so
 * JSON.stringify is canonical): the generic canonicalizer would make building a million entries take far longer.
 */
function keyAdd(monitor: TestMember, at: string): { bytes: Uint8Array; statement: Statement } {
  const key = randomBytes(32).toString('base64');
  const unsigned = `{"at":${JSON.stringify(at)},"body":{"key":"${key}"},"by":${JSON.stringify(monitor.id)},"key":"${monitor.key}","type":"key.add","v":1}`;
  const sig = toBase64(monitor.sign(utf8(unsigned)));
  const tail = ',"type":"key.add","v":1}';
  const bytes = utf8(`${unsigned.slice(0, -tail.length)},"sig":"${sig}"${tail}`);
  return { bytes, statement: { v: 1, type: 'key.add', by: monitor.id, key: monitor.key, at, body: { key }, sig } };
}

/** A value with every object's keys in sorted order: JSON.stringify of it is RFC 8785 for ASCII keys and strings. */
function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sorted((value as Record<string, unknown>)[k])]));
}

const PLACES = [['Chaman', 30.92, 66.45], ['Torkham', 34.1, 71.09], ['Angoor Adda', 32.52, 69.34], ['Kurram', 33.7, 70.2], ['Bajaur', 34.8, 71.5]] as const;

/** A signed report.file by `monitor` (an unattributed armed clash at one of a few border places), about 1.5 KB. */
function reportFile(monitor: TestMember, at: string, n: number): { bytes: Uint8Array; statement: Statement } {
  const [place, lat, lon] = PLACES[n % PLACES.length]!;
  const day = new Date(Date.parse('2025-10-01T00:00:00Z') + (n % 365) * 86_400_000).toISOString().slice(0, 10);
  const body = {
    when: { start: `${day}T02:00:00+05:00`, end: `${day}T03:00:00+05:00`, precision: 'exact' },
    where: { lat: lat + (n % 97) / 1000, lon: lon + (n % 89) / 1000, place, country: n % 2 ? 'Pakistan' : 'Afghanistan', geo_precision: 2 },
    event_type: 'Battles',
    sub_event_type: 'Armed clash',
    actors: [{ name: 'Border forces', side: null, role: 'perpetrator' }, { name: 'Armed group', side: null, role: 'target' }],
    casualties: { killed: { unknown: { min: n % 4 } }, injured: { civilian: { min: n % 7, best: n % 7 } } },
    narrative: `Report ${n}: exchange of fire near ${place} lasting about an hour, heard by residents on both sides; ` +
      'mortar rounds landed in fields east of the crossing, two houses were damaged and the road was closed until morning. '.repeat(4),
    sources: [{ kind: 'witness', title: `Resident of ${place}, interviewed by the field team` }, { kind: 'media', title: 'Local radio bulletin', publisher: 'Radio' }],
    clauses: [],
    accused: [],
  };
  const unsigned = { at, body, by: monitor.id, key: monitor.key, type: 'report.file' as const, v: 1 as const };
  const sig = toBase64(monitor.sign(utf8(JSON.stringify(sorted(unsigned)))));
  const bytes = utf8(JSON.stringify(sorted({ ...unsigned, sig })));
  return { bytes, statement: { ...unsigned, sig } };
}

/**
 * Append signed statements by `monitor` until the log has `size` entries, bypassing HTTP and the verifier: key.add
 * only, or with `mix: 'reports'` four report.file (with their incident rows) for each key.add, as a mechanism's
 * log mostly holds.
 */
export async function grow(m: Mechanism, monitor: TestMember, size: number, mix: 'keys' | 'reports' = 'keys'): Promise<void> {
  const at = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  for (const sample of [keyAdd(monitor, at), reportFile(monitor, at, 0)]) {
    const parsed = parseStatement(sample.bytes);
    if (!parsed.ok || !verifyEd25519Node(monitor.publicKey, signingBytes(parsed.value), fromBase64(parsed.value.sig)!)) {
      throw new Error('the hand-built statement is not canonical');
    }
  }
  while (m.size < size) {
    const first = m.size;
    const entries = [];
    const touched: Touched[] = [];
    m.stateFolder?.begin();
    for (let index = first; index < Math.min(size, first + BATCH); index++) {
      const { bytes, statement } = mix === 'reports' && index % 5 !== 0 ? reportFile(monitor, at, index) : keyAdd(monitor, at);
      const leafHash = hashLeaf(bytes);
      const id = toHex(leafHash);
      const applied = applyStatement(m.state, statement, { index, id, at, by: monitor.id });
      if (!applied.ok) throw new Error(applied.detail);
      touched.push(...applied.value);
      entries.push({ index, id, leafHash, bytes, type: statement.type, by: statement.by, at, arrivedAt: at });
    }
    const growth = m.tree.extend(entries.map((e) => e.leafHash));
    await m.store.appendBatch({ entries, incidents: incidentRows(m.state, touched), treeNodes: growth.nodes });
    m.tree.adopt(growth);
    // After the store's commit, as the sequencer does: the state folder's overlay goes to disk with the new root.
    // Waiting for its write as the sequencer does when writes fall behind (its backlog): PGlite's promises alone never
    // give lmdb-js the turn in which it runs its transactions.
    await m.stateFolder?.commit(m.state, m.tree.root());
  }
}
