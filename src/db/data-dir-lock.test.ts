/**
 * The embedded database folder is owned by one process: a second one is refused with a clear
 * message, a clean stop releases it, and a process killed hard leaves a folder that still opens
 * with every acknowledged write in it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, startServe } from '../cli/cli-runner.ts';
import { CSRF_HEADER } from '../server/session.ts';

let dir: string;
const port = 19_000 + Math.floor(Math.random() * 1000);
const WRITER_PASSWORD = 'correct horse battery staple';

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tochuc-lock-'));
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const waitExit = (child: import('node:child_process').ChildProcess) =>
  new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );

describe('embedded data folder', () => {
  it('refuses a second process, and is released by a clean stop', async () => {
    const server = await startServe(['--port', String(port), '--data', dir, '--no-demo']);
    const second = await runCli(['org', 'tree', '--json', '--data', dir]);
    expect(second.code).not.toBe(0);
    expect(second.stderr).toContain('đang được tiến trình');
    expect(second.stderr).toContain('is in use by process');
    const exited = waitExit(server);
    server.kill('SIGTERM');
    expect((await exited).code).toBe(0);
    expect(fs.existsSync(path.join(dir, 'tochuc.lock'))).toBe(false);
  });

  it('opens again after the writing process is killed hard, keeping acknowledged writes', async () => {
    // the writer is an officer of the root, set up from the command line as the system
    const cli = (args: string[], input?: string) => runCli([...args, '--data', dir], undefined, input);
    expect(
      (
        await cli([
          'org',
          'create',
          '--code',
          'TW',
          '--name',
          'Trung ương',
          '--kind',
          'central',
          '--date',
          '2020-01-01',
        ])
      ).code,
    ).toBe(0);
    expect((await cli(['user', 'add', 'writer', '--password-stdin'], `${WRITER_PASSWORD}\n`)).code).toBe(0);
    expect((await cli(['user', 'grant', 'writer', '--role', 'org_officer', '--org', 'TW'])).code).toBe(0);
    const server = await startServe(['--port', String(port + 1), '--data', dir, '--no-demo']);
    const api = `http://127.0.0.1:${port + 1}/api/v1`;
    const login = await fetch(`${api}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'writer', password: WRITER_PASSWORD }),
    });
    expect(login.status).toBe(200);
    const session = {
      cookie: (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '',
      csrf: ((await login.json()) as { csrfToken: string }).csrfToken,
    };
    const create = (body: object) =>
      fetch(`${api}/orgs`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: session.cookie, [CSRF_HEADER]: session.csrf },
        body: JSON.stringify(body),
      });
    expect(
      (
        await create({
          code: 'P',
          name: 'Đảng bộ tỉnh',
          kind: 'province',
          parentCode: 'TW',
          date: '2020-01-01',
        })
      ).status,
    ).toBe(201);
    const acknowledged: string[] = [];
    let stop = false;
    const writer = (async () => {
      for (let i = 0; !stop; i++) {
        const code = `G${i}`;
        const res = await create({
          code,
          name: `Chi bộ cơ sở ${i}`,
          kind: 'grassroots_cell',
          parentCode: 'P',
          date: '2020-01-01',
        }).catch(() => undefined);
        if (res?.status === 201) acknowledged.push(code);
        if (!res) return;
      }
    })();
    // kill it while it writes, once some writes have been acknowledged (however loaded the machine)
    for (let waited = 0; acknowledged.length < 10 && waited < 60_000; waited += 100) {
      await new Promise((r) => setTimeout(r, 100));
    }
    const exited = waitExit(server);
    server.kill('SIGKILL');
    expect((await exited).signal).toBe('SIGKILL');
    stop = true;
    await writer;
    expect(acknowledged.length).toBeGreaterThan(5);
    const res = await runCli(['org', 'tree', '--org', 'P', '--json', '--data', dir]);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    const codes = JSON.parse(res.stdout).root.children.map((c: { code: string }) => c.code);
    for (const code of acknowledged) expect(codes).toContain(code);
  });
});
