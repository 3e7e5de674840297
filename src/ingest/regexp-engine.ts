// How V8 runs the extractor's expressions. By default a regular expression starts in V8's bytecode interpreter and
// is compiled to machine code only once V8 decides it is used enough ("tier-up"). Ingestion runs a few hundred
// expressions, some of them alternations of every country's name or every actor's alias, over every sentence, and
// whether the largest were compiled varied from run to run: one of them alone took 8-10 % of ingestion's CPU in the
// runs where it was interpreted, none in the others. Compiled at their first use instead, the same articles ran at
// 152-183 articles per CPU second against 108-126 (BENCHMARKS.md, "News ingestion"). The flag is the process's:
// whatever imports the extractor (the server, the CLI, the queue's workers, the benchmarks) gets it. A flag set after
// start affects only expressions not compiled yet, which is every expression at this point: V8 compiles lazily.
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--no-regexp-tier-up');
