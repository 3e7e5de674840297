// A node:test reporter that prints, once the run ends, how long each test file's tests took, slowest first: the list
// to read when `npm test` nears its time budget. Used beside the spec reporter by scripts/run-tests.mjs.
export default async function* fileTimes(source) {
  const perFile = new Map();
  for await (const event of source) {
    if ((event.type === 'test:pass' || event.type === 'test:fail') && event.data.nesting === 0 && event.data.file) {
      perFile.set(event.data.file, (perFile.get(event.data.file) ?? 0) + (event.data.details?.duration_ms ?? 0));
    }
  }
  const rows = [...perFile].sort((a, b) => b[1] - a[1]).slice(0, 15);
  if (rows.length === 0) return;
  yield '\nslowest test files (time in their tests):\n';
  for (const [file, ms] of rows) yield `${(ms / 1000).toFixed(1).padStart(8)} s  ${file.replace(`${process.cwd()}/`, '')}\n`;
}
