import type { Catalog } from '../index.js';
import verifyAr from './verify/ar.js';
import shellAr from './shell/ar.js';
import overviewAr from './overview/ar.js';
import incidentAr from './incident/ar.js';
import reportAr from './report/ar.js';
import logpageAr from './logpage/ar.js';
import complianceAr from './compliance/ar.js';
import reviewAr from './review/ar.js';
import casesAr from './cases/ar.js';
import agreementAr from './agreement/ar.js';
import publicationAr from './publication/ar.js';

// العربية. Terms as in docs/GLOSSARY.md: وقف إطلاق النار، انتهاك، استنتاج، طرف، وسيط، راصد، شاهد، السجل.
const ar: Catalog = {
  ...verifyAr,
  ...shellAr,
  ...overviewAr,
  ...incidentAr,
  ...reportAr,
  ...logpageAr,
  ...complianceAr,
  ...reviewAr,
  ...casesAr,
  ...agreementAr,
  ...publicationAr,
};

export default ar;
