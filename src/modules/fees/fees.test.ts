import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayVn } from '../../core/dates.ts';
import { AppError } from '../../core/errors.ts';
import { createTestDatabase, type TestDatabase } from '../../db/test-database.ts';
import { addMembers } from '../members/members.fixtures.ts';
import { aSmallTree, testActor } from '../orgs/orgs.fixtures.ts';
import * as fees from './fees.service.ts';

let db: TestDatabase;
let worker: number;
let veteran: number;

beforeAll(async () => {
  db = await createTestDatabase();
  await aSmallTree(db);
  [worker, veteran] = (await addMembers(db, [
    { fullName: 'Đinh Văn Lương', cellCode: 'C21', admissionDate: '2010-05-19', officialDate: '2011-05-19' },
    {
      fullName: 'Đinh Văn Lão',
      cellCode: 'C21',
      birthDate: '1950-01-01',
      admissionDate: '1970-03-01',
      officialDate: '1971-03-01',
    },
  ])) as [number, number];
});

afterAll(async () => {
  await db?.dispose();
});

describe('Party fees', () => {
  it('computes 1 % of the social-insurance salary, records payments once, and warns after 3 unpaid months', async () => {
    await fees.setFeeSetting(db, testActor, worker, { category: 'social_insurance', base: 8_500_000 });
    const paid = await fees.recordPayments(db, testActor, worker, {
      months: ['2026-03', '2026-04'],
      paidOn: '2026-04-05',
    });
    expect(paid.months.find((m) => m.month === '2026-03')).toMatchObject({
      due: 85_000,
      paid: 85_000,
      paidOn: '2026-04-05',
    });
    // January under the 2010 regime: also 1 %
    expect(paid.months[0]).toMatchObject({ month: '2026-01', due: 85_000, paid: null });
    const again = await fees
      .recordPayments(db, testActor, worker, { months: ['2026-05', '2026-04'], paidOn: '2026-05-05' })
      .catch((e: unknown) => e);
    expect((again as AppError).code).toBe('fee.already_paid');
    // all or none: May was not recorded either
    const account = await fees.feeAccount(db, testActor, worker, 2026);
    expect(account.months.find((m) => m.month === '2026-05')?.paid).toBeNull();
    if (todayVn() >= '2026-06-01') expect(account.warning?.vi).toContain('xóa tên');
  });

  it('exempts 50 years of Party age from 2026 and leaves them out of the arrears', async () => {
    await fees.setFeeSetting(db, testActor, veteran, { category: 'pension', base: 6_000_000 });
    const account = await fees.feeAccount(db, testActor, veteran, 2026);
    expect(account.months.find((m) => m.month === '2026-03')).toMatchObject({ due: 0, exempt: true });
    expect(account.months.find((m) => m.month === '2026-01')).toMatchObject({ due: 30_000, exempt: false });
    const arrears = await fees.feeArrears(db, testActor, { org: 'P2', year: 2026 });
    expect(arrears.results.map((r) => r.id)).toContain(worker);
    expect(arrears.results.map((r) => r.id)).not.toContain(veteran);
  });

  it('refuses payments before a setting exists', async () => {
    const [fresh] = await addMembers(db, [{ fullName: 'Đinh Thị Mới', sex: 'female', cellCode: 'C21' }]);
    const err = await fees
      .recordPayments(db, testActor, fresh as number, { months: ['2026-01'], paidOn: '2026-01-10' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('fee.no_setting');
  });
});
