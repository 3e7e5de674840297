import type { Catalog } from '../index.js';
import verifyTr from './verify/tr.js';
import shellTr from './shell/tr.js';
import overviewTr from './overview/tr.js';
import incidentTr from './incident/tr.js';
import reportTr from './report/tr.js';
import logpageTr from './logpage/tr.js';
import complianceTr from './compliance/tr.js';
import reviewTr from './review/tr.js';
import casesTr from './cases/tr.js';
import agreementTr from './agreement/tr.js';
import publicationTr from './publication/tr.js';

// Türkçe. Terms as in docs/GLOSSARY.md: ateşkes, ihlal, bulgu, taraf, arabulucu, izleme görevlisi, tanık, kayıt defteri.
const tr: Catalog = {
  ...verifyTr,
  ...shellTr,
  ...overviewTr,
  ...incidentTr,
  ...reportTr,
  ...logpageTr,
  ...complianceTr,
  ...reviewTr,
  ...casesTr,
  ...agreementTr,
  ...publicationTr,
};

export default tr;
