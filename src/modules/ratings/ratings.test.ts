import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppError } from '../../core/errors.ts';
import { createTestDatabase, type TestDatabase } from '../../db/test-database.ts';
import { addMembers } from '../members/members.fixtures.ts';
import { aSmallTree, testActor } from '../orgs/orgs.fixtures.ts';
import * as ratings from './ratings.service.ts';

let db: TestDatabase;
let ids: number[];

beforeAll(async () => {
  db = await createTestDatabase();
  await aSmallTree(db);
  ids = await addMembers(db, [
    { fullName: 'Kiều Văn Giỏi', cellCode: 'C11' },
    { fullName: 'Kiều Văn Khá', cellCode: 'C11' },
    {
      fullName: 'Kiều Văn Mới',
      cellCode: 'C11',
      admissionDate: '2025-09-01',
      officialDate: undefined,
      birthDate: '2000-01-01',
    },
    {
      fullName: 'Kiều Văn Già',
      cellCode: 'C11',
      birthDate: '1940-01-01',
      admissionDate: '1965-01-01',
      officialDate: '1966-01-01',
    },
  ]);
});

afterAll(async () => {
  await db?.dispose();
});

const code = async (p: Promise<unknown>) => ((await p.catch((e: unknown) => e)) as AppError).code;

describe('annual quality rating (Reg 366-QĐ/TW)', () => {
  it('derives the level from the score on the 90 / 70 / 50 boundaries', async () => {
    const [excellent, good] = ids as [number, number];
    expect(
      (await ratings.rateMember(db, testActor, excellent, { year: 2025, score: 90, date: '2025-12-20' }))
        .level,
    ).toBe('excellent');
    expect(
      (await ratings.rateMember(db, testActor, good, { year: 2025, score: 89.5, date: '2025-12-20' })).level,
    ).toBe('good');
    expect(
      await code(ratings.rateMember(db, testActor, good, { year: 2025, score: 95, date: '2025-12-21' })),
    ).toBe('rating.already_rated');
    expect(
      await code(ratings.rateMember(db, testActor, good, { year: 2026, level: 'good', date: '2026-12-21' })),
    ).toBe('rating.invalid');
    expect(
      (await ratings.rateMember(db, testActor, good, { year: 2024, level: 'good', date: '2024-12-21' }))
        .level,
    ).toBe('good');
  });

  it('does not rate a member admitted under 6 months ago, nor one exempt from activities', async () => {
    const [, , recent, old] = ids as [number, number, number, number];
    const fresh = await ratings.rateMember(db, testActor, recent, {
      year: 2025,
      score: 80,
      date: '2025-12-20',
    });
    expect(fresh).toMatchObject({ level: null, score: null, exemption: { code: 'admitted_under_6_months' } });
    await ratings.exemptFromActivities(db, testActor, old, { date: '2020-01-01', reason: 'old_age' });
    const exempt = await ratings.rateMember(db, testActor, old, {
      year: 2025,
      score: 80,
      date: '2025-12-20',
    });
    expect(exempt.exemption?.code).toBe('exempt_from_activities');
    const summary = await ratings.ratingSummary(db, testActor, { org: 'G1', year: 2025 });
    expect(summary).toMatchObject({
      members: 4,
      byLevel: { excellent: 1, good: 1, completed: 0, not_completed: 0 },
      exempt: 2,
      notRatedYet: 0,
    });
  });
});
