// Loaded into every process of a test run (NODE_OPTIONS, set by scripts/run-test-files.mjs): a test file's process
// writes, as it exits, the CPU it used and the CPU of the children it waited for (servers, CLI runs, Chromium), from
// /proc. On a 2-core machine running three files at once, wall times measure the crowd; CPU seconds measure the file.
import { appendFileSync, readFileSync } from 'node:fs';

const out = process.env.TRUCE_TEST_CPU_FILE;
const file = process.argv[1];
if (out && /\.test\.[jt]s$/.test(file ?? '') && process.platform === 'linux') {
  process.on('exit', () => {
    try {
      const stat = readFileSync('/proc/self/stat', 'utf8');
      // Fields after the command's closing bracket: state is the first, utime/stime/cutime/cstime the 12th to 15th.
      const [utime, stime, cutime, cstime] = stat.slice(stat.lastIndexOf(')') + 2).split(' ').slice(11, 15).map(Number);
      const ticks = 100; // USER_HZ on Linux
      appendFileSync(out, `${JSON.stringify({ file, self: (utime + stime) / ticks, children: (cutime + cstime) / ticks })}\n`);
    } catch {
      // A figure lost is no reason to fail a test run.
    }
  });
}
