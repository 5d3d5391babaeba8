#!/usr/bin/env node
/** The `kqlhunt` command line: hands the sub-command to its module (see commands.ts). */
import { runCommand, usage } from './commands.js';

// `kqlhunt dump x.evtx | head`: a reader that stops early is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

const argv = process.argv.slice(2);
const command = argv[0];
if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
  process.stdout.write(usage);
  process.exitCode = command === undefined ? 2 : 0;
} else {
  runCommand(command, argv.slice(1)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`kqlhunt: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exitCode = 2;
    },
  );
}
