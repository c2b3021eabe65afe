/**
 * The yearly series of a subtree, from the kept counts, against counts made by hand on a small
 * history (and against the registry's answer for each 31/12).
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayVn } from '../../core/dates.ts';
import { AppError } from '../../core/errors.ts';
import { createTestDatabase, type TestDatabase } from '../../db/test-database.ts';
import { aSmallTree, testActor } from '../orgs/orgs.fixtures.ts';
import * as orgs from '../orgs/orgs.service.ts';
import { addMembers } from './members.fixtures.ts';
import * as members from './members.service.ts';

let db: TestDatabase;
const ids: Record<string, number> = {};
const thisYear = Number(todayVn().slice(0, 4));

/**
 * G1 (province P1) has the cells C11 and C12; C21 is in P2. Every cell founded 01/01/2000.
 *   A  admitted 19/05/2010 in C11, official 19/05/2011
 *   F  admitted 01/07/2015 in C11, official 01/07/2016, sent to C21 on 01/02/2018 (received 10/02/2018)
 *   B  admitted 01/03/2016 in C11, official 01/03/2017
 *   C  admitted 10/06/2017 in C12, official 10/06/2018, died 01/08/2019
 *   D  admitted 01/09/2018 in C21, official 01/09/2019, sent to C12 on 01/11/2019 (received 15/01/2020)
 *   E  admitted 20/12/2019 in C12, probationary (recognised later in a test)
 */
beforeAll(async () => {
  db = await createTestDatabase();
  await aSmallTree(db);
  const people = {
    A: { admissionDate: '2010-05-19', officialDate: '2011-05-19', cellCode: 'C11' },
    F: { admissionDate: '2015-07-01', officialDate: '2016-07-01', cellCode: 'C11' },
    B: { admissionDate: '2016-03-01', officialDate: '2017-03-01', cellCode: 'C11' },
    C: { admissionDate: '2017-06-10', officialDate: '2018-06-10', cellCode: 'C12' },
    D: { admissionDate: '2018-09-01', officialDate: '2019-09-01', cellCode: 'C21' },
    E: { admissionDate: '2019-12-20', officialDate: undefined, cellCode: 'C12' },
  };
  const added = await addMembers(
    db,
    Object.entries(people).map(([name, p]) => ({ fullName: `Người Thử ${name}`, ...p })),
  );
  for (const [i, name] of Object.keys(people).entries()) ids[name] = added[i] as number;
  const id = (name: string) => ids[name] as number;
  await members.transferOut(db, testActor, id('F'), { toCellCode: 'C21', date: '2018-02-01' });
  await members.receiveTransfer(db, testActor, id('F'), { date: '2018-02-10' });
  await members.recordLeave(db, testActor, id('C'), { kind: 'death', date: '2019-08-01' });
  await members.transferOut(db, testActor, id('D'), { toCellCode: 'C12', date: '2019-11-01' });
  await members.receiveTransfer(db, testActor, id('D'), { date: '2020-01-15' });
});

afterAll(async () => {
  await db?.dispose();
});

type Row = [year: number, total: number, official: number, admitted: number, atStart: number];

async function series(org: string, from = 2015, to = 2020): Promise<Row[]> {
  const answer = await members.getStatsSeries(db, testActor, { org, from, to });
  for (const p of answer.points) expect(p.probationary).toBe(p.total - p.official);
  return answer.points.map((p) => [p.year, p.total, p.official, p.admitted, p.membersAtStart]);
}

describe('yearly series', () => {
  it('counts the members of a grassroots committee on each 31/12, those who left or moved included', async () => {
    expect(await series('G1')).toEqual([
      // A official, F probationary; F admitted; A alone at the start
      [2015, 2, 1, 1, 1],
      [2016, 3, 2, 1, 2], // + B (probationary); F official
      [2017, 4, 3, 1, 3], // + C (probationary); B official
      [2018, 3, 3, 0, 4], // F sent away in February; C official; D admitted in P2, not here
      [2019, 3, 2, 1, 3], // C died in August; D in transit on 31/12; + E (probationary)
      [2020, 4, 3, 0, 3], // + D received in January, official since 2019
    ]);
  });

  it('gives a province from its committee totals and the root from every province', async () => {
    expect(await series('P1')).toEqual(await series('G1'));
    expect(await series('P2')).toEqual([
      [2015, 0, 0, 0, 0],
      [2016, 0, 0, 0, 0],
      [2017, 0, 0, 0, 0],
      [2018, 2, 1, 1, 0], // F received in February (official), D admitted in September
      [2019, 1, 1, 0, 2], // D sent away in November
      [2020, 1, 1, 0, 1],
    ]);
    expect(await series('TW')).toEqual([
      [2015, 2, 1, 1, 1],
      [2016, 3, 2, 1, 2],
      [2017, 4, 3, 1, 3],
      [2018, 5, 4, 1, 4],
      [2019, 4, 3, 1, 5], // C died, D in transit
      [2020, 5, 4, 0, 4],
    ]);
  });

  it('rates the admissions against the members at the start of the year and the year’s target', async () => {
    await sql`INSERT INTO admission_target (year, min_rate, max_rate) VALUES (2016, 0.05, 0.06)`.execute(
      db.db,
    );
    const answer = await members.getStatsSeries(db, testActor, { org: 'G1', from: 2015, to: 2017 });
    expect(answer.points.map((p) => [p.year, p.asOf, p.admissionRate, p.admissionTarget])).toEqual([
      [2015, '2015-12-31', 1, { min: 0.03, max: 0.04 }],
      [2016, '2016-12-31', 0.5, { min: 0.05, max: 0.06 }],
      [2017, '2017-12-31', 0.3333, { min: 0.03, max: 0.04 }],
    ]);
  });

  it('agrees with the registry on every past 31/12 and with today’s statistics for this year', async () => {
    for (const org of ['TW', 'P1', 'G1', 'C12', 'P2']) {
      const answer = await members.getStatsSeries(db, testActor, { org, from: 2009 });
      for (const p of answer.points) {
        const stats = await members.getStats(db, testActor, { org, asOf: p.asOf });
        expect([org, p.year, p.total, p.official, p.probationary]).toEqual([
          org,
          p.year,
          stats.total,
          stats.official,
          stats.probationary,
        ]);
      }
      expect(answer.points.at(-1)?.asOf).toBe(todayVn());
      expect(answer.points).toHaveLength(thisYear - 2009 + 1);
    }
  });

  it('follows a recognition into every year since the official date', async () => {
    const before = await series('G1', 2019, 2021);
    await members.recognizeMember(db, testActor, ids.E as number, { date: '2021-01-05' });
    // official from the end of the 12 months: 20/12/2020
    expect(await series('G1', 2019, 2021)).toEqual([before[0], [2020, 4, 4, 0, 3], [2021, 4, 4, 0, 4]]);
  });

  it('keeps the history of cells merged since with the committee they were in', async () => {
    const before = await series('G1', 2015, 2021);
    await orgs.mergeOrgs(db, testActor, {
      fromCodes: ['C11', 'C12'],
      intoCode: 'C10',
      name: 'Chi bộ thôn Đông Đoài',
      kind: 'cell',
      date: '2022-03-01',
    });
    expect(await series('G1', 2015, 2021)).toEqual(before);
    expect(await series('P1', 2015, 2021)).toEqual(before);
    expect((await series('C10', 2021, 2023)).map(([year, total]) => [year, total])).toEqual([
      [2021, 0],
      [2022, 4],
      [2023, 4],
    ]);
  });

  it('defaults to the ten years before this one and refuses years out of order or to come', async () => {
    const answer = await members.getStatsSeries(db, testActor, { org: 'G1' });
    expect(answer.points.map((p) => p.year)).toEqual(Array.from({ length: 11 }, (_, i) => thisYear - 10 + i));
    for (const years of [{ from: 2020, to: 2019 }, { to: thisYear + 1 }, { from: 1900, to: 2020 }]) {
      const err = await members.getStatsSeries(db, testActor, { org: 'G1', ...years }).catch((e) => e);
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe('member.stats.series_years');
    }
  });
});
