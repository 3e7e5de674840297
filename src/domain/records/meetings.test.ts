import { test } from 'node:test';
import assert from 'node:assert/strict';
import { JOINT_TEXT, mechanism, meetingBody, mustRefuse } from '../test-builders.js';
import { textHash } from './fields.js';
import { getMeeting, listMeetings } from './meetings.js';

test('the operator records a round of talks; attendees sign its joint statement over the text\'s hash', () => {
  const w = mechanism();
  const id = w.must('secretariat', 'meeting.record', meetingBody()).id;
  for (const m of ['tr', 'pk', 'qa']) w.must(m, 'joint.sign', { meeting: id, hash: textHash(JOINT_TEXT) });
  const m = getMeeting(w.state, id);
  assert.deepEqual(m?.signatures.map((s) => s.member), ['tr', 'pk', 'qa']);
  assert.equal(m?.content.outcome, 'agreed');
});

test('a mediator records a meeting without a joint statement; meetings list by start time', () => {
  const w = mechanism();
  w.must('qa', 'meeting.record', meetingBody({ title: 'Third round', start: '2025-11-06T07:00:00Z', end: '2025-11-07T18:00:00Z', outcome: 'failed', joint: undefined }));
  w.must('tr', 'meeting.record', meetingBody({ title: 'First round', start: '2025-10-18T07:00:00Z', end: '2025-10-19T18:00:00Z' }));
  assert.deepEqual(listMeetings(w.state).map((m) => m.content.title), ['First round', 'Third round']);
});

test('meeting.record refusals: who may, times, hash, attendees', () => {
  const w = mechanism();
  mustRefuse(w, ['pk', 'meeting.record', meetingBody()], 'forbidden', /party may not sign meeting.record/);
  mustRefuse(w, ['field-team-1', 'meeting.record', meetingBody()], 'forbidden', /monitor may not sign/);
  mustRefuse(w, ['qa', 'meeting.record', meetingBody({ end: '2025-10-24T00:00:00Z' })], 'bad_request', /cannot end before it starts/);
  mustRefuse(w, ['qa', 'meeting.record', meetingBody({ joint: { text: JOINT_TEXT, hash: textHash('another text') } })], 'bad_request', /not the SHA-256 of the joint statement text/);
  mustRefuse(w, ['qa', 'meeting.record', meetingBody({ attendees: ['pk', 'zz'] })], 'not_found', /attendee zz/);
  mustRefuse(w, ['qa', 'meeting.record', meetingBody({ attendees: ['pk', 'pk'] })], 'bad_request', /must not repeat/);
  mustRefuse(w, ['qa', 'meeting.record', meetingBody({ people: [{ name: 'Khawaja Asif', member: 'af' }], attendees: ['pk', 'qa'] })], 'invalid_state', /not among the attendees/);
  mustRefuse(w, ['qa', 'meeting.record', meetingBody({ outcome: 'postponed' })], 'bad_request', /outcome/);
  mustRefuse(w, ['qa', 'meeting.record', meetingBody({ place: { name: 'Doha', lat: 95, lon: 51.53 } })], 'bad_request', /place.lat/);
});

test('joint.sign refusals: unknown meeting, no joint statement, wrong hash, not an attendee, twice', () => {
  const w = mechanism();
  const id = w.must('qa', 'meeting.record', meetingBody({ attendees: ['pk', 'af', 'qa'] })).id;
  const none = w.must('qa', 'meeting.record', meetingBody({ joint: undefined })).id;
  const hash = textHash(JOINT_TEXT);
  mustRefuse(w, ['pk', 'joint.sign', { meeting: 'f'.repeat(64), hash }], 'not_found', /no meeting/);
  mustRefuse(w, ['pk', 'joint.sign', { meeting: none, hash }], 'invalid_state', /no joint statement/);
  mustRefuse(w, ['pk', 'joint.sign', { meeting: id, hash: textHash('The ceasefire is over.') }], 'invalid_state', /not the joint statement's hash/);
  mustRefuse(w, ['tr', 'joint.sign', { meeting: id, hash }], 'forbidden', /tr did not attend/);
  mustRefuse(w, ['secretariat', 'joint.sign', { meeting: id, hash }], 'forbidden', /operator may not sign joint.sign/);
  w.must('pk', 'joint.sign', { meeting: id, hash });
  mustRefuse(w, ['pk', 'joint.sign', { meeting: id, hash }], 'invalid_state', /pk already signed/);
});
