// The log page: statements, checkpoints and proofs, دری.
import type { LogpageCatalog } from './en.js';

const logpageFaAf: LogpageCatalog = {

  'logPage.title': 'دفتر ثبت',
  'logPage.intro': 'هر سند این سازوکار اظهاریه‌ای امضاشده در یک دفتر ثبت مرکل فقط‌افزودنی (RFC 9162) است؛ تازه‌ترین‌ها در پایین فهرست شده‌اند. دفتر ثبت چک‌پوینت‌های درخت خود را امضا می‌کند؛ شاهدانی که طرف‌ها نام برده‌اند پس از بررسی این‌که دفتر ثبت تنها بزرگ‌تر شده، آن‌ها را هم‌امضا می‌کنند. هر کسی می‌تواند کاشی‌ها را رونوشت کند و همه را بررسی کند.',
  'logPage.statements': '{count, plural, other {# اظهاریه}}',
  'logPage.checkpoints': 'چک‌پوینت‌ها',
  'logPage.noCheckpoint': 'هنوز هیچ چک‌پوینتی نشر نشده است.',
  'logPage.origin': 'منشأ',
  'logPage.treeSize': 'اندازهٔ درخت',
  'logPage.rootHash': 'هش ریشه',
  'logPage.published': 'نشرشده',
  'logPage.logKey': 'کلید دفتر ثبت',
  'logPage.witnesses': 'شاهدان',
  'logPage.noCosignature': 'هنوز هم‌امضایی نیست',
  'logPage.quorum': '{count, number} از {quorum, number} لازم{witnessed, select, true {: گواهی‌شده} other {}}',
  'logPage.note': 'یادداشت امضاشده، چنان‌که در /checkpoint ارائه می‌شود',
  'logPage.recent': 'چک‌پوینت‌های اخیر',
  'logPage.size': 'اندازه',
  'logPage.cosignedBy': 'هم‌امضاکنندگان',
  'logPage.witnessed': 'گواهی‌شده',
  'statements.title': 'اظهاریه‌ها',
  'statements.sub': 'تازه‌ترین نخست · هر یک JSON امضاشده از سوی عضو خود است',
  'statements.type': 'نوع',
  'statements.by': 'امضاکننده',
  'statements.at': 'زمان',
  'statements.id': 'شناسه',
  'statements.pages': 'صفحه‌های اظهاریه‌ها',
  'statements.newer': 'تازه‌تر',
  'statements.older': 'کهنه‌تر',
  'statements.range': '{from, number}–{to, number} از {total, number}',
};

export default logpageFaAf;
