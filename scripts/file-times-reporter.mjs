// A node:test reporter that prints, once the run ends, how long each test file's tests took and the CPU seconds its
// process and children used (from scripts/test-cpu-probe.mjs), slowest first: the list to read when `npm test` nears
// its time budget. Used beside the spec reporter by scripts/run-test-files.mjs.
import { existsSync, readFileSync } from 'node:fs';

function cpuPerFile(cpuFile) {
  const cpu = new Map();
  if (!cpuFile || !existsSync(cpuFile)) return cpu;
  for (const line of readFileSync(cpuFile, 'utf8').split('\n').filter(Boolean)) {
    const { file, self, children } = JSON.parse(line);
    cpu.set(file, self + children);
  }
  return cpu;
}

export default async function* fileTimes(source, cpuFile) {
  const perFile = new Map();
  for await (const event of source) {
    if ((event.type === 'test:pass' || event.type === 'test:fail') && event.data.nesting === 0 && event.data.file) {
      perFile.set(event.data.file, (perFile.get(event.data.file) ?? 0) + (event.data.details?.duration_ms ?? 0));
    }
  }
  if (perFile.size === 0) return;
  const cpu = cpuPerFile(cpuFile);
  const name = (file) => file.replace(`${process.cwd()}/`, '');
  const rows = (list) => list.map(([file, value]) => `${value.toFixed(1).padStart(8)} s  ${name(file)}\n`).join('');
  yield '\nslowest test files (time in their tests):\n';
  yield rows([...perFile].map(([file, ms]) => [file, ms / 1000]).sort((a, b) => b[1] - a[1]).slice(0, 15));
  if (cpu.size > 0) {
    const total = [...cpu.values()].reduce((a, b) => a + b, 0);
    yield `\nCPU of the test files and their children: ${total.toFixed(0)} s in all; the most:\n`;
    yield rows([...cpu].sort((a, b) => b[1] - a[1]).slice(0, 20));
  }
}
