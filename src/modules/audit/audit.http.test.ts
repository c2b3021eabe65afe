/** The audit log over HTTP: signed-in reads leave entries, the auditor (only) browses and verifies. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../db/test-database.ts';
import { createApp } from '../../server/app.ts';
import { aUser, signIn, type TestClient } from '../auth/auth.fixtures.ts';
import { addMembers } from '../members/members.fixtures.ts';
import { aSmallTree } from '../orgs/orgs.fixtures.ts';
import type { AuditPage, AuditVerification } from './audit.schemas.ts';

let db: TestDatabase;
let auditor: TestClient;
let officer: TestClient;
let officerName: string;
let own: number;
let foreign: number;

beforeAll(async () => {
  db = await createTestDatabase();
  await aSmallTree(db);
  [own, foreign] = (await addMembers(db, [{ cellCode: 'C11' }, { cellCode: 'C21' }])) as [number, number];
  const app = createApp({ database: db, logger: { log: () => {} } });
  officerName = await aUser(db, [{ role: 'org_officer', org: 'P1' }]);
  officer = await signIn(app, officerName);
  auditor = await signIn(app, await aUser(db, [{ role: 'auditor', org: 'TW' }]));
});

afterAll(async () => {
  await db?.dispose();
});

describe('audit over HTTP', () => {
  it("shows the auditor an officer's profile read and a refused one, as that user", async () => {
    expect((await officer.json('GET', `/api/v1/members/${own}`)).status).toBe(200);
    expect((await officer.json('GET', `/api/v1/members/${foreign}`)).status).toBe(404);
    const { status, body } = await auditor.json<AuditPage>(
      'GET',
      `/api/v1/audit?actor=${officerName}&action=member&limit=10`,
    );
    expect(status).toBe(200);
    expect(body.entries.map((e) => [e.action, e.ids])).toEqual([
      ['member.profile_read_denied', [String(foreign)]],
      ['member.profile_read', [String(own)]],
    ]);
    expect(body.entries[0]?.actor).toBe(`user:${officerName}`);
  });

  it('pages with the keyset and verifies the chain', async () => {
    const first = await auditor.json<AuditPage>('GET', '/api/v1/audit?limit=2');
    expect(first.body.entries).toHaveLength(2);
    const second = await auditor.json<AuditPage>('GET', `/api/v1/audit?limit=2&before=${first.body.next}`);
    expect(second.body.entries[0]?.id).toBeLessThan(first.body.entries[1]?.id ?? 0);
    const verified = await auditor.json<AuditVerification>('GET', '/api/v1/audit/verify');
    expect(verified.body).toMatchObject({ intact: true, broken: null });
  });

  it("is the auditor's: an officer may not read it", async () => {
    expect((await officer.json('GET', '/api/v1/audit')).status).toBe(403);
    expect((await officer.json('GET', '/api/v1/audit/verify')).status).toBe(403);
  });
});
