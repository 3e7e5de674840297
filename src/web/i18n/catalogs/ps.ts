import type { Catalog } from '../index.js';
import verifyPs from './verify/ps.js';
import shellPs from './shell/ps.js';
import overviewPs from './overview/ps.js';
import incidentPs from './incident/ps.js';
import reportPs from './report/ps.js';
import logpagePs from './logpage/ps.js';
import compliancePs from './compliance/ps.js';
import reviewPs from './review/ps.js';
import casesPs from './cases/ps.js';
import agreementPs from './agreement/ps.js';
import publicationPs from './publication/ps.js';

// پښتو. Terms as in docs/GLOSSARY.md: اوربند، سرغړونه، موندنه، اړخ، منځګړی، څارونکی، شاهد، د ثبت دفتر.
const ps: Catalog = {
  ...verifyPs,
  ...shellPs,
  ...overviewPs,
  ...incidentPs,
  ...reportPs,
  ...logpagePs,
  ...compliancePs,
  ...reviewPs,
  ...casesPs,
  ...agreementPs,
  ...publicationPs,
};

export default ps;
