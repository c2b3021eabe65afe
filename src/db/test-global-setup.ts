/** Vitest global setup: migrate one template database that every test file clones. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from './database.ts';
import { migrate } from './migrate.ts';
import { adminQuery, SERVER_TEMPLATE_DB, TEMPLATE_TARBALL } from './test-database.ts';

export async function setup(): Promise<void> {
  const base = process.env.TEST_DATABASE_URL;
  if (base) {
    await adminQuery(base, `DROP DATABASE IF EXISTS ${SERVER_TEMPLATE_DB}`);
    await adminQuery(base, `CREATE DATABASE ${SERVER_TEMPLATE_DB}`);
    const url = new URL(base);
    url.pathname = `/${SERVER_TEMPLATE_DB}`;
    const database = await openDatabase({ url: url.toString() });
    await migrate(database);
    await database.close();
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tochuc-template-'));
  const database = await openDatabase({ dataDir: dir });
  await migrate(database);
  const tarball = await database.dumpDataDir?.();
  await database.close();
  if (!tarball) throw new Error('the embedded database cannot dump its folder');
  fs.mkdirSync(path.dirname(TEMPLATE_TARBALL), { recursive: true });
  fs.writeFileSync(TEMPLATE_TARBALL, Buffer.from(await tarball.arrayBuffer()));
  fs.rmSync(dir, { recursive: true, force: true });
}
