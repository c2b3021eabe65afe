/** `tochuc ratings summary`: the same service as the HTTP API. */
import type { Command } from 'commander';
import { addDatabaseOption, cliActor, printJson, withDatabase } from '../../cli/context.ts';
import * as ratings from './ratings.service.ts';

export function registerRatingCommands(program: Command): void {
  const cmd = program.command('ratings').description('xếp loại chất lượng đảng viên / annual quality rating');
  addDatabaseOption(
    cmd
      .command('summary')
      .description('kết quả xếp loại của một đơn vị / how a unit was rated')
      .requiredOption('--org <code>')
      .requiredOption('--year <yyyy>')
      .option('--json', 'print JSON'),
  ).action(async (o: { org: string; year: string; json?: boolean; data?: string }) => {
    const summary = await withDatabase(o, (db) =>
      ratings.ratingSummary(db, cliActor(), { org: o.org, year: Number(o.year) }),
    );
    if (o.json) {
      printJson(summary);
      return;
    }
    const levels = Object.entries(summary.byLevel).map(([level, n]) => `${level} ${n}`);
    process.stdout.write(
      `${summary.org} ${summary.year}: ${summary.members} — ${levels.join(', ')}, exempt ${summary.exempt}, not rated ${summary.notRatedYet}\n`,
    );
  });
}
