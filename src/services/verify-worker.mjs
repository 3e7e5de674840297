// Worker thread of the verifier pool (verify-pool.ts): Ed25519 verification with node:crypto, the project's one
// rule, off the main thread. Plain JavaScript so it loads in a worker without the TypeScript loader.
import { createPublicKey, verify } from 'node:crypto';

const SPKI_PREFIX = Buffer.from([0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00]);

// Key objects by key, as node-ed25519.ts keeps them: building one costs a good part of a verification, and a
// batch is mostly signed by few keys.
/** @type {Map<string, import('node:crypto').KeyObject>} */
const keys = new Map();

/** @param {Uint8Array} publicKey */
function keyObject(publicKey) {
  const id = Buffer.from(publicKey).toString('base64');
  let key = keys.get(id);
  if (!key) {
    key = createPublicKey({ key: Buffer.concat([SPKI_PREFIX, publicKey]), format: 'der', type: 'spki' });
    if (keys.size > 10_000) keys.clear();
    keys.set(id, key);
  }
  return key;
}

/** @param {{ publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array }} job */
function verifyOne({ publicKey, message, signature }) {
  if (publicKey.length !== 32 || signature.length !== 64) return false;
  try {
    return verify(null, message, keyObject(publicKey), signature);
  } catch {
    return false;
  }
}

/**
 * A batch in shared memory (shared-batch.ts describes the layout): claims units of signatures from the front until
 * none is left or the event loop, claiming from the back, holds the next one; writes each verdict in place.
 * @param {SharedArrayBuffer} buffer
 * @returns {number} the units this thread verified
 */
function verifyShared(buffer) {
  const header = new Int32Array(buffer, 0, 8);
  const [, n, unit, units, startsAt, claimsAt, verdictsAt, dataAt] = header;
  const starts = new Uint32Array(buffer, startsAt, n + 1);
  const claims = new Uint8Array(buffer, claimsAt, units);
  const verdicts = new Uint8Array(buffer, verdictsAt, n);
  const data = new Uint8Array(buffer, dataAt);
  let done = 0;
  for (;;) {
    const u = Atomics.add(header, 0, 1);
    if (u >= units || Atomics.compareExchange(claims, u, 0, 1) !== 0) return done;
    const end = Math.min(n, (u + 1) * unit);
    for (let i = u * unit; i < end; i++) {
      const at = starts[i];
      const length = starts[i + 1] - at;
      verdicts[i] = length >= 96 && verifyOne({ publicKey: data.subarray(at, at + 32), signature: data.subarray(at + 32, at + 96), message: data.subarray(at + 96, at + length) }) ? 1 : 0;
    }
    done += 1;
  }
}

/**
 * One job, or a batch's signatures in shared memory (a batch request's: one message to the thread, not one each).
 * @param {{ publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array } | { shared: SharedArrayBuffer }} task
 */
export default function verifyJob(task) {
  return 'shared' in task ? verifyShared(task.shared) : verifyOne(task);
}
