// The log page: statements, checkpoints and proofs, Türkçe.
import type { LogpageCatalog } from './en.js';

const logpageTr: LogpageCatalog = {

  'logPage.title': 'Kayıt defteri',
  'logPage.intro': 'Bu mekanizmanın her kaydı, yalnızca eklemeye açık tek bir Merkle kayıt defterinde (RFC 9162) imzalı bir beyandır; en yenileri aşağıda listelenir. Kayıt defteri ağacının kontrol noktalarını imzalar; tarafların adlandırdığı tanıklar, defterin yalnızca büyüdüğünü denetledikten sonra bunları ortak imzalar. Herkes döşemeleri yansılayıp hepsini denetleyebilir.',
  'logPage.statements': '{count, plural, other {# beyan}}',
  'logPage.checkpoints': 'kontrol noktaları',
  'logPage.noCheckpoint': 'Henüz kontrol noktası yayımlanmadı.',
  'logPage.origin': 'Köken',
  'logPage.treeSize': 'Ağaç boyutu',
  'logPage.rootHash': 'Kök özeti',
  'logPage.published': 'Yayımlandı',
  'logPage.logKey': 'Kayıt defteri anahtarı',
  'logPage.witnesses': 'Tanıklar',
  'logPage.noCosignature': 'henüz ortak imza yok',
  'logPage.quorum': 'gereken {quorum, number} imzadan {count, number}{witnessed, select, true {: tanıklandı} other {}}',
  'logPage.note': '/checkpoint adresinde sunulduğu hâliyle imzalı not',
  'logPage.recent': 'Son kontrol noktaları',
  'logPage.size': 'Boyut',
  'logPage.cosignedBy': 'Ortak imzalayanlar',
  'logPage.witnessed': 'tanıklandı',
  'statements.title': 'Beyanlar',
  'statements.sub': 'en yenisi önce · her biri üyesince imzalanmış JSON',
  'statements.type': 'Tür',
  'statements.by': 'İmzalayan',
  'statements.at': 'Zaman',
  'statements.id': 'Kimlik',
  'statements.pages': 'Beyan sayfaları',
  'statements.newer': 'Daha yeni',
  'statements.older': 'Daha eski',
  'statements.range': '{from, number}–{to, number} / {total, number}',
};

export default logpageTr;
