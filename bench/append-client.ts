// The load generator of bench/append.ts, in its own process (as real clients are): pre-signs N key.add statements by
// the member whose seed it is given, posts them with a fixed number in flight, and prints {perSecond} as JSON.
import { randomBytes } from 'node:crypto';
import { toBase64 } from '../src/domain/encoding.js';
import { keyPairFromSeed } from '../src/services/node-ed25519.js';
import { post, signed } from '../test/e2e/helpers/members.js';

const [url, memberId, seedBase64, count, inFlight] = process.argv.slice(2);
const pair = keyPairFromSeed(Buffer.from(seedBase64!, 'base64'));
const member = { ...pair, id: memberId!, key: toBase64(pair.publicKey) };
const n = Number(count);
const bodies = await Promise.all(Array.from({ length: n }, () => signed(member, 'key.add', { key: randomBytes(32).toString('base64') })));
let next = 0;
const t0 = performance.now();
await Promise.all(
  Array.from({ length: Number(inFlight) }, async () => {
    while (next < bodies.length) {
      const r = await post(url!, bodies[next++]!);
      if (r.status !== 201) throw new Error(`append refused: ${JSON.stringify(r.body)}`);
    }
  }),
);
process.stdout.write(JSON.stringify({ perSecond: n / ((performance.now() - t0) / 1000) }) + '\n');
