import { test } from 'node:test';
import assert from 'node:assert/strict';
import { webUrl } from './external-link.js';

test('only absolute http(s) URLs become links; javascript:, data: and relative URLs stay text', () => {
  assert.equal(webUrl('https://www.dawn.com/news/1'), 'https://www.dawn.com/news/1');
  assert.equal(webUrl('HTTP://example.org'), 'http://example.org/');
  for (const bad of ['javascript:alert(1)', ' javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'java\tscript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:x', '/v1/log', '//evil.example', '', null, undefined]) {
    assert.equal(webUrl(bad), null, String(bad));
  }
});
