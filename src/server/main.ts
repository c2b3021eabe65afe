/**
 * Starts the server: opens (and locks) the database, migrates it, seeds the demo tree on first
 * start, serves HTTP, and on SIGINT/SIGTERM stops accepting requests, checkpoints and closes.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { openDatabase } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { systemActor } from '../db/transaction.ts';
import { bootstrapAdmin } from '../modules/auth/auth.service.ts';
import { seedDocuments } from '../modules/documents/documents.seed.ts';
import { isTreeEmpty } from '../modules/orgs/orgs.service.ts';
import { seedOrgTree } from '../modules/seed/seed.service.ts';
import { createApp } from './app.ts';
import { createLogger } from './logger.ts';

export interface ServeOptions {
  port: number;
  host: string;
  url?: string;
  dataDir: string;
  demo: boolean;
}

const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

export async function startServer(options: ServeOptions): Promise<{ stop: () => Promise<void> }> {
  const logger = createLogger();
  const database = await openDatabase({ url: options.url, dataDir: options.dataDir });
  const applied = await migrate(database);
  if (applied.length > 0) logger.log('info', 'migrated', { applied });
  if (options.demo && (await isTreeEmpty(database, systemActor()))) {
    logger.log('info', 'seeding demo data (first start)');
    const result = await seedOrgTree(database, systemActor(), { scale: 'demo' });
    logger.log('info', 'seeded demo data', { units: result.units });
    const register = await seedDocuments(database, systemActor(), { scale: 'demo' });
    logger.log('info', 'seeded demo documents', { ...register });
  }
  const oneTimePassword = await bootstrapAdmin(database, systemActor());
  const app = createApp({ database, logger, webDist: WEB_DIST });
  const server = serve({ fetch: app.fetch, port: options.port, hostname: options.host });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const where = options.url ? 'PostgreSQL server' : path.resolve(options.dataDir);
  logger.log('info', 'listening', {
    url: `http://${options.host === '0.0.0.0' ? 'localhost' : options.host}:${options.port}`,
    database: where,
  });
  if (oneTimePassword) {
    // Printed once, never logged: the only copy is this terminal.
    process.stdout.write(
      `tochuc: tài khoản quản trị / administrator account: admin\n` +
        `tochuc: mật khẩu dùng một lần / one-time password: ${oneTimePassword}\n` +
        `tochuc: đổi mật khẩu và đăng ký xác thực hai lớp khi đăng nhập lần đầu / change it and set up two-factor authentication at first sign-in\n`,
    );
  }
  process.stdout.write(`tochuc: http://localhost:${options.port} (${where})\n`);

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await database.close();
      logger.log('info', 'stopped cleanly');
    })();
    return stopping;
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void stop().then(() => process.exit(0));
    });
  }
  return { stop };
}
