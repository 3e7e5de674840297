// Every value in the state folder carries a CRC-32 of its key and its bytes, so a value changed at rest (a disk's bit
// rot, a torn copy, an edit) or read from the wrong place (a damaged LMDB page that leads to another record) is
// found when it is read, never decoded into the state: LMDB keeps no checksums of its own. CRC-32 rather than a
// cryptographic hash: the folder is a derived cache on the operator's disk and whoever can write it can also
// recompute any digest (docs/decisions.md, "The state folder is a derived cache"); what is caught here is damage,
// not forgery, and the log itself is checked against its signed checkpoint at every start.
import { crc32 } from 'node:zlib';
import { TruceError } from '../domain/errors.js';

/** Bytes of the checksum in front of every value. */
export const SEAL_BYTES = 4;

/** A read found a value of the state folder that is not what was written: the folder must be rebuilt from the log. */
export class StateFolderDamaged extends TruceError {
  constructor(readonly detail: string) {
    super('unavailable', `the state folder is damaged (${detail}); restart the server: it rebuilds the state from the log`);
    this.name = 'StateFolderDamaged';
  }
}

type Key = readonly (string | number)[];

const checksum = (key: Key, bytes: Uint8Array): number => crc32(bytes, crc32(JSON.stringify(key)));

/**
 * Write the checksum of `key` and `value.subarray(SEAL_BYTES)` into the value's first four bytes (left free by
 * whoever built it), and return the value.
 * @example sealInPlace(['g'], Buffer.concat([Buffer.alloc(SEAL_BYTES), Buffer.from('7')]))
 */
export function sealInPlace(key: Key, value: Buffer): Buffer {
  value.writeUInt32BE(checksum(key, value.subarray(SEAL_BYTES)), 0);
  return value;
}

/** `bytes` with the checksum of `key` and them in front. */
export function seal(key: Key, bytes: Uint8Array): Buffer {
  const value = Buffer.allocUnsafe(SEAL_BYTES + bytes.length);
  value.set(bytes, SEAL_BYTES);
  return sealInPlace(key, value);
}

/**
 * The bytes a sealed value holds, after checking its checksum against `key`; throws StateFolderDamaged if they are
 * not what was sealed under that key.
 * @example unseal(['g'], seal(['g'], Buffer.from('7'))).toString() === '7'
 */
export function unseal(key: Key, value: Buffer): Buffer {
  if (value.length < SEAL_BYTES) throw new StateFolderDamaged(`the value of ${JSON.stringify(key)} is cut short`);
  const bytes = value.subarray(SEAL_BYTES);
  if (value.readUInt32BE(0) !== checksum(key, bytes)) throw new StateFolderDamaged(`the value of ${JSON.stringify(key)} does not match its checksum`);
  return bytes;
}
