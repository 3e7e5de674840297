// How many cases each fuzz target runs: a few hundred in `npm test`, many more in `npm run fuzz` (FUZZ_RUNS).
// Figures per target are in docs/THREATS.md.
export const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
