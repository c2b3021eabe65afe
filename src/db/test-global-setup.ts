/** Vitest global setup: migrate one template database that every test file clones. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from './database.ts';
import { migrate } from './migrate.ts';
import { adminQuery } from './test-database.ts';

export async function setup(project: TestProject): Promise<() => Promise<void>> {
  const base = process.env.TEST_DATABASE_URL;
  const runId = `${process.pid}_${Date.now().toString(36)}`;
  if (base) {
    const name = `tochuc_template_${runId}`;
    await adminQuery(base, `CREATE DATABASE ${name}`);
    const url = new URL(base);
    url.pathname = `/${name}`;
    const database = await openDatabase({ url: url.toString() });
    await migrate(database);
    await database.close();
    project.provide('testTemplate', { serverDatabase: name });
    return () => adminQuery(base, `DROP DATABASE IF EXISTS ${name}`);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tochuc-template-'));
  const database = await openDatabase({ dataDir: path.join(dir, 'data') });
  await migrate(database);
  const tarball = await database.dumpDataDir?.();
  await database.close();
  if (!tarball) throw new Error('the embedded database cannot dump its folder');
  const file = path.join(dir, 'template.tar.gz');
  fs.writeFileSync(file, Buffer.from(await tarball.arrayBuffer()));
  fs.rmSync(path.join(dir, 'data'), { recursive: true, force: true });
  project.provide('testTemplate', { tarball: file });
  return async () => fs.rmSync(dir, { recursive: true, force: true });
}
