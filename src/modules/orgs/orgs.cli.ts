/** `tochuc org …`: the same service as the HTTP API. */
import type { Command } from 'commander';
import { addDatabaseOption, cliActor, printJson, withDatabase } from '../../cli/context.ts';
import { formatDateVn } from '../../core/dates.ts';
import { ORG_KIND_LABELS, type OrgKind } from '../../core/org-kinds.ts';
import type { Database } from '../../db/database.ts';
import type { OperationResult, OrgKindValue, OrgNode } from './orgs.schemas.ts';
import * as orgs from './orgs.service.ts';

interface CommonOptions {
  data?: string;
  json?: boolean;
  preview?: boolean;
}

const list = (value: string) =>
  value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** `A:Name one,B:Name two` → [{ code: 'A', name: 'Name one' }, …] */
function parseParts(value: string): { code: string; name: string }[] {
  return list(value).map((part) => {
    const i = part.indexOf(':');
    return i < 0
      ? { code: part, name: '' }
      : { code: part.slice(0, i).trim(), name: part.slice(i + 1).trim() };
  });
}

/** `C1=A,C2=B` → { C1: 'A', C2: 'B' } */
function parseAssign(value: string): Record<string, string> {
  return Object.fromEntries(
    list(value).map((pair) => {
      const i = pair.indexOf('=');
      return i < 0 ? [pair, ''] : [pair.slice(0, i).trim(), pair.slice(i + 1).trim()];
    }),
  );
}

function printOperation(result: OperationResult, json: boolean | undefined): void {
  if (json) {
    printJson(result);
    return;
  }
  const head = result.applied ? 'Đã thực hiện / applied' : 'Xem trước, chưa lưu / preview, nothing stored';
  const lines = [
    `${head}: ${result.kind} ${formatDateVn(result.date)}${result.decisionRef ? ` (${result.decisionRef})` : ''}`,
  ];
  for (const u of result.created) lines.push(`  + ${u.code} ${u.name}`);
  for (const u of result.closed) lines.push(`  − ${u.code} ${u.name}`);
  for (const r of result.renamed) lines.push(`  ~ ${r.code}: ${r.from} → ${r.to}`);
  for (const m of result.movedUnits)
    lines.push(`  → ${m.code} ${m.name}: ${m.fromParentCode ?? '—'} → ${m.toParentCode ?? '—'}`);
  lines.push(`  ${result.unitsAffected} đơn vị / units affected`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

function printTree(node: OrgNode, depth = 0): string[] {
  const label = ORG_KIND_LABELS[node.kind as OrgKind]?.vi ?? node.kind;
  return [
    `${'  '.repeat(depth)}${node.code}  ${node.name}  [${label}]`,
    ...node.children.flatMap((c) => printTree(c, depth + 1)),
  ];
}

function operation<O extends CommonOptions>(
  command: Command,
  run: (database: Database, opts: O) => Promise<OperationResult>,
): Command {
  return addDatabaseOption(command)
    .option('--decision <ref>', 'decision reference, e.g. 123-QĐ/TU')
    .option('--preview', 'show the effect without storing it')
    .option('--json', 'print JSON')
    .action(async (opts: O) => {
      printOperation(await withDatabase(opts, (database) => run(database, opts)), opts.json);
    });
}

export function registerOrgCommands(program: Command): void {
  const org = program.command('org').description('tổ chức đảng / Party organizations');
  const options = (o: { preview?: boolean }) => ({ preview: o.preview });

  operation<
    CommonOptions & {
      code: string;
      name: string;
      kind: string;
      parent?: string;
      date: string;
      decision?: string;
    }
  >(
    org
      .command('create')
      .description('thành lập / create a unit')
      .requiredOption('--code <code>')
      .requiredOption('--name <name>')
      .requiredOption(
        '--kind <kind>',
        'central|province|intermediate|grassroots_committee|grassroots_cell|cell',
      )
      .option('--parent <code>')
      .requiredOption('--date <YYYY-MM-DD>'),
    (database, o) =>
      orgs.createOrg(
        database,
        cliActor(),
        {
          code: o.code,
          name: o.name,
          kind: o.kind as OrgKindValue,
          parentCode: o.parent,
          date: o.date,
          decisionRef: o.decision,
        },
        options(o),
      ),
  );

  operation<CommonOptions & { org: string; name: string; date: string; decision?: string }>(
    org
      .command('rename')
      .description('đổi tên / rename')
      .requiredOption('--org <code>')
      .requiredOption('--name <name>')
      .requiredOption('--date <YYYY-MM-DD>'),
    (database, o) =>
      orgs.renameOrg(
        database,
        cliActor(),
        { code: o.org, name: o.name, date: o.date, decisionRef: o.decision },
        options(o),
      ),
  );

  operation<CommonOptions & { org: string; to: string; date: string; decision?: string }>(
    org
      .command('move')
      .description('chuyển trực thuộc / move with the whole subtree')
      .requiredOption('--org <code>')
      .requiredOption('--to <parentCode>')
      .requiredOption('--date <YYYY-MM-DD>'),
    (database, o) =>
      orgs.moveOrg(
        database,
        cliActor(),
        { code: o.org, toParentCode: o.to, date: o.date, decisionRef: o.decision },
        options(o),
      ),
  );

  operation<
    CommonOptions & {
      from: string;
      into: string;
      date: string;
      name?: string;
      kind?: string;
      parent?: string;
      decision?: string;
    }
  >(
    org
      .command('merge')
      .description('hợp nhất / merge units into a new or existing unit')
      .requiredOption('--from <codes>', 'CODE1,CODE2,…')
      .requiredOption('--into <code>')
      .requiredOption('--date <YYYY-MM-DD>')
      .option('--name <name>', 'name of the new unit')
      .option('--kind <kind>', 'kind of the resulting unit')
      .option('--parent <code>', 'parent of a new unit (default: that of the merged units)'),
    (database, o) =>
      orgs.mergeOrgs(
        database,
        cliActor(),
        {
          fromCodes: list(o.from),
          intoCode: o.into,
          name: o.name,
          kind: o.kind as OrgKindValue | undefined,
          parentCode: o.parent,
          date: o.date,
          decisionRef: o.decision,
        },
        options(o),
      ),
  );

  operation<CommonOptions & { org: string; into: string; assign?: string; date: string; decision?: string }>(
    org
      .command('split')
      .description('chia tách / split a unit into new units')
      .requiredOption('--org <code>')
      .requiredOption('--into <parts>', 'NEWCODE1:NAME1,NEWCODE2:NAME2')
      .option('--assign <pairs>', 'CHILDCODE=NEWCODE,…', '')
      .requiredOption('--date <YYYY-MM-DD>'),
    (database, o) =>
      orgs.splitOrg(
        database,
        cliActor(),
        {
          code: o.org,
          into: parseParts(o.into),
          assign: parseAssign(o.assign ?? ''),
          date: o.date,
          decisionRef: o.decision,
        },
        options(o),
      ),
  );

  operation<CommonOptions & { org: string; date: string; decision?: string }>(
    org
      .command('dissolve')
      .description('giải thể / dissolve an empty unit')
      .requiredOption('--org <code>')
      .requiredOption('--date <YYYY-MM-DD>'),
    (database, o) =>
      orgs.dissolveOrg(
        database,
        cliActor(),
        { code: o.org, date: o.date, decisionRef: o.decision },
        options(o),
      ),
  );

  addDatabaseOption(
    org
      .command('tree')
      .description('cây tổ chức / the tree as of a date')
      .option('--org <code>', 'root of the subtree')
      .option('--as-of <YYYY-MM-DD>')
      .option('--depth <n>', 'levels below the root')
      .option('--json', 'print JSON'),
  ).action(async (o: { org?: string; asOf?: string; depth?: string; json?: boolean; data?: string }) => {
    const tree = await withDatabase(o, (database) =>
      orgs.getTree(database, cliActor(), {
        code: o.org,
        asOf: o.asOf,
        depth: o.depth === undefined ? undefined : Number(o.depth),
      }),
    );
    if (o.json) printJson(tree);
    else process.stdout.write(`${formatDateVn(tree.asOf)}\n${printTree(tree.root).join('\n')}\n`);
  });

  addDatabaseOption(
    org
      .command('history')
      .description('lịch sử / versions, operations and lineage')
      .requiredOption('--org <code>')
      .option('--json', 'print JSON'),
  ).action(async (o: { org: string; json?: boolean; data?: string }) => {
    const history = await withDatabase(o, (database) => orgs.getHistory(database, cliActor(), o.org));
    if (o.json) {
      printJson(history);
      return;
    }
    const lines = history.versions.map(
      (v) =>
        `${formatDateVn(v.validFrom)} – ${v.validTo ? formatDateVn(v.validTo) : '…'}  ${v.name}  [${v.kind}] ↑ ${v.parentCode ?? '—'}`,
    );
    for (const op of history.operations) {
      lines.push(`#${op.id} ${op.kind} ${formatDateVn(op.date)} ${op.decisionRef ?? ''} (${op.actor})`);
    }
    process.stdout.write(`${lines.join('\n')}\n`);
  });

  addDatabaseOption(
    org
      .command('search')
      .description('tìm kiếm không dấu / search by name or code')
      .argument('<query>')
      .option('--as-of <YYYY-MM-DD>')
      .option('--limit <n>', 'max results', '20')
      .option('--json', 'print JSON'),
  ).action(async (query: string, o: { asOf?: string; limit: string; json?: boolean; data?: string }) => {
    const results = await withDatabase(o, (database) =>
      orgs.searchOrgs(database, cliActor(), { q: query, asOf: o.asOf, limit: Number(o.limit) }),
    );
    if (o.json) {
      printJson({ results });
      return;
    }
    process.stdout.write(
      `${results.map((r) => `${r.code}  ${r.name}  (${r.ancestors.join(' › ')})`).join('\n')}\n`,
    );
  });
}
