/** `tochuc docs …`: the document register, the same service as the HTTP API. */
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import {
  addDatabaseOption,
  cliActor,
  type DatabaseOptions,
  printJson,
  withDatabase,
} from '../../cli/context.ts';
import { formatDateVn } from '../../core/dates.ts';
import { romanTerm } from '../../core/doc-numbers.ts';
import type { DocRelationKind, DocStatus } from '../../core/doc-status.ts';
import type { DocumentDetail, SearchResult, Warning } from './documents.schemas.ts';
import * as docs from './documents.service.ts';

interface JsonOption extends DatabaseOptions {
  json?: boolean;
}

const out = (lines: string[]) => process.stdout.write(`${lines.join('\n')}\n`);

function printDocument(d: DocumentDetail): void {
  out([
    `${d.number}  ${d.title}`,
    `  ${d.kind} · ${d.issuer.name} · nhiệm kỳ / term ${romanTerm(d.term)} · ký / signed ${formatDateVn(d.signedDate)} · ${d.status}`,
    ...d.relations.map((r) => `  ${r.direction === 'outgoing' ? '→' : '←'} ${r.kind} ${r.document.number}`),
    ...(d.chain.length > 0
      ? [`  chuỗi / chain: ${d.chain.map((g) => g.map((l) => l.number).join(' + ')).join(' → ')}`]
      : []),
    `  ${d.provisions.length} điều khoản / provisions`,
  ]);
}

function printWarnings(warnings: Warning[]): void {
  for (const w of warnings) process.stderr.write(`Cảnh báo: ${w.vi}\nWarning: ${w.en}\n`);
}

/** The search contract of the issue: these six keys, nothing more. */
function searchJson(results: SearchResult[]) {
  return {
    results: results.map((r) => ({
      number: r.number,
      title: r.title,
      type: r.type,
      status: r.status,
      signedDate: r.signedDate,
      provision: r.provision,
    })),
  };
}

export function registerDocumentCommands(program: Command): void {
  const cmd = program.command('docs').description('sổ văn bản của Đảng / the Party document register');

  addDatabaseOption(
    cmd
      .command('search')
      .description(
        'tìm văn bản (không cần dấu, theo số) / search documents (with or without diacritics, by number)',
      )
      .argument('<query>')
      .option('--type <T>', 'NQ, QĐ, CT, KL, HD, KH …')
      .option('--status <S>', 'in_force|partly_amended|replaced|expired|repealed')
      .option(
        '--field <F>',
        'party_building|grassroots_members|apparatus_staffing|cadres|political_protection|congress_charter',
      )
      .option('--issuer <I>', 'TW, BTCTW, TU … or a unit code')
      .option('--limit <N>', 'at most N results', '20')
      .option('--json', 'print JSON'),
  ).action(
    async (
      query: string,
      o: JsonOption & { type?: string; status?: string; field?: string; issuer?: string; limit: string },
    ) => {
      const results = await withDatabase(o, (db) =>
        docs.searchDocuments(db, cliActor(), {
          q: query,
          type: o.type,
          status: o.status as DocStatus | undefined,
          field: o.field as never,
          issuer: o.issuer,
          limit: Number(o.limit),
        }),
      );
      if (o.json) printJson(searchJson(results));
      else
        out(
          results.map(
            (r) =>
              `${r.number.padEnd(16)} ${r.status.padEnd(15)} ${formatDateVn(r.signedDate)}  ${r.title}${r.provision ? `  [${r.provision}]` : ''}`,
          ),
        );
    },
  );

  addDatabaseOption(
    cmd
      .command('show')
      .description('một văn bản với quan hệ và điều khoản / one document with relations and provisions')
      .argument('<number>')
      .option('--json', 'print JSON'),
  ).action(async (number: string, o: JsonOption) => {
    const doc = await withDatabase(o, (db) => docs.getDocumentByNumber(db, cliActor(), number));
    if (o.json) printJson(doc);
    else printDocument(doc);
  });

  addDatabaseOption(
    cmd
      .command('import')
      .description('nhập văn bản từ .docx hoặc .txt / import a document from a .docx or .txt file')
      .argument('<file>')
      .option('--number <N>', 'e.g. 26-NQ/TW (default: read from the header)')
      .option('--type <T>', 'NQ, QĐ, CT, KL, HD, KH …')
      .option('--issuer <I>', 'TW, BTCTW, TU … or a unit code')
      .option('--signed <YYYY-MM-DD>')
      .option('--effective <YYYY-MM-DD>')
      .option('--title <T>')
      .option('--field <F>', 'one or more fields, comma-separated')
      .option('--json', 'print JSON'),
  ).action(async (file: string, o: JsonOption & docs.ImportOptions) => {
    const data = new Uint8Array(fs.readFileSync(file));
    const doc = await withDatabase(o, (db) =>
      docs.importDocument(db, cliActor(), { name: path.basename(file), data }, o),
    );
    if (o.json) printJson(doc);
    else printDocument(doc);
  });

  addDatabaseOption(
    cmd
      .command('relate')
      .description('NUMBER replaces|amends|repeals|implements|guides|cites OTHER_NUMBER')
      .argument('<number>')
      .argument('<kind>', 'replaces|amends|repeals|implements|guides|cites')
      .argument('<other>')
      .option('--date <YYYY-MM-DD>', 'when it takes effect (default: the effective date of NUMBER)')
      .option('--provisions <ids>', 'amended provisions of OTHER, comma-separated (art_5__cl_2 …)')
      .option('--json', 'print JSON'),
  ).action(
    async (
      number: string,
      kind: string,
      other: string,
      o: JsonOption & { date?: string; provisions?: string },
    ) => {
      const result = await withDatabase(o, (db) =>
        docs.relateDocuments(db, cliActor(), number, {
          kind: kind as DocRelationKind,
          target: other,
          date: o.date,
          provisions: o.provisions ? o.provisions.split(',').map((p) => p.trim()) : [],
        }),
      );
      printWarnings(result.warnings);
      if (o.json) printJson(result);
      else printDocument(result.document);
    },
  );

  addDatabaseOption(
    cmd
      .command('review-due')
      .description('văn bản cần rà soát / documents due for review')
      .option('--years <N>', 'in force without review for more than N years', '5')
      .option('--json', 'print JSON'),
  ).action(async (o: JsonOption & { years: string }) => {
    const due = await withDatabase(o, (db) => docs.reviewDue(db, cliActor(), { years: Number(o.years) }));
    if (o.json) printJson(due);
    else out(due.results.map((d) => `${d.number.padEnd(16)} ${formatDateVn(d.lastReviewDate)}  ${d.title}`));
  });

  addDatabaseOption(
    cmd
      .command('stats')
      .description('thống kê văn bản / documents by field, type, issuer, term and status')
      .option('--json', 'print JSON'),
  ).action(async (o: JsonOption) => {
    const stats = await withDatabase(o, (db) => docs.documentStats(db, cliActor()));
    if (o.json) printJson(stats);
    else
      out([
        `${stats.total} văn bản / documents`,
        ...(['byField', 'byType', 'byIssuer', 'byTerm', 'byStatus'] as const).flatMap((k) => [
          `${k}:`,
          ...stats[k].map((r) => `  ${String(r.n).padStart(7)}  ${r.key}`),
        ]),
      ]);
  });

  addDatabaseOption(
    cmd
      .command('hotspots')
      .description('điều khoản được hỏi nhiều nhất / provisions most asked about')
      .option('--from <YYYY-MM-DD>')
      .option('--to <YYYY-MM-DD>')
      .option('--json', 'print JSON'),
  ).action(async (o: JsonOption & { from?: string; to?: string }) => {
    const hot = await withDatabase(o, (db) =>
      docs.questionHotspots(db, cliActor(), { from: o.from, to: o.to }),
    );
    if (o.json) printJson({ results: hot });
    else out(hot.map((h) => `${String(h.questions).padStart(5)}  ${h.number}  ${h.citation ?? ''}`));
  });
}
