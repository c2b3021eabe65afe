import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../cli/cli-runner.ts';
import { MEMBER_FILE_COLUMNS } from '../../core/member-file-columns.ts';
import { openDatabase } from '../../db/database.ts';
import { migrate } from '../../db/migrate.ts';
import { createTestDatabase, type TestDatabase } from '../../db/test-database.ts';
import { createApp } from '../../server/app.ts';
import { asciiFileName, contentDisposition } from '../../server/content-disposition.ts';
import { aUser, signedInApp, signIn, type TestClient } from '../auth/auth.fixtures.ts';
import { importFile } from '../imports/imports.service.ts';
import { addMembers } from '../members/members.fixtures.ts';
import { getStats, receiveTransfer, transferOut } from '../members/members.service.ts';
import { aSmallTree, testActor } from '../orgs/orgs.fixtures.ts';
import type { MemberExportQuery } from './exports.schemas.ts';
import {
  type ExportFile,
  exportMemberProfile,
  exportMembers,
  exportReport,
  type Paging,
} from './exports.service.ts';

let db: TestDatabase;
let anhId: number;

const ANH = {
  fullName: 'Đỗ Thị Ánh',
  sex: 'female' as const,
  birthDate: '1990-03-01',
  birthDatePrecision: 'month' as const,
  birthPlace: 'Xã Tân Lập, tỉnh Hà Nam',
  nationalId: '001190012345',
  partyCardNo: '0012345',
  ethnicity: 'Tày',
  religion: 'Phật giáo',
  admissionDate: '2015-02-03',
  officialDate: '2016-02-03',
  education: 'Trung học phổ thông',
  theoryLevel: 'Trung cấp',
  cellCode: 'C11',
  decisionRef: '12-QĐ/ĐU',
};

/** Typed by users, run as formulas by Excel and LibreOffice when a CSV cell begins so (OWASP CSV Injection). */
const FORMULA_LIKE = {
  occupation: '=HYPERLINK("http://x","y")',
  birthPlace: '+84 Hà Nội',
  hometown: '-',
  // an apostrophe the user typed, before a formula character, comes back too
  otherName: "'@Một",
};
/** The same values under the file's headers. */
const FORMULA_LIKE_CELLS = {
  'Nghề nghiệp': FORMULA_LIKE.occupation,
  'Nơi sinh': FORMULA_LIKE.birthPlace,
  'Quê quán': FORMULA_LIKE.hometown,
  'Tên gọi khác': FORMULA_LIKE.otherName,
};

beforeAll(async () => {
  db = await createTestDatabase();
  await aSmallTree(db);
  [anhId] = (await addMembers(db, [
    ANH,
    { fullName: 'Nguyễn Văn Một', cellCode: 'C11', ethnicity: 'Kinh', religion: 'Không', ...FORMULA_LIKE },
    {
      fullName: 'Trần Thị Hai',
      sex: 'female',
      cellCode: 'C12',
      ethnicity: 'Tày',
      birthDate: '1999-01-20',
      admissionDate: '2020-05-19',
      officialDate: '2021-05-19',
    },
    { fullName: 'Lê Văn Ba', cellCode: 'C21', admissionDate: '2021-07-01', officialDate: undefined },
    { fullName: 'Phạm Thị Bốn', sex: 'female', cellCode: 'GC1', ethnicity: 'Mường', religion: 'Công giáo' },
  ])) as [number];
  // moved from P1 (C12) to P2 (C21) in March 2024
  const [nam] = (await addMembers(db, [{ fullName: 'Hoàng Văn Năm', cellCode: 'C12' }])) as [number];
  await transferOut(db, testActor, nam, { toCellCode: 'C21', date: '2024-03-01' });
  await receiveTransfer(db, testActor, nam, { date: '2024-03-10' });
});

afterAll(async () => {
  await db?.dispose();
});

async function bytesOf(file: ExportFile): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await file.write(out);
  return Buffer.concat(chunks);
}

async function workbookOf(bytes: Buffer | ArrayBuffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as ArrayBuffer);
  return workbook;
}

/** Every data row as header → cell text. */
function sheetRecords(ws: ExcelJS.Worksheet): Record<string, unknown>[] {
  const headers = (ws.getRow(1).values as unknown[]).slice(1) as string[];
  const records: Record<string, unknown>[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    records.push(Object.fromEntries(headers.map((h, i) => [h, row.getCell(i + 1).value ?? ''])));
  });
  return records;
}

function csvRecords(text: string): Record<string, string>[] {
  const [head = '', ...lines] = text
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter(Boolean);
  // quoted fields (commas, quotes) as the export writes them; no line breaks inside a field
  const split = (line: string) =>
    [...line.matchAll(/("([^"]|"")*"|[^,]*)(,|$)/g)]
      .map((m) => (m[1] ?? '').replace(/^"|"$/g, '').replace(/""/g, '"'))
      .slice(0, head.split(',').length);
  const headers = split(head);
  return lines.map((line) => Object.fromEntries(split(line).map((v, i) => [headers[i], v])));
}

async function membersXlsx(query: Omit<MemberExportQuery, 'format'>, paging?: Paging) {
  const file = await exportMembers(db, testActor, { ...query, format: 'xlsx' }, paging);
  const workbook = await workbookOf(await bytesOf(file));
  const ws = workbook.worksheets[0];
  if (!ws) throw new Error('no sheet');
  return { file, ws, records: sheetRecords(ws) };
}

async function membersCsv(query: Omit<MemberExportQuery, 'format'>) {
  const file = await exportMembers(db, testActor, { ...query, format: 'csv' });
  const bytes = await bytesOf(file);
  const text = bytes.toString('utf8');
  return { file, bytes, text, records: csvRecords(text) };
}

const recordOf = (records: Record<string, unknown>[], fullName: string) =>
  records.find((r) => r['Họ và tên'] === fullName);

describe('member list export', () => {
  it('writes .xlsx in the import columns: text IDs with leading zeros, dd/mm/yyyy, Vietnamese names', async () => {
    const { ws, records } = await membersXlsx({ org: 'P1' });
    expect((ws.getRow(1).values as unknown[]).slice(1, MEMBER_FILE_COLUMNS.length + 1)).toEqual(
      MEMBER_FILE_COLUMNS.map((c) => c.vi),
    );
    expect(records.map((r) => r['Họ và tên'])).toEqual(['Đỗ Thị Ánh', 'Nguyễn Văn Một', 'Trần Thị Hai']);
    const anh = records[0];
    expect(anh).toMatchObject({
      'Ngày sinh': '03/1990',
      'Giới tính': 'Nữ',
      'Nơi sinh': 'Xã Tân Lập, tỉnh Hà Nam',
      'Dân tộc': 'Tày',
      'Tôn giáo': 'Phật giáo',
      'Số CCCD': '001190012345',
      'Số thẻ đảng viên': '0012345',
      'Ngày vào Đảng': '03/02/2015',
      'Ngày chính thức': '03/02/2016',
      'Trình độ học vấn': 'Trung học phổ thông',
      'Lý luận chính trị': 'Trung cấp',
      'Mã chi bộ': 'C11',
      'Số quyết định kết nạp': '12-QĐ/ĐU',
      'Tên chi bộ': 'Chi bộ thôn Đông',
      'Tình trạng': 'Chính thức',
    });
    // string cells: Excel keeps the zeros and does not turn dates into numbers
    const cellOf = (key: string) =>
      ws.getRow(2).getCell(MEMBER_FILE_COLUMNS.findIndex((c) => c.key === key) + 1);
    expect(cellOf('national_id').type).toBe(ExcelJS.ValueType.String);
    expect(cellOf('admission_date').type).toBe(ExcelJS.ValueType.String);
  });

  it('writes .csv as UTF-8 with a BOM and CRLF, the same values', async () => {
    const { file, bytes, text, records } = await membersCsv({ org: 'P1' });
    expect(file.contentType).toBe('text/csv; charset=utf-8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text).toContain('\r\n');
    expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/);
    expect(records).toHaveLength(3);
    expect(records[0]).toMatchObject({
      'Họ và tên': 'Đỗ Thị Ánh',
      'Số CCCD': '001190012345',
      'Ngày vào Đảng': '03/02/2015',
      'Nơi sinh': 'Xã Tân Lập, tỉnh Hà Nam',
    });
  });

  it('marks a value a spreadsheet would run as a formula with an apostrophe in .csv, not in .xlsx', async () => {
    const { text, records } = await membersCsv({ org: 'P1' });
    expect(text).toContain(`,"'=HYPERLINK(""http://x"",""y"")",`);
    expect(text).toContain(`,'+84 Hà Nội,`);
    expect(recordOf(records, 'Nguyễn Văn Một')).toMatchObject({
      'Nghề nghiệp': `'=HYPERLINK("http://x","y")`,
      'Nơi sinh': "'+84 Hà Nội",
      'Quê quán': "'-",
      'Tên gọi khác': "''@Một",
    });
    expect(records.flatMap((r) => Object.values(r)).filter((v) => /^[=+\-@\t\r]/.test(v))).toEqual([]);
    // string cells, which Excel never runs: the values as they are
    const xlsx = await membersXlsx({ org: 'P1' });
    expect(recordOf(xlsx.records, 'Nguyễn Văn Một')).toMatchObject(FORMULA_LIKE_CELLS);
    xlsx.ws.eachRow((row) => {
      row.eachCell((cell) => expect(cell.type).toBe(ExcelJS.ValueType.String));
    });
  });

  it('pages through cells and rows without losing or repeating a member', async () => {
    const whole = await membersXlsx({});
    const paged = await membersXlsx({}, { cellsPerChunk: 2, pageSize: 1 });
    expect(whole.records).toHaveLength(6);
    expect(paged.records).toEqual(whole.records);
  });

  it('applies the member list filters and a name typed without diacritics', async () => {
    const women = await membersXlsx({ sex: 'female' });
    expect(women.records.map((r) => r['Họ và tên'])).toEqual(['Đỗ Thị Ánh', 'Trần Thị Hai', 'Phạm Thị Bốn']);
    const byName = await membersXlsx({ q: 'do thi anh' });
    expect(byName.records.map((r) => r['Họ và tên'])).toEqual(['Đỗ Thị Ánh']);
    const byId = await membersXlsx({ q: '001190012345' });
    expect(byId.records.map((r) => r['Họ và tên'])).toEqual(['Đỗ Thị Ánh']);
    const probationary = await membersXlsx({ status: 'probationary' });
    expect(probationary.records.map((r) => r['Họ và tên'])).toEqual(['Lê Văn Ba']);
  });

  it('lists the members of the cells on a past date, in the cell they were in then', async () => {
    const before = await membersXlsx({ org: 'P1', asOf: '2024-01-01' });
    expect(before.records.find((r) => r['Họ và tên'] === 'Hoàng Văn Năm')).toMatchObject({
      'Mã chi bộ': 'C12',
    });
    const now = await membersXlsx({ org: 'P1' });
    expect(now.records.map((r) => r['Họ và tên'])).not.toContain('Hoàng Văn Năm');
    const p2 = await membersXlsx({ org: 'P2' });
    expect(p2.records.find((r) => r['Họ và tên'] === 'Hoàng Văn Năm')).toMatchObject({ 'Mã chi bộ': 'C21' });
    // Ba was admitted in 2021: not yet a member on 01/01/2020
    const early = await membersXlsx({ org: 'P2', asOf: '2020-01-01' });
    expect(early.records.map((r) => r['Họ và tên'])).toEqual(['Phạm Thị Bốn']);
  });

  it('refuses an unknown unit and a status that has no meaning on a past date, in both languages', async () => {
    await expect(exportMembers(db, testActor, { org: 'NOPE', format: 'xlsx' })).rejects.toMatchObject({
      code: 'org.not_found',
      field: 'org',
    });
    await expect(
      exportMembers(db, testActor, { org: 'P1', asOf: '2024-01-01', status: 'deceased', format: 'csv' }),
    ).rejects.toMatchObject({
      code: 'export.status_on_date',
      messages: { vi: expect.stringContaining('chính thức') },
    });
    await expect(exportMembers(db, testActor, { format: 'pdf' as 'csv' })).rejects.toMatchObject({
      field: 'format',
    });
  });
});

async function documentXml(bytes: Buffer | ArrayBuffer): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')?.async('string');
  if (!xml) throw new Error('no word/document.xml');
  return xml;
}

/** The visible text of a Word document (runs joined). */
const plain = (xml: string) => xml.replace(/<w:p[ >].*?<\/w:p>/g, (p) => `${p.replace(/<[^>]+>/g, '')}\n`);

describe('round trip', () => {
  it('an exported file imports into another registry as the same members, as .xlsx and as .csv', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tochuc-roundtrip-'));
    const before = await membersXlsx({});
    // the formula-like values come back exactly, through .csv too (the import drops the apostrophe)
    expect(recordOf(before.records, 'Nguyễn Văn Một')).toMatchObject(FORMULA_LIKE_CELLS);
    for (const format of ['xlsx', 'csv'] as const) {
      const other = await createTestDatabase();
      try {
        await aSmallTree(other);
        const file = path.join(dir, `members.${format}`);
        await (await exportMembers(db, testActor, { format })).write(fs.createWriteStream(file));
        const result = await importFile(
          other,
          testActor,
          { path: file, fileName: `members.${format}` },
          { kind: 'members' },
        );
        expect(result).toMatchObject({ accepted: 6, rejected: 0 });
        const again = await exportMembers(other, testActor, { format: 'xlsx' });
        const records = sheetRecords(
          (await workbookOf(await bytesOf(again))).worksheets[0] as ExcelJS.Worksheet,
        );
        expect(records).toEqual(before.records);
      } finally {
        await other.dispose();
      }
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }, 60_000);
});

describe('member profile document', () => {
  it('is a .docx "Phiếu đảng viên" with the personal details, Party history and events', async () => {
    const file = await exportMemberProfile(db, testActor, anhId);
    expect(file.fileName).toBe('Phiếu đảng viên - Đỗ Thị Ánh.docx');
    const text = plain(await documentXml(await bytesOf(file)));
    expect(text).toContain('PHIẾU ĐẢNG VIÊN');
    expect(text).toContain('ĐẢNG ỦY XÃ TÂN LẬP');
    expect(text).toContain('Đỗ Thị Ánh');
    expect(text).toContain('03/1990');
    expect(text).toContain('001190012345');
    expect(text).toContain('03/02/2015');
    expect(text).toContain('03/02/2016');
    expect(text).toContain('Kết nạp vào Đảng');
    expect(text).toContain('12-QĐ/ĐU');
    expect(text).toContain('Chi bộ thôn Đông (C11)');
  });
});

describe('quantity-and-quality report', () => {
  it('has one row per direct subordinate unit with the statistics numbers, and the total', async () => {
    const file = await exportReport(db, testActor, { org: 'TW', format: 'xlsx' });
    const ws = (await workbookOf(await bytesOf(file))).worksheets[0];
    if (!ws) throw new Error('no sheet');
    const header = (ws.getRow(4).values as unknown[]).slice(1);
    const sub = (ws.getRow(5).values as unknown[]).slice(1);
    const col = (name: string, row = header) => row.indexOf(name) + 1;
    expect(header.slice(0, 4)).toEqual(['STT', 'Đơn vị', 'Mã', 'Tổng số']);
    const rows = [6, 7, 8].map((n) => ws.getRow(n));
    expect(rows.map((r) => r.getCell(3).value)).toEqual(['P1', 'P2', 'TW']);
    for (const row of rows) {
      const stats = await getStats(db, testActor, { org: String(row.getCell(3).value) });
      expect(row.getCell(col('Tổng số')).value).toBe(stats.total);
      expect(row.getCell(col('Nữ')).value).toBe(stats.bySex.female);
      expect(row.getCell(col('Chính thức', sub)).value).toBe(stats.official);
      expect(row.getCell(col('Dự bị', sub)).value).toBe(stats.probationary);
      expect(row.getCell(col('Dân tộc thiểu số')).value).toBe(
        Object.entries(stats.byEthnicity).reduce((n, [k, v]) => (k === 'Kinh' || k === '—' ? n : n + v), 0),
      );
      expect(row.getCell(col('Trung cấp', sub)).value).toBe(stats.byTheoryLevel['Trung cấp'] ?? 0);
      expect(row.getCell(col('41–50', sub)).value).toBe(stats.byAgeBand['41-50']);
    }
    // P1: Ánh (Tày), Một (Kinh), Hai (Tày); P2: Ba, Bốn (Mường, Công giáo), Năm
    expect(rows[0]?.getCell(col('Dân tộc thiểu số')).value).toBe(2);
    expect(rows[1]?.getCell(col('Có tôn giáo')).value).toBe(1);
  });

  it('as a landscape Word table naming every unit', async () => {
    const file = await exportReport(db, testActor, { org: 'TW', format: 'docx', asOf: '2024-01-01' });
    const xml = await documentXml(await bytesOf(file));
    expect(xml).toContain('w:orient="landscape"');
    const text = plain(xml);
    expect(text).toContain('BÁO CÁO SỐ LƯỢNG, CHẤT LƯỢNG ĐẢNG VIÊN');
    expect(text).toContain('tính đến ngày 01/01/2024');
    expect(text).toContain('Đảng bộ tỉnh Hà Nam');
    expect(text).toContain('Đảng bộ tỉnh Nam Định');
    expect(text).toContain('Lý luận chính trị');
  });
});

describe('HTTP downloads', () => {
  let client: TestClient;
  beforeAll(async () => {
    client = (await signedInApp(db)).client;
  });
  const app = () => client;

  it('names files in Vietnamese (RFC 5987) with an ASCII fallback', () => {
    expect(asciiFileName('Phiếu đảng viên - Đỗ Thị Ánh.docx')).toBe('Phieu-dang-vien-Do-Thi-Anh.docx');
    expect(contentDisposition('Đỗ (1).csv')).toBe(
      `attachment; filename="Do-1.csv"; filename*=UTF-8''%C4%90%E1%BB%97%20%281%29.csv`,
    );
  });

  it('describes every download in the OpenAPI document', async () => {
    const res = await createApp({ database: db, logger: { log: () => {} } }).request('/api/v1/openapi.json');
    const { paths } = (await res.json()) as { paths: Record<string, { get?: { responses: object } }> };
    for (const p of [
      '/exports/members',
      '/exports/members/{id}/profile.docx',
      '/exports/report',
      '/exports/stats.xlsx',
    ]) {
      expect(paths[p]?.get?.responses).toHaveProperty('200');
    }
  });

  it('streams the member list with the list filters', async () => {
    const res = await app().request('/api/v1/exports/members?org=P1&format=csv&sex=female');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain(
      "filename*=UTF-8''Danh%20s%C3%A1ch%20%C4%91%E1%BA%A3ng%20vi%C3%AAn",
    );
    const records = csvRecords(Buffer.from(await res.arrayBuffer()).toString('utf8'));
    expect(records.map((r) => r['Họ và tên'])).toEqual(['Đỗ Thị Ánh', 'Trần Thị Hai']);
  });

  it('serves the profile, the report and the statistics; problems for an unknown unit or format', async () => {
    const profile = await app().request(`/api/v1/exports/members/${anhId}/profile.docx`);
    expect(profile.status).toBe(200);
    expect(profile.headers.get('content-disposition')).toContain(
      'filename="Phieu-dang-vien-Do-Thi-Anh.docx"',
    );
    expect(plain(await documentXml(await profile.arrayBuffer()))).toContain('Đỗ Thị Ánh');
    const report = await app().request('/api/v1/exports/report?org=P1&format=xlsx');
    expect(report.status).toBe(200);
    const stats = await app().request('/api/v1/exports/stats.xlsx?org=P1');
    expect(stats.headers.get('content-disposition')).toMatch(/Thong-ke-dang-vien-P1-\d{4}-\d{2}-\d{2}\.xlsx/);
    const missing = await app().request('/api/v1/exports/report?org=NOPE&format=docx');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toContain('application/problem+json');
    const badFormat = await app().request('/api/v1/exports/members?org=P1&format=pdf');
    expect(badFormat.status).toBe(422);
  });

  it('masks identity numbers for a user who may not see them, as the JSON API does', async () => {
    const app = createApp({ database: db, logger: { log: () => {} } });
    const viewer = await signIn(app, await aUser(db, [{ role: 'viewer', org: 'P1' }]));
    const res = await viewer.request('/api/v1/exports/members?org=P1&format=csv&q=do%20thi%20anh');
    expect(csvRecords(Buffer.from(await res.arrayBuffer()).toString('utf8'))[0]).toMatchObject({
      'Số CCCD': '*********345',
      'Số thẻ đảng viên': '****345',
    });
    const profile = await viewer.request(`/api/v1/exports/members/${anhId}/profile.docx`);
    const text = plain(await documentXml(await profile.arrayBuffer()));
    expect(text).toContain('*********345');
    expect(text).not.toContain('001190012345');
  });
});

describe('statistics workbook', () => {
  it('has a summary and one sheet per breakdown, in Vietnamese, with the registry numbers', async () => {
    const { client } = await signedInApp(db);
    const res = await client.request('/api/v1/exports/stats.xlsx?org=P1');
    expect(res.status).toBe(200);
    const workbook = await workbookOf(await res.arrayBuffer());
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      'Tổng hợp',
      'Giới tính',
      'Độ tuổi',
      'Dân tộc',
      'Tôn giáo',
      'Trình độ học vấn',
      'Lý luận chính trị',
      'Tuổi đảng',
    ]);
    expect(workbook.getWorksheet('Tổng hợp')?.getRow(4).values).toEqual([undefined, 'Tổng số đảng viên', 3]);
    const rows = workbook
      .getWorksheet('Dân tộc')
      ?.getSheetValues()
      .slice(2)
      .map((r) => (r as unknown[]).slice(1, 3));
    expect(rows).toEqual(
      expect.arrayContaining([
        ['Kinh', 1],
        ['Tày', 2],
      ]),
    );
  });
});

describe('tochuc export', () => {
  let dir: string;
  const data = () => ['--data', path.join(dir, 'data')];

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tochuc-export-'));
    const database = await openDatabase({ dataDir: path.join(dir, 'data') });
    try {
      await migrate(database);
      await aSmallTree(database);
      await addMembers(database, [ANH, { fullName: 'Lê Văn Ba', cellCode: 'C21' }]);
    } finally {
      await database.close();
    }
  }, 120_000);

  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('writes the member list and the report to files', async () => {
    const csv = path.join(dir, 'p1.csv');
    const members = await runCli([
      'export',
      'members',
      '--org',
      'P1',
      '--format',
      'csv',
      '--out',
      csv,
      ...data(),
    ]);
    expect(members.code).toBe(0);
    expect(members.stdout).toContain('1 dòng / rows');
    expect(csvRecords(fs.readFileSync(csv, 'utf8'))[0]).toMatchObject({ 'Số CCCD': '001190012345' });
    const xlsx = path.join(dir, 'report.xlsx');
    const report = await runCli([
      'export',
      'report',
      '--org',
      'TW',
      '--format',
      'xlsx',
      '--out',
      xlsx,
      ...data(),
    ]);
    expect(report.code).toBe(0);
    const ws = (await workbookOf(fs.readFileSync(xlsx))).worksheets[0];
    expect([6, 7].map((n) => ws?.getRow(n).getCell(4).value)).toEqual([1, 1]);
  }, 180_000);

  it('fails in both languages, non-zero, leaving no file, for a bad format or an unknown unit', async () => {
    const out = path.join(dir, 'bad.xlsx');
    const format = await runCli(['export', 'members', '--format', 'pdf', '--out', out, ...data()]);
    expect(format.code).not.toBe(0);
    expect(format.stderr).toMatch(/Lỗi \[format\]: .*xlsx, csv/);
    expect(format.stderr).toMatch(/Error \[format\]: .*xlsx, csv/);
    const unit = await runCli([
      'export',
      'report',
      '--org',
      'NOPE',
      '--format',
      'docx',
      '--out',
      out,
      ...data(),
    ]);
    expect(unit.code).not.toBe(0);
    expect(unit.stderr).toContain('Không tìm thấy tổ chức có mã "NOPE"');
    expect(unit.stderr).toContain('No organization with code "NOPE"');
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.existsSync(`${out}.part`)).toBe(false);
  }, 180_000);
});
