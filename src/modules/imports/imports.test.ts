import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../cli/cli-runner.ts';
import { AppError } from '../../core/errors.ts';
import { openDatabase } from '../../db/database.ts';
import { migrate } from '../../db/migrate.ts';
import { createTestDatabase, type TestDatabase } from '../../db/test-database.ts';
import { aUser, signedInApp, type TestClient } from '../auth/auth.fixtures.ts';
import { actorOfUsername } from '../auth/auth.service.ts';
import { type ExportFile, exportMembers } from '../exports/exports.service.ts';
import { addMembers } from '../members/members.fixtures.ts';
import { getStats } from '../members/members.service.ts';
import { aSmallTree, testActor } from '../orgs/orgs.fixtures.ts';
import { writeImportReport } from './imports.cli.ts';
import {
  aMemberFileRow,
  csvText,
  type FileCell,
  memberTable,
  type TextEncoding,
  writeCsv,
  writeXlsx,
} from './imports.fixtures.ts';
import type { ImportOptions, ImportResult } from './imports.schemas.ts';
import {
  getImport,
  importFile,
  importTemplate,
  listImports,
  rejectedRowsFile,
  rowErrorPages,
} from './imports.service.ts';
import { XLSX_TYPE } from './imports.workbooks.ts';

let database: TestDatabase;
let dir: string;

beforeAll(async () => {
  database = await createTestDatabase();
  await aSmallTree(database);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tochuc-import-'));
});

afterAll(async () => {
  await database?.dispose();
  fs.rmSync(dir, { recursive: true, force: true });
});

let fileCounter = 0;
function fileNamed(ext: string): { path: string; fileName: string } {
  fileCounter += 1;
  const fileName = `import-${fileCounter}.${ext}`;
  return { path: path.join(dir, fileName), fileName };
}

async function importCsv(
  rows: FileCell[][],
  options: Partial<ImportOptions> = {},
  encoding: TextEncoding = 'utf8',
) {
  const file = fileNamed('csv');
  writeCsv(file.path, rows, encoding);
  return importFile(database, testActor, file, { kind: 'members', ...options });
}

async function memberByNationalId(nationalId: string) {
  return database.db
    .selectFrom('member')
    .selectAll()
    .where('national_id', '=', nationalId)
    .executeTakeFirst();
}

async function memberCount(): Promise<number> {
  const row = await database.db
    .selectFrom('member')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

const errorsOf = (result: ImportResult) => result.errors.map((e) => [e.row, e.column, e.message.en]);

/** Writes a streamed file to disk, as the CLI and a browser would, and reads its first sheet back. */
async function sheetOf(file: ExportFile, onProgress?: (rows: number) => void): Promise<ExcelJS.Worksheet> {
  const target = fileNamed('xlsx').path;
  await file.write(fs.createWriteStream(target), onProgress);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(target);
  return workbook.worksheets[0] as ExcelJS.Worksheet;
}

describe('member import', () => {
  it('adds the new members to the kept counts exactly as a recount of their cells would count them', async () => {
    await addMembers(database, [{ cellCode: 'C12' }, { cellCode: 'C12', sex: 'female' }]);
    const rows = [
      // admitted before the cell was founded (2000): joined it at its founding
      aMemberFileRow({
        cell_code: 'C12',
        birth_date: '15/06/1960',
        admission_date: '03/02/1995',
        official_date: '03/02/1996',
      }),
      aMemberFileRow({ cell_code: 'C12', official_date: null, admission_date: '01/03/2025', sex: 'Nữ' }),
      // a cell with no member yet: counted for the first time, under its committee
      aMemberFileRow({ cell_code: 'C21', birth_date: '1970', religion: 'Phật giáo' }),
    ];
    const result = await importCsv(memberTable(rows));
    expect(errorsOf(result)).toEqual([]);
    expect(result.created).toBe(3);
    const cells = sql`ARRAY(SELECT DISTINCT cell_id FROM member)`;
    const differing = await sql<{ n: number }>`SELECT count(*)::int AS n FROM (
        (SELECT cell_id, dim, value, n FROM member_stat_cell EXCEPT SELECT * FROM member_stat_rows(${cells}))
        UNION ALL
        (SELECT * FROM member_stat_rows(${cells}) EXCEPT SELECT cell_id, dim, value, n FROM member_stat_cell)) d`.execute(
      database.db,
    );
    expect(differing.rows[0]?.n).toBe(0);
    const tops = await sql<{ n: number }>`SELECT count(*)::int AS n FROM (
        (SELECT top_id, dim, value, n FROM member_stat_top
         EXCEPT SELECT t.top_id, s.dim, s.value, sum(s.n)::int FROM member_stat_cell s
           JOIN member_stat_cell_top t ON t.cell_id = s.cell_id WHERE t.top_id IS NOT NULL GROUP BY 1, 2, 3)
        UNION ALL
        (SELECT t.top_id, s.dim, s.value, sum(s.n)::int FROM member_stat_cell s
           JOIN member_stat_cell_top t ON t.cell_id = s.cell_id WHERE t.top_id IS NOT NULL GROUP BY 1, 2, 3
         EXCEPT SELECT top_id, dim, value, n FROM member_stat_top)) d`.execute(database.db);
    expect(tops.rows[0]?.n).toBe(0);
    const c21 = await getStats(database, testActor, { org: 'C21' });
    expect(c21.total).toBe(1);
  });

  it("rejects, row by row, what lies outside a scoped officer's grant, and does not name a cell outside it", async () => {
    await addMembers(database, [{ cellCode: 'C21', nationalId: '001077000021' }]);
    const officer = await actorOfUsername(
      database,
      await aUser(database, [{ role: 'org_officer', org: 'P1' }]),
    );
    const rows = [
      aMemberFileRow({ cell_code: 'C11', national_id: '001077000011' }),
      aMemberFileRow({ cell_code: 'C21', national_id: '001077000012' }),
      aMemberFileRow({ cell_code: 'C11', national_id: '001077000021' }),
    ];
    const file = fileNamed('csv');
    writeCsv(file.path, memberTable(rows), 'utf8');
    const result = await importFile(database, officer, file, { kind: 'members' });
    expect(result).toMatchObject({ status: 'done', created: 1, rejected: 2 });
    expect(errorsOf(result)).toEqual([
      [3, 'Mã chi bộ', 'Cell C21 is outside the scope you may change'],
      [4, 'Mã chi bộ', 'This member belongs to a cell outside your scope'],
    ]);
    expect(JSON.stringify(result.errors.find((e) => e.row === 4))).not.toContain('C21');
    expect(await memberByNationalId('001077000011')).toMatchObject({ full_name: expect.any(String) });
    expect(await memberByNationalId('001077000012')).toBeUndefined();
  });

  it('stores the accepted rows with membership, events and refreshed statistics', async () => {
    const before = await getStats(database, testActor, { org: 'G1' });
    const rows = [
      aMemberFileRow({ full_name: 'Phạm Thị Lan', sex: 'Nữ', national_id: '001085000001', ethnicity: 'Tày' }),
      aMemberFileRow({
        national_id: '001085000002',
        official_date: null,
        admission_date: '01/03/2025',
        birth_date: '1990',
      }),
    ];
    const result = await importCsv(memberTable(rows), {}, 'utf8-bom');
    expect(result).toMatchObject({ status: 'done', accepted: 2, rejected: 0, created: 2, rowsRead: 2 });
    const lan = await memberByNationalId('001085000001');
    expect(lan).toMatchObject({
      full_name: 'Phạm Thị Lan',
      sex: 'female',
      ethnicity: '02',
      standing: 'official',
    });
    const second = await memberByNationalId('001085000002');
    expect(second).toMatchObject({
      birth_date: '1990-01-01',
      birth_date_precision: 'year',
      standing: 'probationary',
    });
    const events = await database.db
      .selectFrom('member_event')
      .select(['kind', 'event_date'])
      .where('member_id', '=', Number(lan?.id))
      .orderBy('event_date')
      .execute();
    expect(events).toEqual([
      { kind: 'admission', event_date: '2010-05-19' },
      { kind: 'recognition', event_date: '2011-05-19' },
    ]);
    const membership = await database.db
      .selectFrom('membership')
      .select(['valid_from', 'valid_to'])
      .where('member_id', '=', Number(lan?.id))
      .execute();
    expect(membership).toEqual([{ valid_from: '2010-05-19', valid_to: null }]);
    const after = await getStats(database, testActor, { org: 'G1' });
    expect(after.total - before.total).toBe(2);
    // one audit entry for the file, not one per row
    const audited = await database.db
      .selectFrom('audit_log')
      .select(['action', 'entity', 'ids'])
      .where('action', '=', 'import.run')
      .where(sql<boolean>`ids @> ARRAY[${String(result.id)}]`)
      .execute();
    expect(audited).toEqual([{ action: 'import.run', entity: 'import_run', ids: [String(result.id)] }]);
    expect(after.bySex.female - before.bySex.female).toBe(1);
  });

  it.each(['utf8', 'utf8-bom', 'utf16le', 'utf16be', 'windows1258'] as const)(
    'reads a %s CSV to the same Unicode (NFC) names',
    async (encoding) => {
      const id = `00209${String(['utf8', 'utf8-bom', 'utf16le', 'utf16be', 'windows1258'].indexOf(encoding)).padStart(7, '0')}`;
      const rows = [
        aMemberFileRow({ full_name: 'Nguyễn Thị Hằng', national_id: id, hometown: 'Thừa Thiên Huế' }),
      ];
      const result = await importCsv(memberTable(rows), {}, encoding);
      expect(result).toMatchObject({ accepted: 1, rejected: 0 });
      expect(await memberByNationalId(id)).toMatchObject({
        full_name: 'Nguyễn Thị Hằng',
        hometown: 'Thừa Thiên Huế',
      });
    },
  );

  it('recognises TCVN3 and VNI text and decomposed Unicode, and says how many cells it converted', async () => {
    const rows: FileCell[][] = [
      ['Hä vµ tªn', 'Ngµy sinh', 'Giíi tÝnh', 'Sè CCCD', 'Ngµy vµo §¶ng', 'M· chi bé', 'Quª qu¸n'],
      ['NguyÔn V¨n Hïng', '02/09/1980', 'Nam', '003080000001', '03/02/2005', 'C11', 'Th¸i B×nh'],
      ['Lª ThÞ Hoa', '02/09/1981', 'N÷', '003080000002', '03/02/2006', 'C11', 'Hµ Néi'],
    ];
    const tcvn3 = await importCsv(rows, {}, 'latin1');
    expect(tcvn3).toMatchObject({ accepted: 2, rejected: 0 });
    expect(tcvn3.converted.tcvn3).toBeGreaterThanOrEqual(10);
    expect(await memberByNationalId('003080000002')).toMatchObject({
      full_name: 'Lê Thị Hoa',
      sex: 'female',
      hometown: 'Hà Nội',
    });
    const vni = await importCsv(
      [
        ['Hoï vaø teân', 'Ngaøy sinh', 'Giôùi tính', 'Soá CCCD', 'Ngaøy vaøo Ñaûng', 'Maõ chi boä'],
        ['Ñaëng Vaên Ñoâng', '02/09/1980', 'Nam', '003080000003', '03/02/2005', 'C11'],
        ['Tröông Thò Thu', '02/09/1981', 'Nöõ', '003080000004', '03/02/2006', 'C11'],
      ],
      {},
      'latin1',
    );
    expect(vni).toMatchObject({ accepted: 2, rejected: 0 });
    expect(vni.converted.vni).toBeGreaterThanOrEqual(8);
    expect(await memberByNationalId('003080000004')).toMatchObject({
      full_name: 'Trương Thị Thu',
      sex: 'female',
    });
    const nfd = await importCsv(
      memberTable([
        aMemberFileRow({ full_name: 'Trần Thị Ngọc Ánh'.normalize('NFD'), national_id: '003080000005' }),
      ]),
    );
    expect(nfd.converted).toEqual({ tcvn3: 0, vni: 0, nfd: 1 });
    expect((await memberByNationalId('003080000005'))?.full_name).toBe('Trần Thị Ngọc Ánh'.normalize('NFC'));
  });

  it('matches headers in Vietnamese or English ignoring case, diacritics and spacing', async () => {
    const rows: FileCell[][] = [
      ['HO VA TEN', 'birth date', 'GIỚI  TÍNH', 'national_id', 'Admission Date', 'ma chi bo', 'Ghi chú'],
      ['Võ Văn Tám', '1975-08-01', 'male', '004075000001', '2000-01-01', 'C12', 'cột lạ được bỏ qua'],
    ];
    const result = await importCsv(rows);
    expect(result).toMatchObject({ accepted: 1, rejected: 0 });
    expect(await memberByNationalId('004075000001')).toMatchObject({
      full_name: 'Võ Văn Tám',
      cell_id: expect.any(Number),
    });
  });

  it('reads a workbook: date cells, serial numbers, text IDs, and reports a number cell that lost its zeros', async () => {
    const file = fileNamed('xlsx');
    await writeXlsx(file.path, [
      ['Họ và tên', 'Ngày sinh', 'Giới tính', 'Số CCCD', 'Ngày vào Đảng', 'Ngày chính thức', 'Mã chi bộ'],
      [
        'Đỗ Văn Xuân',
        new Date(Date.UTC(1980, 0, 31)),
        'Nam',
        { text: '005080000001' },
        38000,
        '2005-01-15',
        'C21',
      ],
      ['Đỗ Thị Hạ', '12/12/1982', 'Nữ', 5082000002, '15/01/2006', null, 'C21'],
    ]);
    const result = await importFile(database, testActor, file, { kind: 'members' });
    expect(result).toMatchObject({ accepted: 1, rejected: 1 });
    expect(await memberByNationalId('005080000001')).toMatchObject({
      birth_date: '1980-01-31',
      admission_date: '2004-01-14',
      official_date: '2005-01-15',
    });
    expect(errorsOf(result)).toEqual([[3, 'Số CCCD', expect.stringContaining('leading zeros')]]);
  });

  it('rejects every kind of bad row with its spreadsheet row, column and a message in both languages', async () => {
    await addMembers(database, [{ fullName: 'Hoàng Văn Có', nationalId: '006000000099', cellCode: 'C12' }]);
    const bad = [
      aMemberFileRow({ full_name: null }),
      aMemberFileRow({ sex: 'không rõ' }),
      aMemberFileRow({ birth_date: '31/02/1980' }),
      aMemberFileRow({ birth_date: '05/04/80' }),
      aMemberFileRow({ admission_date: '04/25/2010' }),
      aMemberFileRow({ cell_code: 'NOPE' }),
      aMemberFileRow({ cell_code: 'G1' }),
      aMemberFileRow({ ethnicity: 'Sao Hỏa' }),
      aMemberFileRow({ birth_date: '01/01/2011', admission_date: '01/01/2010', official_date: null }),
      aMemberFileRow({ birth_date: '01/01/2000', admission_date: '01/01/2010', official_date: null }),
      aMemberFileRow({ official_date: '01/01/2009' }),
      aMemberFileRow({ admission_date: '01/01/2099', official_date: null }),
      aMemberFileRow({ national_id: '12AB' }),
      aMemberFileRow({ national_id: '006000000001' }),
      aMemberFileRow({ national_id: '006000000001' }),
      aMemberFileRow({ national_id: '006000000099', cell_code: 'C12' }),
    ];
    const before = await memberCount();
    const result = await importCsv(memberTable(bad));
    expect(result).toMatchObject({ accepted: 1, rejected: 15 });
    expect(await memberCount()).toBe(before + 1);
    expect(errorsOf(result)).toEqual([
      [2, 'Họ và tên', 'Required'],
      [3, 'Giới tính', expect.stringContaining('not valid')],
      [4, 'Ngày sinh', expect.stringContaining('No such date')],
      [5, 'Ngày sinh', expect.stringContaining('century')],
      [6, 'Ngày vào Đảng', expect.stringContaining('month/day/year')],
      [7, 'Mã chi bộ', expect.stringContaining('No cell "NOPE"')],
      [8, 'Mã chi bộ', expect.stringContaining('is not a cell')],
      [9, 'Dân tộc', expect.stringContaining('not in the list')],
      [10, 'Ngày vào Đảng', 'The admission date must be after the birth date'],
      [11, 'Ngày sinh', expect.stringContaining('Under 18')],
      [12, 'Ngày chính thức', 'The official date cannot be before the admission date'],
      [13, 'Ngày vào Đảng', 'The date cannot be in the future'],
      [14, 'Số CCCD', expect.stringContaining('format')],
      [16, 'Số CCCD', 'The national ID repeats row 15 of the file'],
      [17, 'Số CCCD', expect.stringContaining('already in the registry with other details')],
    ]);
    expect(result.errors.every((e) => e.message.vi.length > 0)).toBe(true);
  });

  it('hands the rejected rows back as a workbook with the original values and a reason column', async () => {
    const result = await importCsv(
      memberTable([
        aMemberFileRow({ national_id: '007000000001' }),
        aMemberFileRow({ national_id: '007000000002', sex: '?' }),
      ]),
    );
    const sheet = await sheetOf(await rejectedRowsFile(database, testActor, result.id));
    expect(sheet?.getRow(1).values).toEqual([
      undefined,
      ...Object.keys(aMemberFileRow()).map(
        (k) => memberTable([aMemberFileRow()])[0]?.[Object.keys(aMemberFileRow()).indexOf(k)],
      ),
      'Dòng / Row',
      'Lý do / Reason',
    ]);
    const row = sheet?.getRow(2).values as unknown[];
    expect(row).toContain('007000000002');
    expect(row).toContain('?');
    expect(row).toContain(3);
    expect(String(row.at(-1))).toContain('Giới tính');
    expect(sheet?.rowCount).toBe(2);
  });

  it('writes every rejected row, page by page in row order, with its original cells and all its reasons', async () => {
    const faults = [
      {},
      { sex: '?' },
      { birth_date: '05/04/80' },
      { cell_code: 'NOPE' },
      { sex: '?', birth_date: '05/04/80' },
    ];
    const rows = faults
      .concat(faults)
      .map((fault, i) => aMemberFileRow({ national_id: `01500000000${i}`, ...fault }));
    const result = await importCsv(memberTable(rows), { dryRun: true });
    expect(result).toMatchObject({ accepted: 2, rejected: 8 });
    const reasons = new Map<number, string[]>();
    for (const e of result.errors) {
      reasons.set(e.row, [...(reasons.get(e.row) ?? []), `${e.column}: ${e.message.vi} / ${e.message.en}`]);
    }
    expect([...reasons.values()].some((r) => r.length > 1)).toBe(true);
    const written: number[] = [];
    const sheet = await sheetOf(await rejectedRowsFile(database, testActor, result.id, 3), (n) => {
      written.push(n);
    });
    expect(written).toEqual([3, 6, 8]);
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    const idColumn = headers.indexOf('Số CCCD') + 1;
    const reasonColumn = headers.length;
    const cells: unknown[][] = [];
    sheet.eachRow((row, n) => {
      if (n > 1)
        cells.push([
          row.getCell(reasonColumn - 1).value,
          row.getCell(idColumn).value,
          row.getCell(reasonColumn).value,
        ]);
    });
    expect(cells).toEqual(
      [...reasons].map(([rowNo, list]) => [rowNo, rows[rowNo - 2]?.national_id, list.join('\n')]),
    );
    // what a user correcting the sheet relies on: IDs retyped stay text, every reason on its own line
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.getRow(9).getCell(idColumn).numFmt).toBe('@');
    expect(sheet.getRow(9).getCell(reasonColumn).alignment?.wrapText).toBe(true);
  });

  it("hands the rejected rows only to whoever may see the import, every page under the reader's grants", async () => {
    const officer = await actorOfUsername(
      database,
      await aUser(database, [{ role: 'org_officer', org: 'P1' }]),
    );
    const file = fileNamed('csv');
    writeCsv(file.path, memberTable([aMemberFileRow({ sex: '?' }), aMemberFileRow({ cell_code: 'C21' })]));
    const own = await importFile(database, officer, file, { kind: 'members', dryRun: true });
    expect(own.rejected).toBe(2);
    const sheet = await sheetOf(await rejectedRowsFile(database, officer, own.id, 1));
    expect(sheet.rowCount).toBe(3);
    const other = await importCsv(memberTable([aMemberFileRow({ sex: '?' })]), { dryRun: true });
    await expect(rejectedRowsFile(database, officer, other.id)).rejects.toMatchObject({
      code: 'import.not_found',
    });
  });

  it('writes the --report file as JSON.stringify would, with every error of every page', async () => {
    const sevenRejected = memberTable(Array.from({ length: 7 }, () => aMemberFileRow({ sex: '?' })));
    const result = await importCsv(sevenRejected, { dryRun: true });
    const report = (r: ImportResult) => ({
      accepted: r.accepted,
      rejected: r.rejected,
      converted: r.converted,
      errors: r.errors.map((e) => ({
        row: e.row,
        column: e.column,
        message: `${e.message.vi} / ${e.message.en}`,
      })),
    });
    const target = fileNamed('json').path;
    await writeImportReport(target, result, rowErrorPages(database, testActor, result.id, 3));
    expect(report(result).errors).toHaveLength(7);
    expect(fs.readFileSync(target, 'utf8')).toBe(`${JSON.stringify(report(result), null, 2)}\n`);
    const clean = await importCsv(memberTable([aMemberFileRow()]), { dryRun: true });
    await writeImportReport(target, clean, rowErrorPages(database, testActor, clean.id, 3));
    expect(fs.readFileSync(target, 'utf8')).toBe(`${JSON.stringify(report(clean), null, 2)}\n`);
    expect((await getImport(database, testActor, clean.id)).errors).toEqual([]);
  });

  it('changes nothing when the same file is imported again', async () => {
    const rows = memberTable([
      aMemberFileRow({ national_id: '008000000001' }),
      aMemberFileRow({ national_id: null, party_card_no: '80.000.002' }),
      aMemberFileRow({ national_id: null, full_name: 'Không Có Số' }),
    ]);
    const first = await importCsv(rows);
    expect(first).toMatchObject({ accepted: 3, created: 3 });
    const count = await memberCount();
    const events = await database.db.selectFrom('member_event').select('id').execute();
    const again = await importCsv(rows);
    expect(again).toMatchObject({ accepted: 3, rejected: 0, created: 0, updated: 0, unchanged: 3 });
    expect(await memberCount()).toBe(count);
    expect((await database.db.selectFrom('member_event').select('id').execute()).length).toBe(events.length);
  });

  it('updates existing members matched by national ID or card number only when asked', async () => {
    await importCsv(
      memberTable([
        aMemberFileRow({ national_id: '009000000001', occupation: 'Nông dân' }),
        aMemberFileRow({ national_id: null, party_card_no: 'T-9002', occupation: 'Giáo viên' }),
      ]),
    );
    const changed = memberTable([
      aMemberFileRow({ national_id: '009000000001', occupation: 'Kỹ sư', full_name: 'Tên Mới Một' }),
      aMemberFileRow({ national_id: null, party_card_no: 'T-9002', occupation: 'Bác sĩ' }),
    ]);
    const refused = await importCsv(changed);
    expect(refused).toMatchObject({ accepted: 0, rejected: 2 });
    expect(refused.errors[0]?.message.en).toContain('update existing');
    const updated = await importCsv(changed, { update: true });
    expect(updated).toMatchObject({ accepted: 2, rejected: 0, updated: 2, created: 0 });
    const one = await memberByNationalId('009000000001');
    expect(one).toMatchObject({ occupation: 'Kỹ sư', full_name: 'Tên Mới Một' });
    const two = await database.db
      .selectFrom('member')
      .selectAll()
      .where('party_card_no', '=', 'T-9002')
      .executeTakeFirst();
    expect(two?.occupation).toBe('Bác sĩ');
    const corrections = await database.db
      .selectFrom('member_event')
      .select('kind')
      .where('member_id', '=', Number(one?.id))
      .where('kind', '=', 'correction')
      .execute();
    expect(corrections).toHaveLength(1);
    const moved = await importCsv(
      memberTable([
        aMemberFileRow({
          national_id: '009000000001',
          full_name: 'Tên Mới Một',
          occupation: 'Kỹ sư',
          cell_code: 'C12',
        }),
      ]),
      { update: true },
    );
    expect(errorsOf(moved)).toEqual([[2, 'Mã chi bộ', expect.stringContaining('transfer')]]);
  });

  it('reports how far it has read the file, batch by batch, up to the whole file', async () => {
    const rows = Array.from({ length: 12_000 }, () => aMemberFileRow());
    const file = fileNamed('csv');
    writeCsv(file.path, memberTable(rows), 'utf8');
    const seen: { rowsRead: number; share: number }[] = [];
    const result = await importFile(database, testActor, file, { kind: 'members', dryRun: true }, (p) => {
      seen.push(p);
    });
    expect(seen.map((p) => p.rowsRead)).toEqual([5_000, 10_000, 12_000]);
    const shares = seen.map((p) => p.share);
    expect(shares[0]).toBeGreaterThan(0);
    expect(shares[0]).toBeLessThan(1);
    expect([...shares].sort((a, b) => a - b)).toEqual(shares);
    expect(shares.at(-1)).toBe(1);
    expect(result).toMatchObject({ status: 'done', accepted: 12_000, progress: 1 });
  });

  it('applies a file of many batches completely or not at all', async () => {
    const count = await memberCount();
    // the header is row 1: rows[i] is row i + 2
    const rows = Array.from({ length: 11_000 }, () => aMemberFileRow());
    rows[10_500] = aMemberFileRow({ national_id: rows[2]?.national_id });
    const result = await importCsv(memberTable(rows));
    expect(result).toMatchObject({ status: 'done', accepted: 10_999, rejected: 1, created: 10_999 });
    expect(errorsOf(result)).toEqual([[10_502, 'Số CCCD', 'The national ID repeats row 4 of the file']]);
    expect(await memberCount()).toBe(count + 10_999);
    // a file that turns out unreadable after two batches were applied leaves none of them
    const broken = fileNamed('csv');
    const more = Array.from({ length: 11_000 }, () => aMemberFileRow());
    fs.writeFileSync(broken.path, `${csvText(memberTable(more))}"Nguyễn Văn Dở dang,15/06/1985\n`);
    const err = await importFile(database, testActor, broken, { kind: 'members' }).catch((e: unknown) => e);
    expect((err as AppError).code).toBe('import.unreadable');
    expect(await memberCount()).toBe(count + 10_999);
    expect((await listImports(database, testActor, 1))[0]).toMatchObject({
      status: 'unreadable',
      created: 0,
    });
  });

  it('stores nothing on a dry run but records it, with the same report', async () => {
    const count = await memberCount();
    const result = await importCsv(memberTable([aMemberFileRow(), aMemberFileRow({ sex: '?' })]), {
      dryRun: true,
    });
    expect(result).toMatchObject({ dryRun: true, accepted: 1, rejected: 1, created: 0 });
    expect(await memberCount()).toBe(count);
    const listed = await listImports(database, testActor);
    expect(listed[0]).toMatchObject({
      id: result.id,
      dryRun: true,
      status: 'done',
      accepted: 1,
      rejected: 1,
    });
    expect(listed[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("skips the template's English header row and reads the template itself", async () => {
    const template = await importTemplate('members');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template.content as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    expect(sheet.getRow(1).getCell(1).value).toBe('Họ và tên');
    expect(sheet.getRow(2).getCell(1).value).toBe('Full name');
    expect(String(sheet.getRow(1).getCell(1).note)).toMatch(/Bắt buộc.*\n.*Required/s);
    const values = Object.fromEntries(
      (sheet.getRow(1).values as string[]).slice(1).map((h, i) => [h, i + 1]),
    );
    const row = sheet.getRow(3);
    row.getCell(values['Họ và tên'] as number).value = 'Lý Thị Mẫu';
    row.getCell(values['Ngày sinh'] as number).value = '01/02/1990';
    row.getCell(values['Giới tính'] as number).value = 'Nữ';
    row.getCell(values['Số CCCD'] as number).value = '010090000001';
    row.getCell(values['Ngày vào Đảng'] as number).value = '03/02/2015';
    row.getCell(values['Mã chi bộ'] as number).value = 'GC1';
    const file = fileNamed('xlsx');
    await workbook.xlsx.writeFile(file.path);
    const result = await importFile(database, testActor, file, { kind: 'members' });
    expect(result).toMatchObject({ accepted: 1, rejected: 0, rowsRead: 1 });
  });

  it('refuses a file it cannot read, storing nothing', async () => {
    const count = await memberCount();
    const garbage = fileNamed('xlsx');
    fs.writeFileSync(garbage.path, 'not a workbook');
    const missing = fileNamed('csv');
    writeCsv(missing.path, [
      ['Họ và tên', 'Giới tính'],
      ['A B', 'Nam'],
    ]);
    for (const file of [garbage, missing, { path: path.join(dir, 'absent.csv'), fileName: 'absent.csv' }]) {
      const err = await importFile(database, testActor, file, { kind: 'members' }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe('import.unreadable');
    }
    expect(await memberCount()).toBe(count);
    const listed = await listImports(database, testActor, 2);
    // the absent file has no hash to record: the two others are in the log
    expect(listed.map((r) => [r.fileName, r.status])).toEqual([
      [missing.fileName, 'unreadable'],
      [garbage.fileName, 'unreadable'],
    ]);
    expect(listed[0]?.failure?.en).toContain(
      'Required columns missing: Birth date, Admission date, Cell code',
    );
  });
});

describe('organization import', () => {
  it('creates units through the tree rules: parents earlier in the file, kinds valid under them', async () => {
    const file = fileNamed('csv');
    writeCsv(file.path, [
      ['Mã', 'Tên', 'Loại', 'Mã cấp trên', 'Ngày thành lập'],
      ['G9', 'Đảng ủy phường Mới', 'Đảng bộ cơ sở', 'P1', '01/07/2025'],
      ['C91', 'Chi bộ khu phố 1', 'cell', 'G9', '01/07/2025'],
      ['C92', 'Chi bộ khu phố 2', 'Chi bộ trực thuộc', 'NOPE', '01/07/2025'],
      ['C93', 'Chi bộ sai cấp', 'cell', 'P1', '01/07/2025'],
      ['C94', 'Chi bộ loại lạ', 'hội', 'G9', '01/07/2025'],
    ]);
    const result = await importFile(database, testActor, file, { kind: 'orgs' });
    expect(result).toMatchObject({ accepted: 2, rejected: 3, created: 2 });
    expect(errorsOf(result)).toEqual([
      [4, 'Mã cấp trên', expect.stringContaining('NOPE')],
      [5, 'Loại', expect.any(String)],
      [6, 'Loại', expect.stringContaining('hội')],
    ]);
    const again = await importFile(database, testActor, file, { kind: 'orgs' });
    expect(again).toMatchObject({ accepted: 2, rejected: 3, created: 0, unchanged: 2 });
    const preview = fileNamed('csv');
    writeCsv(preview.path, [
      ['code', 'name', 'kind', 'parent_code', 'valid_from'],
      ['G8', 'Đảng ủy xã Thử', 'grassroots_committee', 'P2', '2025-07-01'],
      ['C81', 'Chi bộ thôn Thử', 'cell', 'G8', '2025-07-01'],
    ]);
    const dry = await importFile(database, testActor, preview, { kind: 'orgs', dryRun: true });
    expect(dry).toMatchObject({ accepted: 2, rejected: 0, created: 0 });
    expect(
      await database.db.selectFrom('org_unit').select('id').where('code', '=', 'G8').executeTakeFirst(),
    ).toBeUndefined();
  });
});

describe('imports over HTTP', () => {
  let client: TestClient;

  beforeAll(async () => {
    ({ client } = await signedInApp(database));
  });

  async function poll(id: number): Promise<ImportResult> {
    for (;;) {
      const { body } = await client.json<ImportResult>('GET', `/api/v1/imports/${id}`);
      if (body.status !== 'running') return body;
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  it('uploads a file, previews it, imports it, lists it and serves the rejected rows and the template', async () => {
    const rows = memberTable([aMemberFileRow({ national_id: '011000000001' }), aMemberFileRow({ sex: '?' })]);
    const file = fileNamed('csv');
    writeCsv(file.path, rows);
    const upload = (dryRun: boolean) =>
      client.request(`/api/v1/imports?kind=members&fileName=${file.fileName}&dryRun=${dryRun}`, {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream' },
        body: fs.readFileSync(file.path),
      });
    const previewResponse = await upload(true);
    expect(previewResponse.status).toBe(202);
    const preview = await poll(((await previewResponse.json()) as { id: number }).id);
    expect(preview).toMatchObject({ status: 'done', dryRun: true, accepted: 1, rejected: 1 });
    expect(preview.errors).toEqual([
      {
        row: 3,
        column: 'Giới tính',
        message: { vi: expect.any(String), en: expect.stringContaining('not valid') },
      },
    ]);
    expect(await memberByNationalId('011000000001')).toBeUndefined();
    const done = await poll(((await (await upload(false)).json()) as { id: number }).id);
    expect(done).toMatchObject({ dryRun: false, created: 1 });
    expect(await memberByNationalId('011000000001')).toBeDefined();
    const list = await client.json<{ imports: { id: number }[] }>('GET', '/api/v1/imports');
    expect(list.body.imports.slice(0, 2).map((i) => i.id)).toEqual([done.id, preview.id]);
    const rejected = await client.request(`/api/v1/imports/${done.id}/rejected.xlsx`);
    expect(rejected.status).toBe(200);
    expect(rejected.headers.get('content-type')).toBe(XLSX_TYPE);
    expect(rejected.headers.get('content-disposition')).toContain(`dong-bi-loai-${done.id}.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await rejected.arrayBuffer());
    expect(workbook.worksheets[0]?.getRow(2).values).toContain('?');
    const template = await client.request('/api/v1/imports/template/orgs');
    expect(template.status).toBe(200);
    expect(template.headers.get('content-type')).toContain('spreadsheetml');
    expect((await client.request('/api/v1/imports/999999')).status).toBe(404);
    expect((await client.request('/api/v1/imports/999999/rejected.xlsx')).status).toBe(404);
  });

  it('keeps an upload named with path tricks inside its own scratch folder', async () => {
    const escapee = `escape-${process.pid}-${Date.now()}.csv`;
    const file = fileNamed('csv');
    writeCsv(file.path, memberTable([aMemberFileRow({ national_id: '011000000002' })]));
    const trick = encodeURIComponent(`../../../../${escapee}`);
    const response = await client.request(`/api/v1/imports?kind=members&fileName=${trick}&dryRun=true`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: fs.readFileSync(file.path),
    });
    expect(response.status).toBe(202);
    const run = await poll(((await response.json()) as { id: number }).id);
    expect(run).toMatchObject({ status: 'done', accepted: 1 });
    for (const dir of [os.tmpdir(), path.dirname(os.tmpdir()), '/']) {
      expect(fs.existsSync(path.join(dir, escapee))).toBe(false);
    }
  });
});

describe('tochuc import', () => {
  let cliDir: string;
  const data = () => ['--data', path.join(cliDir, 'data')];

  beforeAll(async () => {
    cliDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tochuc-import-cli-'));
    const cliDatabase = await openDatabase({ dataDir: path.join(cliDir, 'data') });
    try {
      await migrate(cliDatabase);
      await aSmallTree(cliDatabase);
    } finally {
      await cliDatabase.close();
    }
  }, 120_000);

  afterAll(() => {
    fs.rmSync(cliDir, { recursive: true, force: true });
  });

  it('exits 0 when every row is accepted, 1 when some are rejected, 2 when the file is unreadable', async () => {
    const good = path.join(cliDir, 'good.csv');
    writeCsv(good, memberTable([aMemberFileRow({ national_id: '012000000001' })]));
    const ok = await runCli(['import', 'members', good, ...data()]);
    expect(ok.code).toBe(0);
    expect(ok.stderr).toContain('accepted 1, rejected 0');

    const mixed = path.join(cliDir, 'mixed.csv');
    const report = path.join(cliDir, 'report.json');
    writeCsv(
      mixed,
      memberTable([
        aMemberFileRow({ national_id: '012000000002' }),
        aMemberFileRow({ birth_date: '05/04/80' }),
      ]),
    );
    const some = await runCli(['import', 'members', mixed, '--dry-run', '--report', report, ...data()]);
    expect(some.code).toBe(1);
    expect(JSON.parse(fs.readFileSync(report, 'utf8'))).toEqual({
      accepted: 1,
      rejected: 1,
      converted: { tcvn3: 0, vni: 0, nfd: 0 },
      errors: [{ row: 3, column: 'Ngày sinh', message: expect.stringMatching(/thế kỷ.* \/ .*century/) }],
    });
    const again = await runCli(['import', 'members', good, '--update', ...data()]);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('không đổi 1');

    const unreadable = path.join(cliDir, 'bad.xlsx');
    fs.writeFileSync(unreadable, 'garbage');
    const bad = await runCli(['import', 'members', unreadable, ...data()]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/Lỗi: Không đọc được tệp "bad.xlsx"/);
    expect(bad.stderr).toMatch(/Error: Cannot read the file "bad.xlsx"/);
  }, 180_000);
});

describe('round trip: export, then import into an empty registry', () => {
  let source: TestDatabase;
  let target: TestDatabase;

  beforeAll(async () => {
    [source, target] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    await Promise.all([aSmallTree(source), aSmallTree(target)]);
    await addMembers(source, [
      {
        fullName: 'Nguyễn Văn Một',
        nationalId: '013000000001',
        partyCardNo: '13.000.001',
        ethnicity: 'Kinh',
      },
      {
        fullName: 'Trần Thị Hai',
        sex: 'female',
        cellCode: 'C21',
        birthDate: '1990-03-01',
        birthDatePrecision: 'month',
        ethnicity: 'Tày',
        religion: 'Phật giáo',
        hometown: 'Nam Định',
        occupation: 'Giáo viên',
        officialDate: undefined,
        admissionDate: '2024-02-03',
      },
      { fullName: 'Lê Văn Ba', cellCode: 'GC1', nationalId: '013000000003', theoryLevel: 'Trung cấp' },
    ]);
  }, 120_000);

  afterAll(async () => {
    await Promise.all([source?.dispose(), target?.dispose()]);
  });

  const registry = async (db: TestDatabase) =>
    (
      await db.db
        .selectFrom('member')
        .innerJoin('org_unit', 'org_unit.id', 'member.cell_id')
        .select([
          'full_name',
          'sex',
          'birth_date',
          'birth_date_precision',
          'national_id',
          'party_card_no',
          'ethnicity',
          'religion',
          'hometown',
          'occupation',
          'theory_level',
          'admission_date',
          'official_date',
          'standing',
          'org_unit.code as cell',
        ])
        .orderBy('full_name')
        .execute()
    ).map((r) => ({ ...r }));

  it.each(['xlsx', 'csv'] as const)('gives the same registry through %s', async (format) => {
    const exported = await exportMembers(source, testActor, { org: 'TW', format });
    const file = fileNamed(format);
    const out = fs.createWriteStream(file.path);
    await exported.write(out);
    const first = await importFile(target, testActor, file, { kind: 'members' });
    expect(first).toMatchObject({ rejected: 0, accepted: 3 });
    expect(await registry(target)).toEqual(await registry(source));
  });
});
