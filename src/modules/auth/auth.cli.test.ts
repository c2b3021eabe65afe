/** `tochuc user …` as administrators run it, and `--as USER` acting within that user's grants. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../cli/cli-runner.ts';

// each command is a process that opens the embedded database: slow on a busy machine
const CLI_TIMEOUT = 600_000;
let dir: string;
const data = () => ['--data', dir];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tochuc-user-cli-'));
  for (const unit of [
    ['--code', 'TW', '--name', 'Trung ương', '--kind', 'central'],
    ['--code', 'HN', '--name', 'Đảng bộ thành phố Hà Nội', '--kind', 'province', '--parent', 'TW'],
    ['--code', 'HP', '--name', 'Đảng bộ thành phố Hải Phòng', '--kind', 'province', '--parent', 'TW'],
  ])
    expect((await runCli(['org', 'create', ...unit, '--date', '2020-01-01', ...data()])).code).toBe(0);
}, CLI_TIMEOUT);

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('tochuc user', () => {
  it(
    'adds accounts from stdin, grants and revokes roles, lists them as JSON, disables one',
    async () => {
      const admin = await runCli(
        ['user', 'add', 'quantri', '--password-stdin', '--admin', ...data()],
        undefined,
        'mật khẩu rất dài 123\n',
      );
      expect(admin.stderr).toBe('');
      expect(admin.code).toBe(0);
      expect(
        (
          await runCli(
            ['user', 'add', 'canbo', '--password-stdin', ...data()],
            undefined,
            'another long secret\n',
          )
        ).code,
      ).toBe(0);
      expect(
        (await runCli(['user', 'grant', 'canbo', '--role', 'org_officer', '--org', 'HN', ...data()])).code,
      ).toBe(0);
      expect(
        (await runCli(['user', 'grant', 'canbo', '--role', 'viewer', '--org', 'HP', ...data()])).code,
      ).toBe(0);
      expect(
        (await runCli(['user', 'revoke', 'canbo', '--role', 'viewer', '--org', 'HP', ...data()])).code,
      ).toBe(0);
      const weak = await runCli(['user', 'add', 'yeu', '--password-stdin', ...data()], undefined, 'short\n');
      expect(weak.code).toBe(1);
      expect(weak.stderr).toMatch(/Lỗi \[password\]: .*12 ký tự\nError \[password\]: .*12 characters/);
      const badRole = await runCli(['user', 'grant', 'canbo', '--role', 'king', '--org', 'HN', ...data()]);
      expect(badRole.code).toBe(1);

      const list = await runCli(['user', 'list', '--json', ...data()]);
      expect(list.code).toBe(0);
      expect(JSON.parse(list.stdout)).toMatchObject([
        { username: 'canbo', disabled: false, grants: [{ role: 'org_officer', org: 'HN' }] },
        { username: 'quantri', disabled: false, grants: [{ role: 'admin', org: null }] },
      ]);
    },
    CLI_TIMEOUT,
  );

  it(
    "acts with a user's grants under --as: another province is not found",
    async () => {
      const own = await runCli(['--as', 'canbo', 'org', 'tree', '--json', ...data()]);
      expect(own.stderr).toBe('');
      expect(JSON.parse(own.stdout).root.code).toBe('HN');
      const foreign = await runCli(['--as', 'canbo', 'org', 'history', '--org', 'HP', ...data()]);
      expect(foreign.code).toBe(1);
      expect(foreign.stderr).toMatch(/HP/);
      expect((await runCli(['user', 'disable', 'canbo', ...data()])).code).toBe(0);
      const disabled = await runCli(['--as', 'canbo', 'org', 'tree', '--json', ...data()]);
      expect(disabled.code).toBe(1);
    },
    CLI_TIMEOUT,
  );
});
