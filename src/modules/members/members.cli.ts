/** `tochuc members …` and `tochuc stats`: the same service as the HTTP API. */
import type { Command } from 'commander';
import { addDatabaseOption, cliActor, printJson, withDatabase } from '../../cli/context.ts';
import { formatDateVn } from '../../core/dates.ts';
import type { MemberProfile } from './members.schemas.ts';
import * as members from './members.service.ts';

interface JsonOption {
  json?: boolean;
  data?: string;
}

function printProfile(profile: MemberProfile, json: boolean | undefined): void {
  if (json) {
    printJson(profile);
    return;
  }
  const lines = [
    `#${profile.id} ${profile.fullName} — ${formatDateVn(profile.birthDate)} — ${profile.status}`,
    `  ${profile.cellCode} ${profile.cellName}`,
    ...profile.events.map(
      (e) => `  ${formatDateVn(e.date)} ${e.kind}${e.decisionRef ? ` (${e.decisionRef})` : ''}`,
    ),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

const memberId = (value: string) => Number.parseInt(value, 10);

interface SeriesOptions {
  series?: boolean;
  from?: string;
  to?: string;
}

/** `tochuc stats --series`: a line per year, or the same JSON as GET /api/v1/stats/series. */
async function printSeries(o: JsonOption & { org: string } & SeriesOptions): Promise<void> {
  const year = (value: string | undefined) => (value === undefined ? undefined : Number(value));
  const series = await withDatabase(o, (db) =>
    members.getStatsSeries(db, cliActor(), { org: o.org, from: year(o.from), to: year(o.to) }),
  );
  if (o.json) {
    printJson(series);
    return;
  }
  const percent = (rate: number) => `${(rate * 100).toFixed(2)}%`;
  const lines = series.points.map(
    (p) =>
      `${formatDateVn(p.asOf)}  ${p.total} (chính thức/official ${p.official}, dự bị/probationary ${p.probationary})  ` +
      `kết nạp/admitted ${p.admitted} = ${percent(p.admissionRate)} (${percent(p.admissionTarget.min)}–${percent(p.admissionTarget.max)})`,
  );
  process.stdout.write(`${series.org}\n${lines.join('\n')}\n`);
}

export function registerMemberCommands(program: Command): void {
  const cmd = program.command('members').description('đảng viên / the member registry');

  addDatabaseOption(
    cmd
      .command('search')
      .description('tìm đảng viên (không dấu, CCCD, số thẻ) / search members')
      .argument('<query>')
      .option('--org <code>', 'only in the subtree of this unit')
      .option('--limit <n>', 'max results', '50')
      .option('--json', 'print JSON'),
  ).action(async (query: string, o: JsonOption & { org?: string; limit: string }) => {
    const results = await withDatabase(o, (db) =>
      members.searchMembers(db, cliActor(), { q: query, org: o.org, limit: Number(o.limit) }),
    );
    if (o.json) {
      printJson({ results });
      return;
    }
    const lines = results.map(
      (r) => `#${r.id}  ${r.fullName}  ${formatDateVn(r.birthDate)}  ${r.cellCode}  ${r.status}`,
    );
    process.stdout.write(`${lines.join('\n')}\n`);
  });

  addDatabaseOption(
    cmd
      .command('add')
      .description('thêm đảng viên / record a member')
      .requiredOption('--full-name <name>')
      .requiredOption('--birth-date <YYYY-MM-DD>')
      .requiredOption('--sex <male|female>')
      .requiredOption('--admission-date <YYYY-MM-DD>')
      .requiredOption('--cell <code>')
      .option('--official-date <YYYY-MM-DD>')
      .option('--national-id <id>')
      .option('--party-card <no>')
      .option('--ethnicity <e>')
      .option('--religion <r>')
      .option('--decision <ref>')
      .option('--age-exception', 'admission outside 18–60 decided as an exception (recorded)')
      .option('--json', 'print JSON'),
  ).action(
    async (
      o: JsonOption & {
        fullName: string;
        birthDate: string;
        sex: string;
        admissionDate: string;
        cell: string;
        officialDate?: string;
        nationalId?: string;
        partyCard?: string;
        ethnicity?: string;
        religion?: string;
        decision?: string;
        ageException?: boolean;
      },
    ) => {
      const result = await withDatabase(o, (db) =>
        members.addMember(
          db,
          cliActor(),
          {
            fullName: o.fullName,
            birthDate: o.birthDate,
            sex: o.sex as 'male' | 'female',
            admissionDate: o.admissionDate,
            cellCode: o.cell,
            officialDate: o.officialDate,
            nationalId: o.nationalId,
            partyCardNo: o.partyCard,
            ethnicity: o.ethnicity,
            religion: o.religion,
            decisionRef: o.decision,
          },
          { ageException: o.ageException },
        ),
      );
      if (o.json) printJson(result);
      else process.stdout.write(`Đã thêm / added: #${result.id}\n`);
    },
  );

  addDatabaseOption(
    cmd
      .command('show')
      .description('hồ sơ đảng viên / a member profile')
      .argument('<id>')
      .option('--json', 'print JSON'),
  ).action(async (id: string, o: JsonOption) => {
    printProfile(
      await withDatabase(o, (db) => members.getMemberProfile(db, cliActor(), memberId(id))),
      o.json,
    );
  });

  addDatabaseOption(
    cmd
      .command('recognize')
      .description('công nhận đảng viên chính thức / recognise as official')
      .argument('<id>')
      .requiredOption('--date <YYYY-MM-DD>', 'date of the meeting')
      .option('--decision <ref>')
      .option('--json', 'print JSON'),
  ).action(async (id: string, o: JsonOption & { date: string; decision?: string }) => {
    const profile = await withDatabase(o, (db) =>
      members.recognizeMember(db, cliActor(), memberId(id), { date: o.date, decisionRef: o.decision }),
    );
    printProfile(profile, o.json);
  });

  addDatabaseOption(
    cmd
      .command('transfer-out')
      .description('chuyển sinh hoạt đảng đi / send to another cell')
      .argument('<id>')
      .requiredOption('--to <cellCode>')
      .requiredOption('--date <YYYY-MM-DD>')
      .option('--temporary', 'temporary transfer')
      .option('--decision <ref>')
      .option('--json', 'print JSON'),
  ).action(
    async (
      id: string,
      o: JsonOption & { to: string; date: string; temporary?: boolean; decision?: string },
    ) => {
      const profile = await withDatabase(o, (db) =>
        members.transferOut(db, cliActor(), memberId(id), {
          toCellCode: o.to,
          date: o.date,
          kind: o.temporary ? 'temporary' : 'official',
          decisionRef: o.decision,
        }),
      );
      printProfile(profile, o.json);
    },
  );

  addDatabaseOption(
    cmd
      .command('receive')
      .description('tiếp nhận sinh hoạt đảng / receive a transferred member')
      .argument('<id>')
      .requiredOption('--date <YYYY-MM-DD>')
      .option('--decision <ref>')
      .option('--json', 'print JSON'),
  ).action(async (id: string, o: JsonOption & { date: string; decision?: string }) => {
    const profile = await withDatabase(o, (db) =>
      members.receiveTransfer(db, cliActor(), memberId(id), { date: o.date, decisionRef: o.decision }),
    );
    printProfile(profile, o.json);
  });

  addDatabaseOption(
    cmd
      .command('leave')
      .description('xóa tên, khai trừ, ra khỏi Đảng, từ trần / removal, expulsion, resignation, death')
      .argument('<id>')
      .requiredOption('--kind <kind>', 'removal|not_recognised|expulsion|resignation|death')
      .requiredOption('--date <YYYY-MM-DD>')
      .option('--reason <text>')
      .option('--decision <ref>')
      .option('--json', 'print JSON'),
  ).action(
    async (
      id: string,
      o: JsonOption & { kind: string; date: string; reason?: string; decision?: string },
    ) => {
      const profile = await withDatabase(o, (db) =>
        members.recordLeave(db, cliActor(), memberId(id), {
          kind: o.kind as 'removal',
          date: o.date,
          reason: o.reason,
          decisionRef: o.decision,
        }),
      );
      printProfile(profile, o.json);
    },
  );

  addDatabaseOption(
    cmd
      .command('due')
      .description('đến hạn xét chính thức / due for recognition')
      .requiredOption('--org <code>')
      .option('--today <YYYY-MM-DD>')
      .option('--json', 'print JSON'),
  ).action(async (o: JsonOption & { org: string; today?: string }) => {
    const results = await withDatabase(o, (db) =>
      members.dueForRecognition(db, cliActor(), { org: o.org, today: o.today }),
    );
    if (o.json) {
      printJson({ results });
      return;
    }
    const lines = results.map(
      (r) =>
        `#${r.id}  ${r.fullName}  ${r.cellCode}  ${formatDateVn(r.probationEnd)}  ${formatDateVn(r.reviewDeadline)}  ${r.status}`,
    );
    process.stdout.write(`${lines.join('\n')}\n`);
  });

  addDatabaseOption(
    cmd
      .command('badges-due')
      .description('xét tặng Huy hiệu Đảng / who becomes eligible for a Party badge at a round')
      .requiredOption('--org <code>')
      .option('--round <YYYY-MM-DD>', 'award round (default: the next one)')
      .option('--json', 'print JSON'),
  ).action(async (o: JsonOption & { org: string; round?: string }) => {
    const due = await withDatabase(o, (db) =>
      members.badgesDue(db, cliActor(), { org: o.org, round: o.round }),
    );
    if (o.json) {
      printJson(due);
      return;
    }
    const lines = due.results.map(
      (r) => `#${r.id}  ${r.fullName}  ${r.cellCode}  ${r.milestone} năm/years  ${formatDateVn(r.reachedOn)}`,
    );
    process.stdout.write(`${formatDateVn(due.round)}\n${lines.join('\n')}\n`);
  });

  addDatabaseOption(
    program
      .command('stats')
      .description('thống kê đảng viên / member statistics of a subtree')
      .requiredOption('--org <code>')
      .option('--as-of <YYYY-MM-DD>')
      .option('--series', 'theo năm / one line per year (31/12, today for this year)')
      .option('--from <YYYY>', 'with --series: first year (default 10 years before --to)')
      .option('--to <YYYY>', 'with --series: last year (default this year)')
      .option('--json', 'print JSON'),
  ).action(async (o: JsonOption & { org: string; asOf?: string } & SeriesOptions) => {
    if (o.series) {
      await printSeries(o);
      return;
    }
    const stats = await withDatabase(o, (db) =>
      members.getStats(db, cliActor(), { org: o.org, asOf: o.asOf }),
    );
    if (o.json) {
      printJson(stats);
      return;
    }
    process.stdout.write(
      `${stats.org} ${formatDateVn(stats.asOf)}: ${stats.total} (chính thức/official ${stats.official}, dự bị/probationary ${stats.probationary})\n`,
    );
  });
}
