import { verifyEd25519Node } from './node-ed25519.js';
import type { VerifyJob } from './sequencer.js';

/**
 * A batch's signatures in one SharedArrayBuffer that the verifier threads and the event loop both read, cut in units
 * of a few signatures. Threads claim units from the front (verify-worker.mjs), the event loop from the back when it
 * has nothing else to do (verify-pool.ts); a unit is verified by whoever claims it first, exactly once. Unlike
 * chunks handed to a thread, nothing given to the threads is lost to the event loop: on a machine where one core
 * verifies slowly the thread is the slower side, and the event loop's idle time verifies the rest.
 *
 * The buffer describes itself (the worker reads no constant from here), header of Int32 words:
 *   0 front: units handed out to threads so far (Atomics.add)
 *   1 jobs, 2 signatures a unit, 3 units
 *   4 byte offset of the jobs' starts (Uint32, jobs + 1 of them, into the data)
 *   5 byte offset of the claims (Uint8 a unit: 0 free, 1 claimed; Atomics.compareExchange)
 *   6 byte offset of the verdicts (Uint8 a job: 1 valid)
 *   7 byte offset of the data: each job's key (32 bytes), signature (64) and message one after the other; a job whose
 *     key or signature has the wrong length is stored empty, and anything shorter than 96 bytes is false.
 */
const HEADER_WORDS = 8;
export const FRONT = 0;

/** Signatures a unit: about 1–2 ms of one core's work, the longest the event loop is kept from its requests by one. */
export const UNIT = 16;

export class SharedBatch {
  readonly buffer: SharedArrayBuffer;
  readonly #header: Int32Array;
  readonly #starts: Uint32Array;
  readonly #claims: Uint8Array;
  readonly #verdicts: Uint8Array;
  readonly #data: Uint8Array;
  /** The next unit the event loop would claim, from the back. */
  #back: number;
  /** Units the event loop verified. */
  stolen = 0;

  /** @example const batch = new SharedBatch(jobs); await piscina.run({ shared: batch.buffer }); batch.verdicts() */
  constructor(jobs: readonly VerifyJob[], unit = UNIT) {
    const n = jobs.length;
    const units = Math.ceil(n / unit);
    let dataLength = 0;
    for (const job of jobs) dataLength += wellFormed(job) ? 96 + job.message.length : 0;
    const startsAt = HEADER_WORDS * 4;
    const claimsAt = startsAt + (n + 1) * 4;
    const verdictsAt = claimsAt + units;
    const dataAt = verdictsAt + n;
    this.buffer = new SharedArrayBuffer(dataAt + dataLength);
    this.#header = new Int32Array(this.buffer, 0, HEADER_WORDS);
    this.#header.set([0, n, unit, units, startsAt, claimsAt, verdictsAt, dataAt]);
    this.#starts = new Uint32Array(this.buffer, startsAt, n + 1);
    this.#claims = new Uint8Array(this.buffer, claimsAt, units);
    this.#verdicts = new Uint8Array(this.buffer, verdictsAt, n);
    this.#data = new Uint8Array(this.buffer, dataAt, dataLength);
    let at = 0;
    for (let i = 0; i < n; i++) {
      this.#starts[i] = at;
      const job = jobs[i]!;
      if (!wellFormed(job)) continue;
      this.#data.set(job.publicKey, at);
      this.#data.set(job.signature, at + 32);
      this.#data.set(job.message, at + 96);
      at += 96 + job.message.length;
    }
    this.#starts[n] = at;
    this.#back = units - 1;
  }

  /** Whether a unit is left that no one has claimed, seen from the back. */
  get open(): boolean {
    return this.#back >= 0 && Atomics.load(this.#header, FRONT) <= this.#back;
  }

  /**
   * Claims the last unclaimed unit from the back and verifies it on this thread. False once a thread holds the unit
   * (the threads have reached the event loop's part: every unit is claimed).
   */
  stealOne(): boolean {
    if (this.#back < 0 || Atomics.compareExchange(this.#claims, this.#back, 0, 1) !== 0) {
      this.#back = -1;
      return false;
    }
    const unit = this.#header[2]!;
    const end = Math.min(this.#header[1]!, (this.#back + 1) * unit);
    for (let i = this.#back * unit; i < end; i++) this.#verdicts[i] = verifyAt(this.#data, this.#starts[i]!, this.#starts[i + 1]!) ? 1 : 0;
    this.#back -= 1;
    this.stolen += 1;
    return true;
  }

  /** One verdict a job, in order. Read once every thread's task has returned: each unit was then verified. */
  verdicts(): boolean[] {
    return Array.from(this.#verdicts, (v) => v === 1);
  }
}

function wellFormed(job: VerifyJob): boolean {
  return job.publicKey.length === 32 && job.signature.length === 64;
}

function verifyAt(data: Uint8Array, start: number, end: number): boolean {
  if (end - start < 96) return false;
  return verifyEd25519Node(data.subarray(start, start + 32), data.subarray(start + 96, end), data.subarray(start + 32, start + 96));
}
