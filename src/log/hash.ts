// RFC 9162 §2.1.1 hashing: SHA-256 with domain separation between leaves (0x00) and interior nodes (0x01),
// so a leaf can never be passed off as a node (second-preimage protection).
import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js';

/** Length in bytes of every hash in the log. */
export const HASH_SIZE = 32;

/**
 * SHA-256 of some bytes.
 * @example toHex(sha256(new Uint8Array())) // "e3b0c442...b855"
 */
export function sha256(data: Uint8Array): Uint8Array {
  return nobleSha256(data);
}

/**
 * The leaf hash of a log entry: SHA-256(0x00 ‖ entry). A statement's id is the hex of this.
 * @example toHex(hashLeaf(new Uint8Array())) // "6e340b9c...a01d"
 */
export function hashLeaf(entry: Uint8Array): Uint8Array {
  const buf = new Uint8Array(entry.length + 1);
  buf.set(entry, 1);
  return nobleSha256(buf);
}

// One scratch buffer for interior nodes: hashing is synchronous, so it is never shared by two calls at once,
// and it saves an allocation per node when building a million-leaf tree.
const nodeScratch = new Uint8Array(1 + 2 * HASH_SIZE);
nodeScratch[0] = 1;

/**
 * The hash of an interior node: SHA-256(0x01 ‖ left ‖ right). Both children must be 32-byte hashes.
 * @example hashChildren(hashLeaf(a), hashLeaf(b)) // the root of the two-entry tree [a, b]
 */
export function hashChildren(left: Uint8Array, right: Uint8Array): Uint8Array {
  if (left.length !== HASH_SIZE || right.length !== HASH_SIZE) {
    throw new RangeError(`hashChildren: children must be ${HASH_SIZE}-byte hashes`);
  }
  nodeScratch.set(left, 1);
  nodeScratch.set(right, 1 + HASH_SIZE);
  return nobleSha256(nodeScratch);
}

/**
 * The root of the empty tree: SHA-256 of nothing (RFC 9162 §2.1.1). A fresh copy each call.
 * @example toHex(emptyRoot()) // "e3b0c442...b855"
 */
export function emptyRoot(): Uint8Array {
  return nobleSha256(new Uint8Array(0));
}
