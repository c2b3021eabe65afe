/** `tochuc audit list|verify`: the same service as the HTTP API. */
import type { Command } from 'commander';
import { addDatabaseOption, cliActor, printJson, withDatabase } from '../../cli/context.ts';
import { requireDate } from '../../core/dates.ts';
import type { AuditEntry } from './audit.schemas.ts';
import * as audit from './audit.service.ts';

function line(e: AuditEntry): string {
  const ids = e.ids.length > 0 ? ` ${e.entity ?? ''}#${e.ids.join(',')}` : '';
  const details = e.details ? ` ${JSON.stringify(e.details)}` : '';
  return `${e.id}  ${e.at}  ${e.actor}${e.ip ? `@${e.ip}` : ''}  ${e.action}${ids}${details}`;
}

interface ListOptions {
  actor?: string;
  action?: string;
  entity?: string;
  id?: string;
  from?: string;
  to?: string;
  before?: string;
  limit?: string;
  json?: boolean;
  data?: string;
}

export function registerAuditCommands(program: Command): void {
  const cmd = program.command('audit').description('nhật ký kiểm toán / audit log');
  addDatabaseOption(
    cmd
      .command('list')
      .description('xem nhật ký, mới nhất trước / browse the log, newest first')
      .option('--actor <who>', 'user:lan, or lan')
      .option('--action <action>', 'member.profile_read, or a prefix: member')
      .option('--entity <entity>', 'member, org_unit …')
      .option('--id <id>', 'with --entity: entries naming this record')
      .option('--from <date>', 'dd/mm/yyyy')
      .option('--to <date>', 'dd/mm/yyyy')
      .option('--before <id>', 'entries older than this id (next page)')
      .option('--limit <n>', '1–500, default 50')
      .option('--json', 'print JSON'),
  ).action(async (o: ListOptions) => {
    const page = await withDatabase(o, (db) =>
      audit.listAudit(db, cliActor(), {
        actor: o.actor,
        action: o.action,
        entity: o.entity,
        recordId: o.id,
        from: o.from ? requireDate(o.from, 'from') : undefined,
        to: o.to ? requireDate(o.to, 'to') : undefined,
        before: o.before ? Number(o.before) : undefined,
        limit: o.limit ? Number(o.limit) : undefined,
      }),
    );
    if (o.json) {
      printJson(page);
      return;
    }
    const more = page.next ? `\n… --before ${page.next}\n` : '\n';
    process.stdout.write(`${page.entries.map(line).join('\n')}${more}`);
  });
  addDatabaseOption(
    cmd
      .command('verify')
      .description('kiểm tra chuỗi băm / check the hash chain (exit 1 when broken)')
      .option('--json', 'print JSON'),
  ).action(async (o: { json?: boolean; data?: string }) => {
    const result = await withDatabase(o, (db) => audit.verifyAudit(db, cliActor()));
    if (o.json) printJson(result);
    else if (result.broken) {
      const { id, reason } = result.broken;
      process.stdout.write(
        reason === 'hash'
          ? `Chuỗi bị phá tại mục ${id}: nội dung đã bị sửa (${result.checked} mục trước đó nguyên vẹn)\nChain broken at entry ${id}: its content was altered (${result.checked} entries before it intact)\n`
          : `Chuỗi bị phá tại mục ${id}: mục trước nó bị xóa hoặc đổi chỗ (${result.checked} mục trước đó nguyên vẹn)\nChain broken at entry ${id}: an entry before it was removed or moved (${result.checked} entries before it intact)\n`,
      );
    } else {
      process.stdout.write(
        `Nguyên vẹn: ${result.checked} mục, băm cuối ${result.lastHash}\nIntact: ${result.checked} entries, last hash ${result.lastHash}\n`,
      );
    }
    if (result.broken) process.exitCode = 1;
  });
}
