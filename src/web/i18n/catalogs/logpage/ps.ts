// The log page: statements, checkpoints and proofs, پښتو.
import type { LogpageCatalog } from './en.js';

const logpagePs: LogpageCatalog = {

  'logPage.title': 'د ثبت دفتر',
  'logPage.intro': 'د دې میکانیزم هر سند په یوه یوازې زیاتېدونکي مرکل ثبت دفتر (RFC 9162) کې لاسلیک شوی بیان دی؛ تر ټولو نوي یې لاندې لیست شوي. ثبت دفتر د خپلې ونې چک پوائنټونه لاسلیکوي؛ هغه شاهدان چې اړخونو نومولي دا له کتلو وروسته ګډ لاسلیکوي چې ثبت دفتر یوازې لوی شوی. هر څوک کولی شي ټایلونه کاپي کړي او ټول یې وګوري.',
  'logPage.statements': '{count, plural, one {# بیان} other {# بیانونه}}',
  'logPage.checkpoints': 'چک پوائنټونه',
  'logPage.noCheckpoint': 'تر اوسه هیڅ چک پوائنټ نه دی خپور شوی.',
  'logPage.origin': 'سرچینه',
  'logPage.treeSize': 'د ونې اندازه',
  'logPage.rootHash': 'د رېښې هش',
  'logPage.published': 'خپور شوی',
  'logPage.logKey': 'د ثبت دفتر کیلي',
  'logPage.witnesses': 'شاهدان',
  'logPage.noCosignature': 'لا هیڅ ګډ لاسلیک نشته',
  'logPage.quorum': 'له {quorum, number} څخه {count, number} اړین{witnessed, select, true {: شاهدي شوی} other {}}',
  'logPage.note': 'لاسلیک شوی یادښت، لکه څنګه چې په /checkpoint کې وړاندې کېږي',
  'logPage.recent': 'وروستي چک پوائنټونه',
  'logPage.size': 'اندازه',
  'logPage.cosignedBy': 'ګډ لاسلیک کوونکي',
  'logPage.witnessed': 'شاهدي شوی',
  'statements.title': 'بیانونه',
  'statements.sub': 'نوي لومړی · هر یو JSON دی چې د خپل غړي له خوا لاسلیک شوی',
  'statements.type': 'ډول',
  'statements.by': 'لاسلیک کوونکی',
  'statements.at': 'وخت',
  'statements.id': 'پېژند',
  'statements.pages': 'د بیانونو پاڼې',
  'statements.newer': 'نوي',
  'statements.older': 'زاړه',
  'statements.range': 'له {total, number} څخه {from, number}–{to, number}',
};

export default logpagePs;
