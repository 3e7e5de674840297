// The log page: statements, checkpoints and proofs, اردو.
import type { LogpageCatalog } from './en.js';

const logpageUr: LogpageCatalog = {

  'logPage.title': 'لاگ',
  'logPage.intro': 'اس میکانزم کا ہر ریکارڈ ایک ہی صرف اضافہ پذیر مرکل لاگ (RFC 9162) میں ایک دستخط شدہ بیان ہے؛ تازہ ترین نیچے درج ہیں۔ لاگ اپنے درخت کے چیک پوائنٹس پر دستخط کرتا ہے؛ فریقین کے نامزد کردہ گواہ یہ جانچنے کے بعد ان پر مشترکہ دستخط کرتے ہیں کہ لاگ صرف بڑھا ہے۔ کوئی بھی ٹائلز کی نقل بنا کر سب کچھ جانچ سکتا ہے۔',
  'logPage.statements': '{count, plural, one {# بیان} other {# بیانات}}',
  'logPage.checkpoints': 'چیک پوائنٹس',
  'logPage.noCheckpoint': 'ابھی تک کوئی چیک پوائنٹ شائع نہیں ہوا۔',
  'logPage.origin': 'ماخذ',
  'logPage.treeSize': 'درخت کا سائز',
  'logPage.rootHash': 'جڑ کا ہیش',
  'logPage.published': 'شائع شدہ',
  'logPage.logKey': 'لاگ کی کلید',
  'logPage.witnesses': 'گواہ',
  'logPage.noCosignature': 'ابھی کوئی مشترکہ دستخط نہیں',
  'logPage.quorum': '{quorum, number} میں سے {count, number} درکار{witnessed, select, true {: گواہی شدہ} other {}}',
  'logPage.note': 'دستخط شدہ نوٹ، جیسا کہ /checkpoint پر دستیاب ہے',
  'logPage.recent': 'حالیہ چیک پوائنٹس',
  'logPage.size': 'سائز',
  'logPage.cosignedBy': 'مشترکہ دستخط کنندگان',
  'logPage.witnessed': 'گواہی شدہ',
  'statements.title': 'بیانات',
  'statements.sub': 'تازہ ترین پہلے · ہر ایک JSON ہے جس پر اس کے رکن نے دستخط کیے',
  'statements.type': 'قسم',
  'statements.by': 'دستخط کنندہ',
  'statements.at': 'وقت',
  'statements.id': 'شناخت',
  'statements.pages': 'بیانات کے صفحات',
  'statements.newer': 'نئے',
  'statements.older': 'پرانے',
  'statements.range': '{total, number} میں سے {from, number}–{to, number}',
};

export default logpageUr;
