// A log grown fast for the benchmarks that need a large one (restart, verification in the browser): signed key.add
// statements applied and written in batches, as the sequencer does, without HTTP.
import { randomBytes } from 'node:crypto';
import { applyStatement } from '../src/domain/apply.js';
import { parseStatement, signingBytes, type Statement } from '../src/domain/statement.js';
import { hashLeaf } from '../src/log/hash.js';
import { fromBase64, toBase64, toHex, utf8 } from '../src/log/encoding.js';
import { verifyEd25519Node } from '../src/services/node-ed25519.js';
import type { Mechanism } from '../src/services/mechanism.js';
import type { TestMember } from '../test/e2e/helpers/members.js';

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

/** Append signed key.add statements by `monitor` until the log has `size` entries, bypassing HTTP and the verifier. */
export async function grow(m: Mechanism, monitor: TestMember, size: number): Promise<void> {
  const at = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  const sample = keyAdd(monitor, at);
  const parsed = parseStatement(sample.bytes);
  if (!parsed.ok || !verifyEd25519Node(monitor.publicKey, signingBytes(parsed.value), fromBase64(parsed.value.sig)!)) {
    throw new Error('the hand-built statement is not canonical');
  }
  while (m.size < size) {
    const first = m.size;
    const entries = [];
    for (let index = first; index < Math.min(size, first + BATCH); index++) {
      const { bytes, statement } = keyAdd(monitor, at);
      const leafHash = hashLeaf(bytes);
      const id = toHex(leafHash);
      const applied = applyStatement(m.state, statement, { index, id, at, by: monitor.id });
      if (!applied.ok) throw new Error(applied.detail);
      entries.push({ index, id, leafHash, bytes, type: statement.type, by: statement.by, at, arrivedAt: at });
    }
    const growth = m.tree.extend(entries.map((e) => e.leafHash));
    await m.store.appendBatch({ entries, incidents: [], treeNodes: growth.nodes });
    m.tree.adopt(growth);
  }
}
