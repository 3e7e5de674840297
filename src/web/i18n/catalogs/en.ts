// English: the source catalog. Every other language has exactly these keys (the type and catalogs.test.ts check).
// Messages are ICU MessageFormat: {name} arguments, {n, plural, ...}, {x, select, ...}, and <tag>…</tag> for markup.
// Neutral wording: until a final finding, a text says who alleges what, never what happened.

const en = {
  // The shell: masthead, navigation, footer
  'shell.brand': 'Truce',
  'shell.sub': 'Ceasefire monitoring and verification mechanism',
  'shell.subWithName': 'Monitoring and verification mechanism · ',
  'shell.title': '{page} · Truce{mechanism}{demo, select, true { (demo)} other {}}',
  'shell.skip': 'Skip to content',
  'shell.language': 'Language',
  'shell.noServer': "The mechanism's server did not answer.",
  'nav.sections': 'Sections',
  'nav.overview': 'Overview',
  'nav.incidents': 'Incidents',
  'nav.agreement': 'Agreement',
  'nav.compliance': 'Compliance',
  'nav.review': 'Review queue',
  'nav.log': 'Log',
  'nav.report': 'File a report',
  'footer.demo': 'Demo: an illustration built from public reporting.',
  'footer.log': 'Log <code>{origin}</code> · {size, plural, one {# statement} other {# statements}} · every record is a signed statement you can <verify>verify in this browser</verify>.',
  'footer.about': 'Truce: a ceasefire monitoring and verification mechanism on a Merkle transparency log.',
  'footer.apiDocs': 'API documentation',
  'footer.openapi': 'OpenAPI',
  'footer.checkpoint': 'Latest checkpoint',
  'demo.title': 'Demo',
  'demo.label': 'Demonstration notice',
  'demo.text': 'An illustration built from public reporting. Members, signatures and records are invented; they are not real records.',
  'demo.short': 'Invented records, for illustration only.',

  // Shared words
  'common.close': 'Close',
  'common.none': 'none',
  'state.loading': 'Loading…',
  'state.loadingWhat': 'Loading {what}…',
  'state.loadFailed': 'This could not be loaded.',
  'state.lazyFailed': 'This part of the page could not be loaded ({what}).',
  'state.retry': 'Try again',

  // Dates and numbers (format.ts)
  'format.utc': '{time} UTC',
  'format.dayWithLocal': '{gregorian} ({local})',
  'format.unknown': 'unknown',
  'format.atLeast': '{n, number}+',
  'format.range': '{min, number}–{max, number}',
  'format.hours': '{n, plural, one {# hour} other {# hours}}',
  'format.days': '{n, plural, one {# day} other {# days}}',

  // The log and proofs
  'log.link': 'log #{index}',
  'log.statementTitle': 'Statement {index} of the log',
  'proof.checking': '· checking inclusion proof…',
  'proof.ok': '· signature ✓ · inclusion proof ✓',
  'proof.okHelp': 'Signature of {by} verified, and the Merkle inclusion proof leads to the root of the signed checkpoint of size {size}. Checked in this browser.',
  'proof.failed': '· proof failed: {reason}',

  // Signing in with a member's key
  'session.signIn': 'Member sign-in',
  'session.signingAs': 'Signing as <b>{name}</b>',
  'session.forget': 'Forget key',
  'session.noMember': 'No member "{member}" is admitted to this mechanism.',
  'session.notCurrent': 'This key is not a current key of {name}: it was never registered, or it was revoked.',
  'session.intro': 'Members sign statements with their own Ed25519 key. Choose your key file (<code>{format}</code>), issued when the secretariat admitted you.',
  'session.nonExtractable': "The key is imported into this browser's WebCrypto store as <b>non-extractable</b>: pages can ask the browser to sign with it but cannot read it back, and the seed from the file is discarded. It is never sent to the server.",
  'session.keyFile': 'Key file',
  'session.importing': 'Importing the key…',

  // Roles of members
  'role.operator': 'secretariat',
  'role.party': 'party',
  'role.mediator': 'mediator',
  'role.monitor': 'monitor',
  'role.observer': 'observer',

  // Case status: until a final finding, where the case stands, never what happened
  'status.legend': 'Legend: case status',
  'status.reported': 'Alleged',
  'status.replied': 'Alleged, replied',
  'status.under_investigation': 'Under investigation',
  'status.violation': 'Violation found',
  'status.no_violation': 'No violation found',
  'status.inconclusive': 'Inconclusive',
  'status.unattributable': 'Not attributable',
  'statusHelp.reported': 'Reported by a member; no reply and no investigation yet.',
  'statusHelp.replied': 'The accused party has replied; its reply sits beside the report.',
  'statusHelp.under_investigation': 'The mediators opened an investigation.',
  'statusHelp.violation': "A final finding of the mediators' quorum: a violation.",
  'statusHelp.no_violation': "A final finding of the mediators' quorum: no violation.",
  'statusHelp.inconclusive': 'A final finding: the evidence did not allow a determination.',
  'statusHelp.unattributable': 'A final finding: the incident could not be attributed to a party.',

  'arrival.arrived': 'arrived {time}',
  'arrival.witnessed': '; witnessed in the checkpoint of size {size} at {time}',
  'arrival.clocks': "The signer's clock said {at}; the log received it {arrived}{bound}",
  'arrival.late': 'signed {signed} · arrived {arrived} <badge>{late} later</badge>',
  'format.minutes': '{n, plural, one {# minute} other {# minutes}}',
};

export default en;
