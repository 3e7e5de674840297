// The server process's garbage collector (issue 14 part 2, BENCHMARKS.md "Scavenges without pretenuring").
// V8 pretenures objects of an allocation site once enough of them have survived a scavenge: under a closed-loop
// burst every statement's parse and check outlive one (thousands wait in the queue), so from then on each
// statement's objects were put straight in the old generation, copied there by every scavenge that caught them, and
// freed only by full collections. Without it a scavenge's pause at half load falls by a third (14.5 → 9.3 ms p50).
import { setFlagsFromString } from 'node:v8';

/**
 * Call once, first thing in a server process (before the mechanism opens). TRUCE_V8_PRETENURING=1 keeps V8's default,
 * for benchmarks that compare the two.
 */
export function tuneServerGc(): void {
  if (process.env.TRUCE_V8_PRETENURING === '1') return;
  setFlagsFromString('--no-allocation-site-pretenuring');
}
