import { toBase64 } from '../../../src/domain/encoding.js';
import { canonicalBytes } from '../../../src/domain/jcs.js';
import { signStatement, type StatementType } from '../../../src/domain/statement.js';
import { signAdmission, type Signer } from '../../../src/domain/records/admission.js';
import { generateKeyPair, type Ed25519KeyPair } from '../../../src/services/node-ed25519.js';

export interface TestMember extends Ed25519KeyPair {
  readonly id: string;
  readonly key: string;
}

/** A member with a fresh Ed25519 key (the test plays its client). */
export function member(id: string): TestMember {
  const pair = generateKeyPair();
  return { ...pair, id, key: toBase64(pair.publicKey) };
}

export const nowUtc = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');

/** The canonical bytes of a statement signed by `by`. */
export async function signed(by: TestMember, type: StatementType, body: Record<string, unknown>, at = nowUtc()): Promise<Uint8Array> {
  return canonicalBytes(await signStatement({ v: 1, type, by: by.id, key: by.key, at, body }, by.sign));
}

/** POST raw bytes as a statement; returns status and parsed JSON. */
export async function post(url: string, bytes: Uint8Array | string, contentType = 'application/json'): Promise<{ status: number; body: Record<string, unknown>; type: string | null }> {
  const response = await fetch(`${url}/v1/statements`, { method: 'POST', headers: { 'content-type': contentType }, body: typeof bytes === 'string' ? bytes : Buffer.from(bytes) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown>, type: response.headers.get('content-type') };
}

const asSigner = (m: TestMember): Signer => ({ member: m.id, key: m.key, sign: m.sign });

/** A member.admit body for `m`, with its own key's proof of possession and the consents of `consenters`. */
export function admission(mechanism: string, m: TestMember, fields: Record<string, unknown>, consenters: readonly TestMember[] = []): Promise<Record<string, unknown>> {
  return signAdmission(mechanism, 'member.admit', { member: m.id, name: m.id, key: m.key, ...fields }, m.sign, consenters.map(asSigner));
}

/** A key.add body: `newKey`'s public key for member `forMember`, with the new key's proof of possession. */
export function keyAdd(mechanism: string, forMember: string, newKey: TestMember): Promise<Record<string, unknown>> {
  return signAdmission(mechanism, 'key.add', { key: newKey.key, member: forMember }, newKey.sign);
}

/**
 * Genesis by `operator` for mechanism `mechanism`, then admissions of the others with their roles: each with its own
 * proof of possession; a mediator with the consent of the parties admitted before it.
 */
export async function bootstrap(url: string, operator: TestMember, mechanism: string, others: readonly { m: TestMember; role: string; name?: string }[]): Promise<void> {
  const genesis = await post(url, await signed(operator, 'member.admit', { member: operator.id, name: 'Secretariat', role: 'operator', key: operator.key, mechanism }));
  if (genesis.status !== 201) throw new Error(`genesis refused: ${JSON.stringify(genesis.body)}`);
  const parties: TestMember[] = [];
  for (const o of others) {
    const body = await admission(mechanism, o.m, { name: o.name ?? o.m.id, role: o.role }, o.role === 'mediator' ? parties : []);
    const r = await post(url, await signed(operator, 'member.admit', body));
    if (r.status !== 201) throw new Error(`admission of ${o.m.id} refused: ${JSON.stringify(r.body)}`);
    if (o.role === 'party') parties.push(o.m);
  }
}
