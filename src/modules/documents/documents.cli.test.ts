/** `tochuc docs …` as users run it: a real process on an embedded database folder. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../cli/cli-runner.ts';
import { aDocx, aResolutionFile } from './documents.fixtures.ts';

let dir: string;
const data = () => ['--data', path.join(dir, 'data')];

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tochuc-docs-cli-'));
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const json = (stdout: string) => JSON.parse(stdout) as Record<string, unknown>;

describe('tochuc docs', () => {
  it('imports a .docx reading its header, finds it without diacritics and shows it with stable ids', async () => {
    const file = path.join(dir, 'nq-21.docx');
    fs.writeFileSync(file, await aDocx(aResolutionFile('21-NQ/TW', 'củng cố tổ chức cơ sở đảng')));
    const imported = await runCli([
      'docs',
      'import',
      file,
      '--field',
      'grassroots_members',
      '--json',
      ...data(),
    ]);
    expect(imported.stderr).toBe('');
    expect(json(imported.stdout)).toMatchObject({
      number: '21-NQ/TW',
      kind: 'resolution',
      signedDate: '2024-10-10',
      title: 'Nghị quyết về củng cố tổ chức cơ sở đảng',
    });

    const search = await runCli([
      'docs',
      'search',
      'sinh hoat chuyen de',
      '--type',
      'NQ',
      '--json',
      ...data(),
    ]);
    expect(search.code).toBe(0);
    expect(json(search.stdout)).toEqual({
      results: [
        {
          number: '21-NQ/TW',
          title: 'Nghị quyết về củng cố tổ chức cơ sở đảng',
          type: 'NQ',
          status: 'in_force',
          signedDate: '2024-10-10',
          provision: 'art_1__cl_2__pt_b',
        },
      ],
    });

    const show = await runCli(['docs', 'show', 'nq 21', '--json', ...data()]);
    const doc = json(show.stdout) as { provisions: { id: string }[]; relations: unknown[] };
    expect(doc.provisions.map((p) => p.id)).toEqual([
      'preamble',
      'art_1',
      'art_1__cl_1',
      'art_1__cl_2',
      'art_1__cl_2__pt_a',
      'art_1__cl_2__pt_b',
      'art_2',
    ]);
    expect(doc.relations).toEqual([]);
  });

  it('imports a .txt with what the header lacks, relates it and reports errors in both languages', async () => {
    const file = path.join(dir, 'hd.txt');
    fs.writeFileSync(file, 'Điều 1. Sinh hoạt chi bộ\nHướng dẫn sinh hoạt chi bộ theo nghị quyết.');
    const imported = await runCli([
      'docs',
      'import',
      file,
      '--number',
      '12-HD/BTCTW',
      '--signed',
      '2024-12-01',
      '--title',
      'Hướng dẫn về sinh hoạt chi bộ',
      ...data(),
    ]);
    expect(imported.stderr).toBe('');
    const relate = await runCli(['docs', 'relate', '12-HD/BTCTW', 'guides', '21/NQ-TW', '--json', ...data()]);
    expect(relate.code).toBe(0);
    const result = json(relate.stdout) as {
      document: { relations: { kind: string; document: { number: string } }[] };
    };
    expect(result.document.relations).toEqual([
      expect.objectContaining({ kind: 'guides', document: expect.objectContaining({ number: '21-NQ/TW' }) }),
    ]);
    // a commission replacing the Central Committee's resolution: recorded, with a warning
    const replace = await runCli(['docs', 'relate', '12-HD/BTCTW', 'replaces', '21-NQ/TW', ...data()]);
    expect(replace.code).toBe(0);
    expect(replace.stderr).toContain('Warning: The issuer of 12-HD/BTCTW is neither the issuer of 21-NQ/TW');
    const show = await runCli(['docs', 'show', '21-NQ/TW', '--json', ...data()]);
    expect(json(show.stdout)).toMatchObject({ status: 'replaced' });

    const missing = await runCli(['docs', 'show', '99-NQ/TW', ...data()]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('Lỗi: Không có văn bản số "99-NQ/TW" trong sổ');
    expect(missing.stderr).toContain('Error: No document numbered "99-NQ/TW" in the register');
  });
});
