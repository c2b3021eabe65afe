import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/test-database.ts';
import { createApp } from '../../server/app.ts';
import { addMembers } from '../members/members.fixtures.ts';
import { aSmallTree } from '../orgs/orgs.fixtures.ts';

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
  await aSmallTree(db);
  await addMembers(db, [
    { fullName: 'Nguyễn Văn Một', cellCode: 'C11', ethnicity: 'Kinh' },
    { fullName: 'Trần Thị Hai', sex: 'female', cellCode: 'C12', ethnicity: 'Tày' },
  ]);
});

afterAll(async () => {
  await db?.dispose();
});

describe('statistics workbook', () => {
  it('has a summary and one sheet per breakdown, in Vietnamese, with the registry numbers', async () => {
    const app = createApp({ database: db, logger: { log: () => {} } });
    const res = await app.request('/api/v1/exports/stats.xlsx?org=P1');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/thong-ke-P1-\d{4}-\d{2}-\d{2}\.xlsx/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
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
    const summary = workbook.getWorksheet('Tổng hợp');
    expect(summary?.getRow(4).values).toEqual([undefined, 'Tổng số đảng viên', 2]);
    const ethnic = workbook.getWorksheet('Dân tộc');
    const rows = ethnic
      ?.getSheetValues()
      .slice(2)
      .map((r) => (r as unknown[]).slice(1, 3));
    expect(rows).toEqual(
      expect.arrayContaining([
        ['Kinh', 1],
        ['Tày', 1],
      ]),
    );
  });
});
