/** `tochuc seed`: fills an empty database with a synthetic organization tree. */
import type { Command } from 'commander';
import {
  addDatabaseOption,
  cliActor,
  type DatabaseOptions,
  printJson,
  withDatabase,
} from '../../cli/context.ts';
import { ORG_KIND_LABELS, ORG_KINDS } from '../../core/org-kinds.ts';
import { type DocumentSeedResult, seedDocuments } from '../documents/documents.seed.ts';
import { seedErrors } from './seed.errors.ts';
import {
  DEFAULT_SEED,
  DEFAULT_SEED_DATE,
  isSeedScale,
  type SeedResult,
  seedOrgTree,
  seedPlan,
} from './seed.service.ts';

interface SeedCommandOptions extends DatabaseOptions {
  scale: string;
  seed: string;
  date: string;
  membersAsOf?: string;
  members: boolean;
  documents: boolean;
  json?: boolean;
}

function parseSeed(text: string): number {
  // Number('') is 0 and Number('1e3') is 1000: accept plain digits only
  if (!/^\d+$/.test(text.trim())) throw seedErrors.invalidSeed(text);
  return Number(text.trim());
}

function printSummary(result: SeedResult & { documents?: DocumentSeedResult }): void {
  const lines = [
    `Đã tạo ${result.units.toLocaleString('vi-VN')} tổ chức trong ${result.seconds} giây / Created ${result.units.toLocaleString('en-US')} organizations in ${result.seconds} s`,
    `  quy mô / scale: ${result.scale}, seed: ${result.seed}, ngày / date: ${result.date}, thao tác / operation #${result.operationId}`,
    ...ORG_KINDS.map(
      (kind) =>
        `  ${String(result.byKind[kind]).padStart(8)}  ${ORG_KIND_LABELS[kind].vi} / ${ORG_KIND_LABELS[kind].en}`,
    ),
    ...(result.documents
      ? [
          `  ${String(result.documents.real + result.documents.synthetic).padStart(8)}  văn bản trong sổ / documents in the register`,
        ]
      : []),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

export function registerSeedCommands(program: Command): void {
  addDatabaseOption(
    program
      .command('seed')
      .description(
        'tạo cây tổ chức mẫu vào cơ sở dữ liệu trống / seed an empty database with a synthetic organization tree',
      )
      .option('--scale <scale>', 'demo | province | national', 'demo')
      .option('--seed <n>', 'random seed: the same seed gives the same tree', String(DEFAULT_SEED))
      .option('--date <date>', 'creation date of the tree (YYYY-MM-DD or dd/mm/yyyy)', DEFAULT_SEED_DATE)
      .option('--members-as-of <date>', 'reference date of the members (probation, leavers); default today')
      .option('--no-members', 'seed the organization tree only')
      .option(
        '--no-documents',
        'leave the document register empty (else a sample register at the same scale)',
      )
      .option('--json', 'print the result as one JSON document'),
  ).action(async (options: SeedCommandOptions) => {
    // validated before the database is opened, so a typo costs nothing
    const scale = options.scale;
    if (!isSeedScale(scale)) throw seedErrors.invalidScale(scale);
    const plan = seedPlan({ scale, seed: parseSeed(options.seed), date: options.date });
    const started = performance.now();
    const result = await withDatabase(options, async (database) => {
      const tree = await seedOrgTree(database, cliActor(), {
        ...plan,
        // progress goes to stderr: with --json, stdout carries exactly one JSON document
        members: options.members,
        ...(options.membersAsOf ? { membersAsOf: options.membersAsOf } : {}),
        onMemberProgress: (done) => {
          const seconds = ((performance.now() - started) / 1000).toFixed(1);
          process.stderr.write(`seed: ${done.toLocaleString('en-US')} members (${seconds} s)\n`);
        },
        onProgress: (done) => {
          const seconds = ((performance.now() - started) / 1000).toFixed(1);
          process.stderr.write(`seed: ${done.toLocaleString('en-US')} rows (${seconds} s)\n`);
        },
      });
      if (!options.documents) return tree;
      process.stderr.write('seed: documents …\n');
      return { ...tree, documents: await seedDocuments(database, cliActor(), { scale }) };
    });
    if (options.json) {
      printJson(result);
    } else {
      printSummary(result);
    }
  });
}
