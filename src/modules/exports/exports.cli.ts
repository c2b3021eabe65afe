/** `tochuc export …`: the same export functions as the HTTP API, written to a file. */
import fs from 'node:fs';
import type { Command } from 'commander';
import { addDatabaseOption, cliActor, withDatabase } from '../../cli/context.ts';
import { parseInput } from '../../core/validation.ts';
import type { Database } from '../../db/database.ts';
import {
  type MemberExportQuery,
  memberExportQuerySchema,
  type ReportQuery,
  reportQuerySchema,
} from './exports.schemas.ts';
import { type ExportFile, exportMemberProfile, exportMembers, exportReport } from './exports.service.ts';

/** Progress on stderr at most once a second, so large exports show they are alive. */
function progressPrinter(): (rows: number) => void {
  let shown = 0;
  return (rows) => {
    const now = Date.now();
    if (now - shown < 1000) return;
    shown = now;
    process.stderr.write(`… ${rows.toLocaleString('vi-VN')} dòng / rows\n`);
  };
}

/** Writes beside the target and renames when complete: a failed export leaves no half file. */
async function writeFile(file: ExportFile, out: string): Promise<void> {
  const partial = `${out}.part`;
  const started = performance.now();
  try {
    const rows = await file.write(fs.createWriteStream(partial), progressPrinter());
    fs.renameSync(partial, out);
    const seconds = (performance.now() - started) / 1000;
    process.stdout.write(`Đã xuất / exported: ${out} (${rows} dòng / rows, ${seconds.toFixed(1)} s)\n`);
  } catch (err) {
    fs.rmSync(partial, { force: true });
    throw err;
  }
}

async function exportTo(
  options: { data?: string; out: string },
  prepare: (database: Database) => Promise<ExportFile>,
): Promise<void> {
  await withDatabase(options, async (database) => writeFile(await prepare(database), options.out));
}

export function registerExportCommands(program: Command): void {
  const cmd = program.command('export').description('xuất tệp Excel, CSV, Word / export files');

  addDatabaseOption(
    cmd
      .command('members')
      .description('danh sách đảng viên (.xlsx, .csv) / the member list')
      .option('--org <code>', 'the subtree of this unit (default: every unit)')
      .option('--as-of <date>', 'members of the cells on this date (default: today)')
      .requiredOption('--format <xlsx|csv>', 'file format')
      .requiredOption('--out <file>', 'the file to write'),
  ).action(async (o: { data?: string; org?: string; asOf?: string; format: string; out: string }) => {
    // a bad flag is refused before the database is opened (seconds on a large embedded one)
    const query: MemberExportQuery = parseInput(memberExportQuerySchema, {
      org: o.org,
      asOf: o.asOf,
      format: o.format,
    });
    await exportTo(o, (database) => exportMembers(database, cliActor(), query));
  });

  addDatabaseOption(
    cmd
      .command('report')
      .description('báo cáo số lượng, chất lượng đảng viên theo đơn vị trực thuộc (.xlsx, .docx)')
      .requiredOption('--org <code>', 'the unit whose direct subordinate units are the rows')
      .option('--as-of <date>', 'on this date (default: today)')
      .requiredOption('--format <xlsx|docx>', 'file format')
      .requiredOption('--out <file>', 'the file to write'),
  ).action(async (o: { data?: string; org: string; asOf?: string; format: string; out: string }) => {
    const query: ReportQuery = parseInput(reportQuerySchema, { org: o.org, asOf: o.asOf, format: o.format });
    await exportTo(o, (database) => exportReport(database, cliActor(), query));
  });

  addDatabaseOption(
    cmd
      .command('profile')
      .description('phiếu đảng viên (.docx) / a member profile')
      .argument('<id>')
      .requiredOption('--out <file>', 'the file to write'),
  ).action(async (id: string, o: { data?: string; out: string }) => {
    await exportTo(o, (database) => exportMemberProfile(database, cliActor(), Number.parseInt(id, 10)));
  });
}
