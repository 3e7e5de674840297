// A worker of the signature pool (signatures.ts): checks the signatures of the entry bundles it is sent.
import { verifyEd25519 } from '../../log/ed25519.js';
import { checkSignatures, type Engine } from './signatures.js';
import { type Ed25519VerifyAsync, trustedWebCrypto } from './webcrypto-ed25519.js';

const chosen: Promise<{ engine: Engine; verify: Ed25519VerifyAsync }> = trustedWebCrypto().then((webCrypto) =>
  webCrypto ? { engine: 'webcrypto', verify: webCrypto } : { engine: 'javascript', verify: async (k, m, s) => verifyEd25519(k, m, s) },
);

const reply = (message: unknown) => (self as unknown as { postMessage(message: unknown): void }).postMessage(message);

self.onmessage = async (event: MessageEvent<{ id: number; entries: Uint8Array[] }>) => {
  const { id, entries } = event.data;
  const { engine, verify } = await chosen;
  try {
    reply({ id, engine, results: await checkSignatures(entries, verify) });
  } catch (error) {
    reply({ id, engine, error: (error as Error).message });
  }
};
