// English: the source catalog. Every other language has exactly these keys (the type and catalogs.test.ts check).
// Messages are ICU MessageFormat: {name} arguments, {n, plural, ...}, {x, select, ...}, and <tag>…</tag> for markup.
// Neutral wording: until a final finding, a text says who alleges what, never what happened.

import verifyEn from './verify/en.js';
import shellEn from './shell/en.js';
import overviewEn from './overview/en.js';
import incidentEn from './incident/en.js';
import reportEn from './report/en.js';
import logpageEn from './logpage/en.js';
import complianceEn from './compliance/en.js';
import reviewEn from './review/en.js';
import casesEn from './cases/en.js';
import agreementEn from './agreement/en.js';
import publicationEn from './publication/en.js';

const en = {
  ...verifyEn,
  ...shellEn,
  ...overviewEn,
  ...incidentEn,
  ...reportEn,
  ...logpageEn,
  ...complianceEn,
  ...reviewEn,
  ...casesEn,
  ...agreementEn,
  ...publicationEn,
};

export default en;
