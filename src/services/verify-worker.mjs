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
 * Jobs packed by verify-pool.ts packJobs: key, signature and message one after the other; a length of 0xffffffff
 * marks a malformed key or signature (false).
 * @param {{ bytes: Uint8Array, lengths: Uint32Array }} packed
 */
function verifyPacked({ bytes, lengths }) {
  const verdicts = new Array(lengths.length);
  let at = 0;
  for (let i = 0; i < lengths.length; i++) {
    const length = lengths[i];
    if (length === 0xffffffff) {
      verdicts[i] = false;
      continue;
    }
    verdicts[i] = verifyOne({ publicKey: bytes.subarray(at, at + 32), signature: bytes.subarray(at + 32, at + 96), message: bytes.subarray(at + 96, at + 96 + length) });
    at += 96 + length;
  }
  return verdicts;
}

/**
 * One job, or many in one message (a batch request's signatures: one round trip to the thread, not one each).
 * @param {{ publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array } | { jobs: { publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array }[] } | { packed: { bytes: Uint8Array, lengths: Uint32Array } }} task
 */
export default function verifyJob(task) {
  if ('packed' in task) return verifyPacked(task.packed);
  return 'jobs' in task ? task.jobs.map(verifyOne) : verifyOne(task);
}
