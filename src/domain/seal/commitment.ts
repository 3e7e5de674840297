import { sha256 } from '../../log/hash.js';
import { toHex } from '../encoding.js';
import { canonicalBytes } from '../jcs.js';

/**
 * The commitment a sealed field carries: hex SHA-256 of JCS {field, salt, value}. Anyone holding a released value
 * and salt recomputes it; binding the field name stops a value released for one field being passed off for another.
 * @example sealCommitment('/witness', 'c2FsdHNhbHRzYWx0c2FsdA==', 'A. Khan') // '…64 hex…'
 */
export function sealCommitment(field: string, salt: string, value: unknown): string {
  return toHex(sha256(canonicalBytes({ field, salt, value })));
}
