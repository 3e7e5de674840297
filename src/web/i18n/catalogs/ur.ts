import type { Catalog } from '../index.js';
import verifyUr from './verify/ur.js';
import shellUr from './shell/ur.js';
import overviewUr from './overview/ur.js';
import incidentUr from './incident/ur.js';
import reportUr from './report/ur.js';
import logpageUr from './logpage/ur.js';
import complianceUr from './compliance/ur.js';
import reviewUr from './review/ur.js';
import casesUr from './cases/ur.js';
import agreementUr from './agreement/ur.js';
import publicationUr from './publication/ur.js';

// اردو. Terms as in docs/GLOSSARY.md: جنگ بندی، خلاف ورزی، نتیجہ، فریق، ثالث، نگران، گواہ، لاگ۔
const ur: Catalog = {
  ...verifyUr,
  ...shellUr,
  ...overviewUr,
  ...incidentUr,
  ...reportUr,
  ...logpageUr,
  ...complianceUr,
  ...reviewUr,
  ...casesUr,
  ...agreementUr,
  ...publicationUr,
};

export default ur;
