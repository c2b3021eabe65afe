/** `tochuc admissions …`: the admission work queue, the same service as the HTTP API. */
import type { Command } from 'commander';
import { addDatabaseOption, cliActor, printJson, withDatabase } from '../../cli/context.ts';
import { ADMISSION_STEP_LABELS } from '../../core/member-rules/index.ts';
import type { Candidate } from './admissions.schemas.ts';
import * as admissions from './admissions.service.ts';

function printCandidates(candidates: Candidate[]): void {
  const lines = candidates.flatMap((c) => [
    `#${c.id}  ${c.fullName}  ${c.cellCode}  → ${c.nextStep ? ADMISSION_STEP_LABELS[c.nextStep].vi : '—'}`,
    ...c.warnings.map((w) => `    ! ${w.vi}`),
  ]);
  process.stdout.write(`${lines.join('\n')}\n`);
}

export function registerAdmissionCommands(program: Command): void {
  const cmd = program.command('admissions').description('kết nạp đảng viên / the admission pipeline');

  addDatabaseOption(
    cmd
      .command('queue')
      .description('danh sách người vào Đảng / candidates under a unit')
      .requiredOption('--org <code>')
      .option('--json', 'print JSON'),
  ).action(async (o: { org: string; json?: boolean; data?: string }) => {
    const results = await withDatabase(o, (db) => admissions.candidateQueue(db, cliActor(), { org: o.org }));
    if (o.json) printJson({ results });
    else printCandidates(results);
  });

  addDatabaseOption(
    cmd
      .command('step')
      .description('ghi nhận một bước / date a step (the ceremony admits the candidate)')
      .argument('<id>')
      .requiredOption('--step <step>', 'awareness_class|application|cell_resolution|decision|ceremony')
      .requiredOption('--date <YYYY-MM-DD>')
      .option('--decision <ref>')
      .option('--json', 'print JSON'),
  ).action(
    async (
      id: string,
      o: { step: string; date: string; decision?: string; json?: boolean; data?: string },
    ) => {
      const candidate = await withDatabase(o, (db) =>
        admissions.recordStep(db, cliActor(), Number(id), {
          step: o.step as 'ceremony',
          date: o.date,
          decisionRef: o.decision,
        }),
      );
      if (o.json) printJson(candidate);
      else printCandidates([candidate]);
    },
  );
}
