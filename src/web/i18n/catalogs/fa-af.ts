import type { Catalog } from '../index.js';
import verifyFaAf from './verify/fa-af.js';
import shellFaAf from './shell/fa-af.js';
import overviewFaAf from './overview/fa-af.js';
import incidentFaAf from './incident/fa-af.js';
import reportFaAf from './report/fa-af.js';
import logpageFaAf from './logpage/fa-af.js';
import complianceFaAf from './compliance/fa-af.js';
import reviewFaAf from './review/fa-af.js';
import casesFaAf from './cases/fa-af.js';
import agreementFaAf from './agreement/fa-af.js';
import publicationFaAf from './publication/fa-af.js';

// دری (افغانستان). Terms as in docs/GLOSSARY.md: آتش‌بس، نقض، یافته، طرف، میانجی، ناظر، شاهد، دفتر ثبت.
const faAF: Catalog = {
  ...verifyFaAf,
  ...shellFaAf,
  ...overviewFaAf,
  ...incidentFaAf,
  ...reportFaAf,
  ...logpageFaAf,
  ...complianceFaAf,
  ...reviewFaAf,
  ...casesFaAf,
  ...agreementFaAf,
  ...publicationFaAf,
};

export default faAF;
