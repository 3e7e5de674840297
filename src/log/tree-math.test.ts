import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { exactLog2, half, isIndex, isOdd, isPowerOfTwo, largestPowerOfTwoBelow } from './tree-math.js';

describe('tree math beyond 32 bits', () => {
  it('splits, halves and tests without truncating to 32 bits', () => {
    assert.equal(largestPowerOfTwoBelow(2), 1);
    assert.equal(largestPowerOfTwoBelow(5), 4);
    assert.equal(largestPowerOfTwoBelow(8), 4);
    assert.equal(largestPowerOfTwoBelow(2 ** 40 + 1), 2 ** 40);
    assert.ok(isPowerOfTwo(2 ** 45) && !isPowerOfTwo(2 ** 45 + 2) && !isPowerOfTwo(0));
    assert.equal(exactLog2(2 ** 50), 50);
    assert.equal(half(2 ** 40 + 3), 2 ** 39 + 1);
    assert.ok(isOdd(2 ** 40 + 1) && !isOdd(2 ** 40));
    assert.ok(isIndex(0) && isIndex(2 ** 53 - 1));
    for (const x of [-1, 0.5, 2 ** 53, NaN, Infinity]) assert.ok(!isIndex(x));
  });
});
