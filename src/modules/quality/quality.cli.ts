/** `tochuc quality`: the data-quality summary of a unit, or its records to fix — the same service as the HTTP API. */
import type { Command } from 'commander';
import { addDatabaseOption, cliActor, printJson, withDatabase } from '../../cli/context.ts';
import { formatDateVn } from '../../core/dates.ts';
import type { IssueKind, QualityIssues, QualitySummary } from './quality.schemas.ts';
import * as quality from './quality.service.ts';

interface QualityOptions {
  org: string;
  kind?: IssueKind;
  limit?: string;
  offset?: string;
  json?: boolean;
  data?: string;
}

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

function summaryLines(s: QualitySummary): string[] {
  return [
    `${s.org} ${s.orgName} — ${formatDateVn(s.asOf)}: ${s.total} đảng viên / members`,
    'Đầy đủ thông tin / completeness:',
    ...s.completeness.map(
      (c) => `  ${c.field.padEnd(16)} ${`${c.filled}/${c.applicable}`.padStart(15)}  ${percent(c.share)}`,
    ),
    'Nghi trùng / suspected duplicates:',
    ...s.duplicates.map((d) => `  ${d.kind.padEnd(16)} ${d.records} (${d.groups} nhóm / groups)`),
    `Ngày không hợp lý / impossible dates: ${s.recordsWithImpossibleDates}`,
    ...s.impossibleDates.filter((d) => d.records > 0).map((d) => `  ${d.rule.padEnd(28)} ${d.records}`),
  ];
}

function issueLines(page: QualityIssues): string[] {
  const last = Math.min(page.offset + page.results.length, page.total);
  return [
    `${page.org} ${page.kind}: ${page.offset + 1}–${last} / ${page.total}`,
    ...page.results.map(
      (r) =>
        `  #${r.memberId}  ${r.fullName}  ${formatDateVn(r.birthDate)}  ${r.cellCode}  [${r.field}]` +
        (r.relatedIds.length > 0 ? `  ~ #${r.relatedIds.join(', #')}` : ''),
    ),
  ];
}

export function registerQualityCommands(program: Command): void {
  addDatabaseOption(
    program
      .command('quality')
      .description('chất lượng dữ liệu đảng viên / data quality of a unit’s member records')
      .requiredOption('--org <code>')
      .option(
        '--kind <kind>',
        'list the records with this problem, e.g. missing.nationalId, duplicate.nameBirth',
      )
      .option('--limit <n>', 'records per page (with --kind)', '50')
      .option('--offset <n>', 'records to skip (with --kind)', '0')
      .option('--json', 'print JSON'),
  ).action(async (o: QualityOptions) => {
    const report = await withDatabase(o, async (db) => {
      if (o.kind === undefined) {
        const summary = await quality.qualitySummary(db, cliActor(), { org: o.org });
        return { json: summary, lines: summaryLines(summary) };
      }
      const page = await quality.qualityIssues(db, cliActor(), {
        org: o.org,
        kind: o.kind,
        limit: o.limit,
        offset: o.offset,
      });
      return { json: page, lines: issueLines(page) };
    });
    if (o.json) printJson(report.json);
    else process.stdout.write(`${report.lines.join('\n')}\n`);
  });
}
