// The compliance page and commitments, in English: the source.

const complianceEn = {

  // Compliance page and the actions reported on commitments (i18n helper)
  'compPage.intro': 'For each party and each clause: what others allege, what the mediators found, and what the party reported doing. Allegations are claims of their filers; only final findings state facts.',
  'compPage.loading': 'the compliance record',
  'compPage.verifyTitle': 'Verify a reported action',
  'compPage.verifySub': 'each mediator\'s verdict is a signed statement in the log',
  'compPage.reading': '<b>Reading these figures.</b> Alleged: reports filed alleging a breach by the side, claims attributed to their filers, not findings. Findings: final findings signed by the mediators\' quorum, the only figures that state facts. Actions: actions the side itself reported, counted by the mediators\' verdict.',
  'compPage.computed': 'Computed at log size {size, number}, against {agreement} version {version, number}.',
  'compPage.noActions': 'No action reported on its commitments.',
  'compPage.actionCounts': '{reported, plural, one {# action reported} other {# actions reported}} on its commitments: {verified, number} verified, {notVerified, number} not verified, {disputed, number} disputed, {unverified, number} awaiting a verdict.',
  'compPage.partySummary': '{violations, plural, one {# violation found} other {# violations found}} · {alleged, number} alleged · {open, number} open',
  'compPage.caption': 'Compliance of {party} by clause',
  'compPage.clause': 'Clause',
  'compPage.alleged': 'Alleged',
  'compPage.investigating': 'Investigating',
  'compPage.open': 'Open',
  'compPage.violation': 'Violation found',
  'compPage.noViolation': 'No violation',
  'compPage.inconclusive': 'Inconclusive',
  'compPage.penalties': 'Penalties',
  'compPage.actionsVerified': 'Actions verified',
  'compPage.median': 'Median to finding',
  'compPage.notBinding': 'not binding',
  'compPage.notBindingHelp': 'Not in the version in force, or does not bind this side',
  'compPage.allClauses': 'All clauses',
  'compPage.uncited': 'Citing no term in force',
  'compPage.uncitedHelp': 'Reports about this party that cite no term in force for it at the time: incidents, not alleged breaches.',
  'compPage.byMonth': 'Violations found by month of the incident: {months}',
  'compPage.monthCount': '{month}: {count, number}',
  'compPage.ratio': '{verified, number}/{reported, number}',
  'commit.title': 'Actions reported on commitments',
  'commit.sub': 'each is its party\'s claim; the verdicts are the mediators\'',
  'commit.loading': 'the reported actions',
  'commit.none': 'No party has reported an action yet',
  'commit.party': 'Party',
  'commit.clause': 'Clause',
  'commit.action': 'Action, as reported',
  'commit.date': 'Date',
  'commit.verdicts': 'Verdicts',
  'commit.quantity': '({amount} {unit})',
  'commit.reportedBy': 'reported by <by></by> ({id})',
  'commit.verdict': '<by></by>: {result}',
  'commit.giveVerdict': 'Give a verdict…',
  'commitStatus.unverified': 'awaiting a verdict',
  'commitStatus.verified': 'verified by the mediators',
  'commitStatus.not_verified': 'not verified',
  'commitStatus.disputed': 'mediators disagree',
  'verdict.verified': 'verified',
  'verdict.not_verified': 'not verified',
  'verdict.disputed': 'disputed',
};

/** These words in one language: every key of the English ones. */
export type ComplianceCatalog = { readonly [K in keyof typeof complianceEn]: string };

export default complianceEn;
