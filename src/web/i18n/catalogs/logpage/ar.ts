// The log page: statements, checkpoints and proofs, العربية.
import type { LogpageCatalog } from './en.js';

const logpageAr: LogpageCatalog = {

  'logPage.title': 'السجل',
  'logPage.intro': 'كل سجل في هذه الآلية بيان موقّع في سجل ميركل واحد لا يقبل إلا الإضافة (RFC 9162)؛ وأحدثها مدرج أدناه. يوقّع السجل نقاط تحقق لشجرته؛ ويوقّعها الشهود الذين سمّتهم الأطراف توقيعًا مشتركًا بعد التحقق من أن السجل لم يزد إلا نموًا. يمكن لأي شخص نسخ المربعات والتحقق من كل شيء.',
  'logPage.statements': '{count, plural, zero {لا بيانات} one {بيان واحد} two {بيانان} few {# بيانات} many {# بيانًا} other {# بيان}}',
  'logPage.checkpoints': 'نقاط التحقق',
  'logPage.noCheckpoint': 'لم تُنشر أي نقطة تحقق بعد.',
  'logPage.origin': 'المصدر',
  'logPage.treeSize': 'حجم الشجرة',
  'logPage.rootHash': 'بصمة الجذر',
  'logPage.published': 'تاريخ النشر',
  'logPage.logKey': 'مفتاح السجل',
  'logPage.witnesses': 'الشهود',
  'logPage.noCosignature': 'لا توقيع مشترك بعد',
  'logPage.quorum': '{count, number} من {quorum, number} مطلوبة{witnessed, select, true {: مشهود عليها} other {}}',
  'logPage.note': 'الملاحظة الموقّعة كما تُقدَّم في /checkpoint',
  'logPage.recent': 'نقاط التحقق الأخيرة',
  'logPage.size': 'الحجم',
  'logPage.cosignedBy': 'الموقّعون المشاركون',
  'logPage.witnessed': 'مشهود عليها',
  'statements.title': 'البيانات',
  'statements.sub': 'الأحدث أولًا · كل منها JSON وقّعه عضوه',
  'statements.type': 'النوع',
  'statements.by': 'الموقّع',
  'statements.at': 'الوقت',
  'statements.id': 'المعرّف',
  'statements.pages': 'صفحات البيانات',
  'statements.newer': 'الأحدث',
  'statements.older': 'الأقدم',
  'statements.range': '{from, number}–{to, number} من {total, number}',
};

export default logpageAr;
