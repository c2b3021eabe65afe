/** `tochuc fees arrears`: the same service as the HTTP API. */
import type { Command } from 'commander';
import { addDatabaseOption, cliActor, printJson, withDatabase } from '../../cli/context.ts';
import * as fees from './fees.service.ts';

export function registerFeeCommands(program: Command): void {
  const cmd = program.command('fees').description('đảng phí / Party fees');
  addDatabaseOption(
    cmd
      .command('arrears')
      .description('chưa đóng đảng phí từ 3 tháng trong năm / 3 or more months unpaid in the year')
      .requiredOption('--org <code>')
      .option('--year <yyyy>')
      .option('--json', 'print JSON'),
  ).action(async (o: { org: string; year?: string; json?: boolean; data?: string }) => {
    const report = await withDatabase(o, (db) =>
      fees.feeArrears(db, cliActor(), { org: o.org, year: o.year ? Number(o.year) : undefined }),
    );
    if (o.json) {
      printJson(report);
      return;
    }
    const lines = report.results.map((r) => `#${r.id}  ${r.fullName}  ${r.cellCode}  ${r.unpaidMonths}`);
    process.stdout.write(`${report.org} ${report.year}: ${report.total}\n${lines.join('\n')}\n`);
  });
}
