import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChainEntry, entryHash } from '../../core/audit-chain.ts';
import { createTestDatabase, type TestDatabase } from '../../db/test-database.ts';
import { inTransaction, type Tx } from '../../db/transaction.ts';
import { createCandidate } from '../admissions/admissions.service.ts';
import { exportMemberProfile } from '../exports/exports.service.ts';
import { setFeeSetting } from '../fees/fees.service.ts';
import { addMembers } from '../members/members.fixtures.ts';
import { getMemberProfile, recordLeave, searchMembers } from '../members/members.service.ts';
import { aSmallTree, testActor } from '../orgs/orgs.fixtures.ts';
import { renameOrg } from '../orgs/orgs.service.ts';
import { rateMember } from '../ratings/ratings.service.ts';
import * as repo from './audit.repository.ts';
import { listAudit, recordAudit, verifyAudit } from './audit.service.ts';

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
});

afterAll(async () => {
  await db?.dispose();
});

const record = (entry: Parameters<typeof recordAudit>[1], actor = testActor) =>
  inTransaction(db.db, actor, (tx) => recordAudit(tx, entry));

/** Tampering as a superuser would: with the append-only triggers off for one transaction. */
const tamper = (work: (tx: Tx) => Promise<unknown>) =>
  db.db.transaction().execute(async (tx) => {
    await sql`SET LOCAL session_replication_role = replica`.execute(tx);
    await work(tx);
  });

/** The row as JSON text (microseconds kept), to put it back after tampering. */
async function rowOf(id: number): Promise<string> {
  const result = await sql<{
    row: string;
  }>`SELECT row_to_json(a)::text AS row FROM audit_log a WHERE id = ${id}`.execute(db.db);
  return result.rows[0]?.row as string;
}

async function lastIds(n: number): Promise<number[]> {
  const rows = await sql<{
    id: number;
  }>`SELECT id::float8 AS id FROM audit_log ORDER BY id DESC LIMIT ${n}`.execute(db.db);
  return rows.rows.map((r) => r.id).reverse();
}

describe('audit log', () => {
  it('records who, what and which records, chained to the previous entry', async () => {
    await record({ action: 'member.profile_read', entity: 'member', ids: [42], ip: '10.1.2.3' });
    await record({ action: 'org.rename', entity: 'org_unit', ids: [1, 'P1'], details: { name: 'Hà Nam' } });
    const page = await listAudit(db, testActor, { limit: 2 });
    expect(page.entries.map((e) => [e.actor, e.action, e.ids, e.ip, e.details])).toEqual([
      ['test:runner', 'org.rename', ['1', 'P1'], null, { name: 'Hà Nam' }],
      ['test:runner', 'member.profile_read', ['42'], '10.1.2.3', null],
    ]);
    const [first, second] = await repo.chainPage(db.db, null, 2);
    expect(second?.prevHash).toBe(first?.hash);
    expect(await verifyAudit(db, testActor)).toMatchObject({ intact: true, broken: null });
  });

  it('takes the client address from the transaction when the entry has none', async () => {
    await db.db.transaction().execute(async (tx) => {
      await sql`SELECT set_config('tochuc.actor', 'user:lan', true), set_config('tochuc.ip', '192.0.2.7', true)`.execute(
        tx,
      );
      await recordAudit(tx, { action: 'auth.login' });
    });
    const [entry] = (await listAudit(db, testActor, { limit: 1 })).entries;
    expect(entry).toMatchObject({ actor: 'user:lan', ip: '192.0.2.7', action: 'auth.login' });
  });

  it('hashes in the database exactly as src/core recomputes, whatever the text', async () => {
    const text = fc.string({ unit: 'binary', maxLength: 20 }).map((s) => s.replace(/\0/g, ''));
    await fc.assert(
      fc.asyncProperty(
        text,
        fc.array(text, { maxLength: 3 }),
        fc.dictionary(
          text,
          fc.oneof(text, fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean()),
        ),
        async (action, ids, details) => {
          await record({ action: action || 'x', entity: action, ids, details });
          const [last] = await lastIds(1);
          const [entry] = await repo.chainPage(db.db, String((last as number) - 1), 1);
          expect(entryHash(entry as ChainEntry)).toBe(entry?.hash);
        },
      ),
      { numRuns: 40 },
    );
    expect((await verifyAudit(db, testActor)).intact).toBe(true);
  });

  it('refuses UPDATE, DELETE and TRUNCATE, even to the owner', async () => {
    const [id] = await lastIds(1);
    for (const statement of [
      sql`UPDATE audit_log SET actor = 'user:nobody' WHERE id = ${id}`,
      sql`DELETE FROM audit_log WHERE id = ${id}`,
      sql`TRUNCATE audit_log`,
    ]) {
      await expect(statement.execute(db.db)).rejects.toThrow(/append-only/);
    }
    expect(await rowOf(id as number)).toContain('"hash"');
  });

  it('records one entry per change, profile read and export, with the ids, and none for lists', async () => {
    const since = (await lastIds(1))[0] ?? 0;
    await aSmallTree(db);
    const [id, other] = (await addMembers(db, [{ cellCode: 'C11' }, { cellCode: 'C12' }])) as [
      number,
      number,
    ];
    await renameOrg(db, testActor, { code: 'C12', name: 'Chi bộ thôn Đoài Mới', date: '2020-01-01' });
    await setFeeSetting(db, testActor, id, { category: 'social_insurance', base: 8_000_000 });
    await rateMember(db, testActor, id, { year: 2024, level: 'good', date: '2024-12-20' });
    await createCandidate(db, testActor, {
      cellCode: 'C11',
      fullName: 'Phạm Thị Hoa',
      birthDate: '2000-03-04',
      sex: 'female',
    });
    await recordLeave(db, testActor, other, { kind: 'resignation', date: '2025-01-02' });
    await searchMembers(db, testActor, { org: 'TW' });
    await exportMemberProfile(db, testActor, id);
    const missing = await getMemberProfile(db, testActor, 9_999_999).catch((e: unknown) => e);
    expect(missing).toMatchObject({ code: 'member.not_found' });

    const entries = (await listAudit(db, testActor, { limit: 500 })).entries
      .filter((e) => e.id > since)
      .reverse();
    const byAction = (action: string) => entries.filter((e) => e.action === action).map((e) => e.ids);
    expect(byAction('org.create')).toHaveLength(9);
    expect(byAction('member.add')).toEqual([[String(id)], [String(other)]]);
    expect(byAction('org.rename')).toHaveLength(1);
    expect(byAction('fee.setting')).toEqual([[String(id)]]);
    expect(byAction('rating.rate')).toEqual([[String(id)]]);
    expect(byAction('admission.create')).toHaveLength(1);
    expect(byAction('member.leave')).toEqual([[String(other)]]);
    expect(byAction('export.member_profile')).toEqual([[String(id)]]);
    // the change answers with the profile, the export reads it: both are reads of it
    expect(byAction('member.profile_read')).toEqual([[String(other)], [String(id)]]);
    expect(byAction('member.profile_read_denied')).toEqual([['9999999']]);
    expect(entries.some((e) => e.action.startsWith('member.search'))).toBe(false);
    expect(entries.every((e) => e.actor === testActor.id)).toBe(true);
  });

  it('filters by actor, action prefix, record and Vietnam days, page by page', async () => {
    await record({ action: 'member.profile_read', entity: 'member', ids: [77] }, { id: 'user:kiemtoan' });
    await record({ action: 'member.profile_read', entity: 'member', ids: [78] }, { id: 'user:kiemtoan' });
    const mine = await listAudit(db, testActor, { actor: 'kiemtoan', action: 'member', limit: 1 });
    expect(mine.entries.map((e) => e.ids)).toEqual([['78']]);
    const next = await listAudit(db, testActor, { actor: 'kiemtoan', limit: 1, before: mine.next ?? 0 });
    expect(next).toMatchObject({ entries: [{ ids: ['77'] }], next: null });
    expect((await listAudit(db, testActor, { entity: 'member', recordId: '77' })).entries).toHaveLength(1);
    expect((await listAudit(db, testActor, { action: 'member.profile' })).entries).toHaveLength(0);
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    expect(
      (await listAudit(db, testActor, { actor: 'user:kiemtoan', from: today, to: today })).entries,
    ).toHaveLength(2);
    expect(
      (await listAudit(db, testActor, { actor: 'user:kiemtoan', to: '2020-01-01' })).entries,
    ).toHaveLength(0);
  });

  describe('verify finds tampering', () => {
    it('an edited entry, at that entry', async () => {
      const [, id] = await lastIds(3);
      const original = await rowOf(id as number);
      await tamper((tx) => sql`UPDATE audit_log SET actor = 'user:innocent' WHERE id = ${id}`.execute(tx));
      expect((await verifyAudit(db, testActor)).broken).toMatchObject({ id: String(id), reason: 'hash' });
      // re-hashing the edited entry moves the break to the next link
      await tamper((tx) =>
        sql`UPDATE audit_log SET hash = encode(sha256(convert_to(audit_canonical(id, at, actor, ip, action, entity,
          ids, details, prev_hash), 'UTF8')), 'hex') WHERE id = ${id}`.execute(tx),
      );
      expect((await verifyAudit(db, testActor)).broken).toMatchObject({
        id: String((id as number) + 1),
        reason: 'link',
      });
      await tamper(async (tx) => {
        await sql`DELETE FROM audit_log WHERE id = ${id}`.execute(tx);
        await sql`INSERT INTO audit_log SELECT * FROM json_populate_record(null::audit_log, ${original}::json)`.execute(
          tx,
        );
      });
      expect((await verifyAudit(db, testActor)).intact).toBe(true);
    });

    it('a deleted entry, at the one after it', async () => {
      const [, id, next] = await lastIds(3);
      const original = await rowOf(id as number);
      await tamper((tx) => sql`DELETE FROM audit_log WHERE id = ${id}`.execute(tx));
      const result = await verifyAudit(db, testActor);
      expect(result).toMatchObject({ intact: false, broken: { id: String(next), reason: 'link' } });
      await tamper((tx) =>
        sql`INSERT INTO audit_log SELECT * FROM json_populate_record(null::audit_log, ${original}::json)`.execute(
          tx,
        ),
      );
      expect((await verifyAudit(db, testActor)).intact).toBe(true);
    });

    it('two entries swapped, at the first of them', async () => {
      const [a, b] = await lastIds(2);
      const swap = () =>
        tamper(async (tx) => {
          await sql`UPDATE audit_log SET id = -1 WHERE id = ${a}`.execute(tx);
          await sql`UPDATE audit_log SET id = ${a} WHERE id = ${b}`.execute(tx);
          await sql`UPDATE audit_log SET id = ${b} WHERE id = -1`.execute(tx);
        });
      await swap();
      expect((await verifyAudit(db, testActor)).broken).toMatchObject({ id: String(a), reason: 'link' });
      await swap();
      expect((await verifyAudit(db, testActor)).intact).toBe(true);
    });
  });
});
