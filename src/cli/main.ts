/** `tochuc` — the administrators' command line. */
import { buildProgram, reportCliError } from './program.ts';

try {
  await buildProgram().parseAsync(process.argv);
} catch (err) {
  process.exitCode = reportCliError(err);
}
