/** The `tochuc` program: each module adds its commands. */
import { Command, CommanderError } from 'commander';
import { AppError } from '../core/errors.ts';
import { registerAdmissionCommands } from '../modules/admissions/admissions.cli.ts';
import { registerAuditCommands } from '../modules/audit/audit.cli.ts';
import { registerUserCommands } from '../modules/auth/auth.cli.ts';
import { registerBackupCommands } from '../modules/backup/backup.cli.ts';
import { registerDocumentCommands } from '../modules/documents/documents.cli.ts';
import { registerExportCommands } from '../modules/exports/exports.cli.ts';
import { registerFeeCommands } from '../modules/fees/fees.cli.ts';
import { registerImportCommands } from '../modules/imports/imports.cli.ts';
import { registerMemberCommands } from '../modules/members/members.cli.ts';
import { registerOrgCommands } from '../modules/orgs/orgs.cli.ts';
import { registerQualityCommands } from '../modules/quality/quality.cli.ts';
import { registerRatingCommands } from '../modules/ratings/ratings.cli.ts';
import { registerSeedCommands } from '../modules/seed/seed.cli.ts';
import { registerServerCommands } from '../server/server.cli.ts';
import { actAs } from './context.ts';

export function buildProgram(): Command {
  const program = new Command('tochuc')
    .description('tochuc — tổ chức đảng, đảng viên, văn bản / Party organizations, members, documents')
    .option('--as <user>', "thực hiện với quyền của tài khoản này / act with this account's grants")
    .showHelpAfterError()
    .exitOverride();
  program.hook('preAction', (command) => actAs(command.opts<{ as?: string }>().as));
  registerUserCommands(program);
  registerServerCommands(program);
  registerSeedCommands(program);
  registerOrgCommands(program);
  registerMemberCommands(program);
  registerAdmissionCommands(program);
  registerFeeCommands(program);
  registerRatingCommands(program);
  registerQualityCommands(program);
  registerAuditCommands(program);
  registerBackupCommands(program);
  registerExportCommands(program);
  registerImportCommands(program);
  registerDocumentCommands(program);
  return program;
}

/** Prints an error in Vietnamese and English and returns the exit code. */
export function reportCliError(err: unknown): number {
  if (err instanceof AppError) {
    const field = err.field ? ` [${err.field}]` : '';
    process.stderr.write(`Lỗi${field}: ${err.messages.vi}\nError${field}: ${err.messages.en}\n`);
    return err.kind === 'validation' || err.kind === 'not_found' || err.kind === 'conflict' ? 1 : 2;
  }
  if (err instanceof CommanderError) return err.exitCode;
  process.stderr.write(
    `Lỗi hệ thống / Internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  return 2;
}
