// The demo mechanism of ../shared/scenario.md: an illustration built from public reporting, never real records.
export { demoCase, DEMO_LABEL, type DemoCase, type DemoMember, type DemoStatement } from './case.js';
export { demoEvidenceFiles, type DemoEvidenceFile } from './evidence-files.js';
export { resolveDemoBody, type NamedRecord } from './refs.js';
export { trainingCase, TRAINING_LABEL } from './training/case.js';
export { trainingEvidenceFiles } from './training/bodies.js';
