/**
 * The bytes a member signs to make a request that is not a statement (POST /v1/ingest, a signed read): the purpose,
 * the time and the SHA-256 of the exact body (for a read, of its path and query), so a signature opens one body, for
 * one purpose, for two minutes at most. Pure, so the browser signs the same bytes the server checks.
 * @example signEd25519(seed, signedRequestMessage('ingest', '2026-12-04T12:00:00Z', sha256Hex(body)))
 */
export function signedRequestMessage(purpose: string, at: string, bodySha256: string): Uint8Array {
  return new TextEncoder().encode(`truce/request/v1\n${purpose}\n${at}\n${bodySha256}\n`);
}
