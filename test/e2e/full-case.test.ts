// A full case played through the HTTP API, on PGlite and on PostgreSQL: genesis and admissions, the agreement
// proposed and signed into force, reports, the accused party's reply, evidence (upload, register, access by
// confidentiality, acknowledgement), an investigation, a finding final at the mediators' quorum, the penalty of the
// schedule, a commitment action and its verification; then the compliance figures, the incident queries, one incident
// with its inclusion proofs, and `truce verify` (auditMechanism) agreeing with every projection. Every refusal on the
// way is a 4xx problem+json naming the rule, and appends nothing.
import { test, type TestContext } from 'node:test';
import { startServer, type RunningServer } from './helpers/server.js';
import { createScratchDatabase } from '../../src/store/postgres-test-db.js';
import { caseContext } from './full-case/context.js';
import { membershipAndAgreement } from './full-case/agreement.js';
import { reportsAndReplies } from './full-case/reports.js';
import { evidenceCustody } from './full-case/evidence.js';
import { decisions } from './full-case/decisions.js';
import { views } from './full-case/views.js';

/** The steps in order: each relies on what the ones before it appended. */
async function playCase(t: TestContext, server: RunningServer): Promise<void> {
  const k = caseContext(server);
  for (const steps of [membershipAndAgreement, reportsAndReplies, evidenceCustody, decisions, views]) await steps(t, k);
}

test('a full case through the HTTP API on PGlite', async (t) => {
  const server = await startServer({ checkpointIntervalMs: 100 });
  try {
    await playCase(t, server);
  } finally {
    await server.close();
  }
});

test('the same case through the HTTP API on PostgreSQL', async (t) => {
  // No skip: the test machines run PostgreSQL at 127.0.0.1:5432, and a store that is not tested there is not tested.
  const db = await createScratchDatabase();
  try {
    const server = await startServer({ db: db.url, checkpointIntervalMs: 100 });
    try {
      await playCase(t, server);
    } finally {
      await server.close();
    }
  } finally {
    await db.drop();
  }
});
