// The log page: statements, checkpoints and proofs, in English: the source.

const logpageEn = {

  'logPage.title': 'The log',
  'logPage.intro': 'Every record of this mechanism is a signed statement in one append-only Merkle log (RFC 9162); the latest are listed below. The log signs checkpoints of its tree; the witnesses the parties named cosign them after checking that the log only grew. Anyone can mirror the tiles and check all of it.',
  'logPage.statements': '{count, plural, one {# statement} other {# statements}}',
  'logPage.checkpoints': 'checkpoints',
  'logPage.noCheckpoint': 'No checkpoint has been published yet.',
  'logPage.origin': 'Origin',
  'logPage.treeSize': 'Tree size',
  'logPage.rootHash': 'Root hash',
  'logPage.published': 'Published',
  'logPage.logKey': 'Log key',
  'logPage.witnesses': 'Witnesses',
  'logPage.noCosignature': 'no cosignature yet',
  'logPage.quorum': '{count, number} of {quorum, number} needed{witnessed, select, true {: witnessed} other {}}',
  'logPage.note': 'The signed note, as served at /checkpoint',
  'logPage.recent': 'Recent checkpoints',
  'logPage.size': 'Size',
  'logPage.cosignedBy': 'Cosigned by',
  'logPage.witnessed': 'witnessed',
  'statements.title': 'Statements',
  'statements.sub': 'newest first · each is JSON signed by its member',
  'statements.type': 'Type',
  'statements.by': 'Signed by',
  'statements.at': 'At',
  'statements.id': 'Id',
  'statements.pages': 'Statement pages',
  'statements.newer': 'Newer',
  'statements.older': 'Older',
  'statements.range': '{from, number}–{to, number} of {total, number}',
};

/** These words in one language: every key of the English ones. */
export type LogpageCatalog = { readonly [K in keyof typeof logpageEn]: string };

export default logpageEn;
