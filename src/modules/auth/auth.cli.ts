/** `tochuc user add|grant|revoke|list|disable|reset-password`: the same service as the HTTP API. */
import type { Command } from 'commander';
import { addDatabaseOption, cliActor, printJson, withDatabase } from '../../cli/context.ts';
import { ROLES, type Role } from '../../core/access.ts';
import { validationError } from '../../core/errors.ts';
import type { UserSummary } from './auth.schemas.ts';
import * as auth from './auth.service.ts';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  // one trailing newline is the shell's (`echo`), not part of the password
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

function parseRole(value: string): Role {
  if ((ROLES as readonly string[]).includes(value)) return value as Role;
  throw validationError(
    'user.role_invalid',
    {
      vi: `Vai trò phải là một trong: ${ROLES.join(', ')}`,
      en: `The role must be one of: ${ROLES.join(', ')}`,
    },
    'role',
  );
}

const grantsText = (u: UserSummary) => u.grants.map((g) => `${g.role}@${g.org ?? '*'}`).join(' ') || '-';

function printUser(u: UserSummary): void {
  process.stdout.write(`${u.username}${u.disabled ? ' (disabled)' : ''}: ${grantsText(u)}\n`);
}

export function registerUserCommands(program: Command): void {
  const cmd = program.command('user').description('tài khoản người dùng / user accounts');

  addDatabaseOption(
    cmd
      .command('add <username>')
      .description('tạo tài khoản, mật khẩu đọc từ stdin / create an account, password read from stdin')
      .requiredOption('--password-stdin', 'read the password from standard input')
      .option('--admin', 'quản trị toàn hệ thống / administrator of the whole registry'),
  ).action(async (username: string, o: { admin?: boolean; data?: string }) => {
    const password = await readStdin();
    printUser(
      await withDatabase(o, (db) => auth.addUser(db, cliActor(), { username, password, admin: o.admin })),
    );
  });

  for (const [name, description] of [
    ['grant', 'cấp quyền trên một đơn vị và cấp dưới / grant a role over a unit and its subtree'],
    ['revoke', 'thu hồi quyền / revoke a grant'],
  ] as const) {
    addDatabaseOption(
      cmd
        .command(`${name} <username>`)
        .description(description)
        .requiredOption('--role <role>', ROLES.join('|'))
        .requiredOption('--org <code>', 'unit code'),
    ).action(async (username: string, o: { role: string; org: string; data?: string }) => {
      const input = { username, role: parseRole(o.role), org: o.org };
      const use = name === 'grant' ? auth.grantRole : auth.revokeRole;
      printUser(await withDatabase(o, (db) => use(db, cliActor(), input)));
    });
  }

  addDatabaseOption(
    cmd.command('list').description('danh sách tài khoản / list accounts').option('--json', 'print JSON'),
  ).action(async (o: { json?: boolean; data?: string }) => {
    const users = await withDatabase(o, (db) => auth.listUsers(db, cliActor()));
    if (o.json) printJson(users);
    else for (const u of users) printUser(u);
  });

  addDatabaseOption(
    cmd.command('disable <username>').description('khoá tài khoản / disable an account'),
  ).action(async (username: string, o: { data?: string }) => {
    printUser(await withDatabase(o, (db) => auth.disableUser(db, cliActor(), username)));
  });

  addDatabaseOption(
    cmd
      .command('reset-password <username>')
      .description('đặt mật khẩu tạm thời / set a temporary password (printed once)'),
  ).action(async (username: string, o: { data?: string }) => {
    const result = await withDatabase(o, (db) => auth.resetPassword(db, cliActor(), username));
    process.stdout.write(`${result.username}: ${result.temporaryPassword}\n`);
  });
}
