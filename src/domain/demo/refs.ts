import { contentHash } from '../records/fields.js';

/**
 * Demo statements refer to records made by earlier demo statements, whose ids (leaf hashes) exist only once the
 * loader has signed and appended them. So a demo body says "@id:R1" for "the id of the statement named R1" and
 * "@hash:F1" for "the content hash (SHA-256 of JCS) of the resolved body of the statement named F1" (what
 * agreement.sign and finding.sign cover). The loader resolves each body just before signing it:
 *
 *   const named = new Map<string, NamedRecord>();
 *   for (const s of demo.statements) {
 *     const body = resolveDemoBody(s.body, named);
 *     const { id } = await signAndAppend(s.by, s.type, s.at, body);
 *     if (s.name) named.set(s.name, { id, body });
 *   }
 */
export interface NamedRecord {
  readonly id: string;
  readonly body: unknown;
}

const REF = /^@(id|hash):([A-Za-z0-9_-]+)$/;

/** A placeholder for the id of the demo statement named `name`. */
export const idOf = (name: string): string => `@id:${name}`;
/** A placeholder for the content hash of the demo statement named `name`. */
export const hashOf = (name: string): string => `@hash:${name}`;

/** The body with every "@id:NAME" / "@hash:NAME" string replaced; throws on a name not yet recorded (a demo bug). */
export function resolveDemoBody(body: Record<string, unknown>, named: ReadonlyMap<string, NamedRecord>): Record<string, unknown> {
  return resolve(body, named) as Record<string, unknown>;
}

function resolve(value: unknown, named: ReadonlyMap<string, NamedRecord>): unknown {
  if (typeof value === 'string') {
    const m = REF.exec(value);
    if (!m) return value;
    const record = named.get(m[2] as string);
    if (!record) throw new Error(`demo statement refers to ${m[2]}, which no earlier demo statement is named`);
    return m[1] === 'id' ? record.id : contentHash(record.body);
  }
  if (Array.isArray(value)) return value.map((v) => resolve(v, named));
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v, named)]));
  return value;
}
