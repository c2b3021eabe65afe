/** `tochuc serve` and `tochuc migrate`. */
import type { Command } from 'commander';
import { addDatabaseOption, databaseLocation, printJson } from '../cli/context.ts';
import { openDatabase } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { startServer } from './main.ts';

export function registerServerCommands(program: Command): void {
  addDatabaseOption(
    program
      .command('serve')
      .description('chạy máy chủ web / run the web server')
      .option('--port <n>', 'port', process.env.PORT ?? '8080')
      .option('--host <addr>', 'address to listen on', process.env.HOST ?? '127.0.0.1')
      .option('--no-demo', 'do not seed demo data into an empty database'),
  ).action(async (opts: { port: string; host: string; demo: boolean; data?: string }) => {
    const location = databaseLocation(opts);
    await startServer({ port: Number(opts.port), host: opts.host, demo: opts.demo, ...location });
  });

  addDatabaseOption(
    program
      .command('migrate')
      .description('áp dụng các bản cập nhật cấu trúc CSDL / apply database migrations')
      .option('--json', 'print JSON'),
  ).action(async (opts: { json?: boolean; data?: string }) => {
    const database = await openDatabase(databaseLocation(opts));
    try {
      const applied = await migrate(database);
      if (opts.json) printJson({ applied });
      else
        process.stdout.write(
          applied.length ? `Đã áp dụng / applied: ${applied.join(', ')}\n` : 'Không có gì mới / up to date\n',
        );
    } finally {
      await database.close();
    }
  });
}
