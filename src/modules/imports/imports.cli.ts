/**
 * `tochuc import orgs|members FILE [--dry-run] [--update] [--report OUT.json]`: the same service as
 * the web upload. Exit 0 when every row was accepted, 1 when some were rejected (the accepted
 * ones stored unless --dry-run), 2 when the file cannot be read at all (nothing stored).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { addDatabaseOption, cliActor, withDatabase } from '../../cli/context.ts';
import { AppError } from '../../core/errors.ts';
import { type ImportResult, importKindSchema, type RowError } from './imports.schemas.ts';
import { importFile, type Progress, rowErrorPages } from './imports.service.ts';

interface ImportCliOptions {
  dryRun?: boolean;
  update?: boolean;
  report?: string;
  data?: string;
}

/** Exit codes of the contract. */
export const IMPORT_EXIT = { allAccepted: 0, someRejected: 1, unreadable: 2 } as const;

const reportEntry = (e: RowError) => ({
  row: e.row,
  column: e.column,
  message: `${e.message.vi} / ${e.message.en}`,
});

/**
 * The `--report` file: `{ accepted, rejected, converted, errors: [{ row, column, message }] }`,
 * byte for byte what `JSON.stringify(report, null, 2)` would write, with the errors written a page
 * at a time as they are read rather than gathered first.
 */
export async function writeImportReport(
  file: string,
  result: Pick<ImportResult, 'accepted' | 'rejected' | 'converted'>,
  errorPages: AsyncIterable<RowError[]>,
): Promise<void> {
  const { accepted, rejected, converted } = result;
  const empty = `${JSON.stringify({ accepted, rejected, converted, errors: [] }, null, 2)}\n`;
  const emptyEnd = '[]\n}\n';
  const fd = fs.openSync(file, 'w');
  try {
    fs.writeSync(fd, empty.slice(0, -emptyEnd.length));
    let first = true;
    for await (const page of errorPages) {
      if (page.length === 0) continue;
      // each entry as it stands two levels deep in the whole report
      const entries = page.map((e) => JSON.stringify(reportEntry(e), null, 2).replace(/^/gm, '    '));
      fs.writeSync(fd, `${first ? '[\n' : ',\n'}${entries.join(',\n')}`);
      first = false;
    }
    fs.writeSync(fd, first ? emptyEnd : '\n  ]\n}\n');
  } finally {
    fs.closeSync(fd);
  }
}

export function registerImportCommands(program: Command): void {
  addDatabaseOption(
    program
      .command('import')
      .description(
        'nhập tổ chức hoặc đảng viên từ tệp .xlsx/.csv / import organizations or members from a file',
      )
      .argument('<kind>', 'orgs | members')
      .argument('<file>', '.xlsx or .csv (UTF-8, UTF-16, Windows-1258, TCVN3, VNI)')
      .option('--dry-run', 'kiểm tra, không lưu / check every row, store nothing')
      .option('--update', 'cập nhật đảng viên đã có (theo CCCD hoặc số thẻ) / update existing members')
      .option('--report <file>', 'ghi báo cáo JSON / write the JSON report there'),
  ).action(async (kind: string, file: string, o: ImportCliOptions) => {
    const parsedKind = importKindSchema.safeParse(kind);
    if (!parsedKind.success) {
      process.stderr.write(`Lỗi: loại phải là orgs hoặc members\nError: the kind must be orgs or members\n`);
      process.exitCode = IMPORT_EXIT.unreadable;
      return;
    }
    let lastShown = 0;
    const progress = ({ rowsRead, share }: Progress) => {
      if (rowsRead - lastShown < 50_000 && rowsRead !== 0) return;
      lastShown = rowsRead;
      process.stderr.write(
        `… ${Math.floor(share * 100)} % — ${rowsRead.toLocaleString('vi-VN')} dòng / rows\n`,
      );
    };
    try {
      await withDatabase(o, async (database) => {
        const actor = cliActor();
        const result = await importFile(
          database,
          actor,
          { path: file, fileName: path.basename(file) },
          { kind: parsedKind.data, dryRun: o.dryRun ?? false, update: o.update ?? false },
          progress,
        );
        if (o.report) await writeImportReport(o.report, result, rowErrorPages(database, actor, result.id));
        const c = result.converted;
        process.stderr.write(
          `${o.dryRun ? 'Chạy thử / dry run: ' : ''}nhận ${result.accepted}, loại ${result.rejected} ` +
            `(mới ${result.created}, cập nhật ${result.updated}, không đổi ${result.unchanged}); ` +
            `chuyển mã TCVN3 ${c.tcvn3}, VNI ${c.vni}, NFD ${c.nfd} / accepted ${result.accepted}, rejected ${result.rejected}\n`,
        );
        // the first rows' errors come with the import itself
        for (const e of result.errors.slice(0, 20).map(reportEntry))
          process.stderr.write(`  dòng/row ${e.row} [${e.column}]: ${e.message}\n`);
        process.exitCode = result.rejected > 0 ? IMPORT_EXIT.someRejected : IMPORT_EXIT.allAccepted;
      });
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'import.unreadable') throw err;
      process.stderr.write(`Lỗi: ${err.messages.vi}\nError: ${err.messages.en}\n`);
      process.exitCode = IMPORT_EXIT.unreadable;
    }
  });
}
