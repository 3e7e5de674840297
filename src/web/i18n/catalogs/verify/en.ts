// "Verify in this browser" (src/web/ui/verify-panel.tsx, src/web/verify/full-verify.ts), in English: the source.
// Each step's finding is a message here, so the panel words it in the reader's language; technical text from the
// checks (a refusal's detail, a key) is an argument, shown as <code>.

const verifyEn = {
  'verify.title': 'Verify in this browser',
  'verify.intro': 'Download the whole log as tiles and check it here, trusting nothing the server says: the checkpoint\'s signature, the Merkle root recomputed from every entry, each statement\'s signature and rights replayed from the first, and the witnesses\' cosignatures.',
  'verify.running': 'Verifying…',
  'verify.again': 'Verify again',
  'verify.run': 'Verify the log',
  'verify.progress': '{step}: progress',
  'verify.ok': '<b>Verified in this browser.</b> The log <code>{origin}</code> of {count, plural, one {# statement} other {# statements}} is intact: its root matches the signed checkpoint, and every statement is validly signed and allowed, in order.',
  'verify.witnessedBy': 'Witnessed by {witnesses}.',
  'verify.witnessedFirst': 'Its first {count, plural, one {# statement is} other {# statements are}} in a checkpoint the witnesses cosigned; the newest await them.',
  'verify.notWitnessed': 'No recent checkpoint is cosigned by a quorum of witnesses yet.',
  'verify.root': 'Root {root} · {seconds, number, ::.0} s',
  'verify.failed': 'Verification failed.',
  'verifyStep.checkpoint': 'Checkpoint signed by the log',
  'verifyStep.tiles': 'Tree rebuilt from every tile',
  'verifyStep.statements': 'Every statement re-checked',
  'verifyStep.witnesses': 'Witness cosignatures',
  'verifyState.waiting': 'waiting',
  'verifyState.running': 'running',
  'verifyState.ok': 'done',
  'verifyState.warn': 'warning',
  'verifyState.fail': 'failed',
  'verifyDetail.fetchingCheckpoint': "Fetching the latest checkpoint…",
  'verifyDetail.badLogKey': "The log's key is not a valid Ed25519 note key: <code>{key}</code>",
  'verifyDetail.badCheckpoint': "The checkpoint does not verify under the log's key: <code>{detail}</code>",
  'verifyDetail.keyChanged': "The log's key changed since this browser last verified it (was <code>{was}</code>, now <code>{now}</code>). Ask the secretariat why before trusting anything.",
  'verifyDetail.checkpointOk': "Signed by <code>{name}</code> (key <code>{keyId}</code>); size {size, number}. {pinned, select, true {Same key as last time.} other {First verification in this browser: key remembered.}}",
  'verifyDetail.fetchingTiles': "Fetching entry bundles and hash tiles…",
  'verifyDetail.tilesProgress': "{phase, select, entries {Entry bundles} other {Hash tiles}}: {done, number} of {total, number}",
  'verifyDetail.tilesFailed': "The tiles do not rebuild the signed tree: <code>{detail}</code>",
  'verifyDetail.tileUnavailable': "The server did not give <code>{path}</code>, asked {attempts, number} times (<code>{answer}</code>). Nothing it gave before was found wrong; try again later.",
  'verifyDetail.tilesOk': "Recomputed the root from {count, plural, one {# entry} other {# entries}}: <code>{root}…</code> matches the checkpoint.",
  'verifyDetail.statementsProgress': "Checked {done, number} of {total, number} statements",
  'verifyDetail.statementsFailed': "{failed, number} of {total, number} entries break a rule (entries {list}). The first: {reason}. <code>{detail}</code>",
  'verifyDetail.refusal': "{code, select, not_canonical {not in canonical form} bad_signature {a signature that does not verify} unknown_key {a key never registered to its signer} revoked_key {a revoked key} forbidden {a signer acting beyond its rights} invalid_state {a step the workflow does not allow at that point} replay {a repeated statement} other {a statement the rules refuse}}",
  'verifyDetail.statementsOk': "{count, plural, one {# statement} other {# statements}}: canonical, signed by registered keys, within each signer's rights, and valid in order.",
  'verifyDetail.checkingWitnesses': "Checking cosignatures…",
  'verifyDetail.witnessesOk': "Cosigned by {names}: {count, number} of the {quorum, number} needed.",
  'verifyDetail.noWitnessesNamed': "The parties have named no witnesses in rules they all signed, so no checkpoint can count as witnessed.",
  'verifyDetail.forked': "The witnesses cosigned a different tree of size {size, number} than the one served now: the log has forked.",
  'verifyDetail.awaitingWitnesses': "The newest checkpoint awaits its witnesses ({count, number} of {quorum, number}). The newest witnessed one, size {size, number}, cosigned by {witnessedBy}, is a prefix of the tree verified here.",
  'verifyDetail.notWitnessedRecently': "{count, plural, =0 {No witness has cosigned it yet} other {Cosigned by {names}}}; {quorum, number} are needed for a checkpoint to count as witnessed, and no recent checkpoint has them.",
  'verifyDetail.stopped': "The check stopped: <code>{detail}</code>",
};

/** The verify panel's words in one language: every key of the English ones. */
export type VerifyCatalog = { readonly [K in keyof typeof verifyEn]: string };

export default verifyEn;
