import { test } from 'node:test';
import assert from 'node:assert/strict';
import { JOINT_TEXT, mechanism, meetingBody } from '../test-builders.js';
import { textHash } from '../records/fields.js';
import { meetingsView } from './meetings.js';

test('meetings by start, with the joint statement in force for exactly those who signed it', () => {
  const w = mechanism();
  const istanbul = w.must('tr', 'meeting.record', meetingBody()).id;
  w.must('qa', 'meeting.record', meetingBody({ title: 'First round (Doha)', round: 1, start: '2025-10-18T07:00:00Z', end: '2025-10-19T18:00:00Z', place: { name: 'Doha', lat: 25.29, lon: 51.53 }, joint: undefined }));
  for (const m of ['pk', 'qa', 'tr']) w.must(m, 'joint.sign', { meeting: istanbul, hash: textHash(JOINT_TEXT) });
  const { items } = meetingsView(w.state);
  assert.deepEqual(items.map((m) => m.title), ['First round (Doha)', 'Second round (Istanbul)']);
  assert.equal(items[0]?.joint, null);
  assert.deepEqual(items[1]?.joint?.inForceFor, ['pk', 'qa', 'tr']);
  assert.deepEqual(items[1]?.joint?.unsigned, ['af']);
  assert.equal(items[1]?.recordedBy, 'tr');
});
