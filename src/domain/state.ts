import type { Role } from './roles.js';

/** Where a statement sits in the log; every record keeps the indexes of the statements that made it. */
export interface LogRef {
  readonly index: number;
  readonly id: string;
  readonly at: string;
  readonly by: string;
}

export interface Member {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  /** For a party: the side it speaks for (e.g. "pk"); for others, null. */
  readonly side: string | null;
  readonly admitted: LogRef;
}

export interface KeyRecord {
  readonly key: string; // base64 Ed25519 public key
  readonly member: string;
  readonly added: LogRef;
  revoked: LogRef | null;
}

/**
 * The mechanism as the log has made it so far: every projection is rebuilt from the log by applying statements in
 * order (domain/apply.ts). Record collections are keyed by the id of the statement that created the record.
 * Handlers in domain/records/ own their collection and may keep any per-record shape they need.
 */
export interface MechanismState {
  mechanism: string | null;
  size: number;
  readonly members: Map<string, Member>;
  readonly keys: Map<string, KeyRecord>;
  readonly records: Map<string, Map<string, unknown>>;
}

export function createState(): MechanismState {
  return { mechanism: null, size: 0, members: new Map(), keys: new Map(), records: new Map() };
}

/** The collection a handler owns, created on first use. */
export function collection<T>(state: MechanismState, name: string): Map<string, T> {
  let c = state.records.get(name);
  if (!c) {
    c = new Map();
    state.records.set(name, c);
  }
  return c as Map<string, T>;
}
