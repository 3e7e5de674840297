// Index arithmetic for tree sizes and indices. JS bitwise operators truncate to 32 bits, and a log may pass
// 2^32 entries, so everything here uses plain arithmetic on safe integers (up to 2^53 - 1).

/**
 * Largest power of two strictly below n (n >= 2): the split point k of RFC 9162 §2.1.1.
 * @example largestPowerOfTwoBelow(5) // 4; largestPowerOfTwoBelow(8) // 4
 */
export function largestPowerOfTwoBelow(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/**
 * True when n is 1, 2, 4, 8, ...
 * @example isPowerOfTwo(2 ** 40) // true
 */
export function isPowerOfTwo(n: number): boolean {
  if (n < 1) return false;
  while (n % 2 === 0) n /= 2;
  return n === 1;
}

/**
 * log2 of a power of two.
 * @example exactLog2(256) // 8
 */
export function exactLog2(n: number): number {
  let k = 0;
  while (n > 1) {
    n /= 2;
    k++;
  }
  return k;
}

/**
 * True when x is an integer in [0, 2^53 - 1]: the only sizes and indices the log accepts.
 * @example isIndex(2 ** 53) // false
 */
export function isIndex(x: number): boolean {
  return Number.isSafeInteger(x) && x >= 0;
}

/**
 * x >> 1 without the 32-bit truncation.
 * @example half(2 ** 40 + 1) // 2 ** 39
 */
export function half(x: number): number {
  return Math.floor(x / 2);
}

/**
 * The least significant bit of x, as a boolean.
 * @example isOdd(2 ** 40 + 1) // true
 */
export function isOdd(x: number): boolean {
  return x % 2 === 1;
}
