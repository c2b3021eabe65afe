/** `tochuc backup FILE` and `tochuc restore FILE`: the same service for both kinds of database. */
import type { Command } from 'commander';
import { addDatabaseOption, cliActor, databaseLocation, printJson, withDatabase } from '../../cli/context.ts';
import type { BackupSummary } from './backup.schemas.ts';
import * as backup from './backup.service.ts';

function auditLine(a: BackupSummary['audit']): string {
  return a.intact
    ? `Nhật ký kiểm toán nguyên vẹn (${a.entries} mục) / audit log intact (${a.entries} entries), ${a.lastHash}`
    : `CẢNH BÁO: chuỗi nhật ký kiểm toán bị phá (xem tochuc audit verify) / WARNING: the audit chain is broken (see tochuc audit verify)`;
}

export function registerBackupCommands(program: Command): void {
  addDatabaseOption(
    program
      .command('backup')
      .description('sao lưu toàn bộ cơ sở dữ liệu vào tệp / back the whole database up to a file')
      .argument('<file>')
      .option('--json', 'print JSON'),
  ).action(async (file: string, o: { json?: boolean; data?: string }) => {
    const location = databaseLocation(o);
    const summary = await withDatabase(o, (db) => backup.backupDatabase(db, location, cliActor(), file));
    if (o.json) printJson(summary);
    else
      process.stdout.write(
        `${summary.file}: ${summary.bytes} bytes (${summary.kind})\n${auditLine(summary.audit)}\n`,
      );
  });
  addDatabaseOption(
    program
      .command('restore')
      .description('khôi phục từ tệp sao lưu vào nơi trống / restore a backup into an empty place')
      .argument('<file>')
      .option('--json', 'print JSON'),
  ).action(async (file: string, o: { json?: boolean; data?: string }) => {
    const summary = await backup.restoreDatabase(databaseLocation(o), cliActor(), file);
    if (o.json) printJson(summary);
    else {
      const rows = Object.entries(summary.rows).map(([table, n]) => `  ${table}: ${n}`);
      process.stdout.write(
        `${summary.file} → ${summary.kind}\n${rows.join('\n')}\n${auditLine(summary.audit)}\n`,
      );
    }
    if (!summary.audit.intact) process.exitCode = 1;
  });
}
