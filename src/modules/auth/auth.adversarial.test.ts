/**
 * The adversarial suite, generated from the app's route table: every `/api/v1` endpoint (a new
 * one is picked up by itself) is called with no session, an expired session, a missing CSRF
 * token, a role that lacks its permission, and a grant on a sibling and on a child subtree of
 * the records it names. Each must be refused, and no answer, error or count may carry a foreign
 * record. Then SQL injection strings in every parameter, oversized and malformed bodies.
 */
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { type Permission, ROLES, type Role, roleAllows } from '../../core/access.ts';
import { todayVn } from '../../core/dates.ts';
import { createTestDatabase } from '../../db/test-database.ts';
import { inTransaction, systemActor } from '../../db/transaction.ts';
import { createApp } from '../../server/app.ts';
import { CSRF_HEADER, permissionFor, SESSION_COOKIE } from '../../server/session.ts';
import { aDocument, aRegulationText } from '../documents/documents.fixtures.ts';
import * as documents from '../documents/documents.service.ts';
import { addMembers } from '../members/members.fixtures.ts';
import { aSmallTree } from '../orgs/orgs.fixtures.ts';
import { aUser } from './auth.fixtures.ts';
import * as repo from './auth.repository.ts';

// ——— The world: P1 and P2 are siblings under TW; G2 is a child of P2; GC1 (in P2, not under G2)
// and its member, a document it issued, a question it sent and a task assigned to it are the
// foreign records every attack aims at. ———

const db = await createTestDatabase();
await aSmallTree(db);
const FOREIGN = {
  unit: 'GC1',
  memberName: 'Hoàng Thị Bí Mật',
  nationalId: '079190000042',
  unitName: 'Chi bộ Trường Tiểu học Lê Lợi',
  parentName: 'Đảng bộ tỉnh Nam Định',
};
const [foreignMember] = await addMembers(db, [
  { cellCode: FOREIGN.unit, fullName: FOREIGN.memberName, nationalId: FOREIGN.nationalId, sex: 'female' },
]);
await addMembers(db, [{ cellCode: 'C11' }, { cellCode: 'C21' }]);
const foreignDocument = await documents.createDocument(db, systemActor(), {
  ...aDocument({ number: '7-NQ/ĐU', title: `Nghị quyết của ${FOREIGN.unitName}` }),
  issuer: FOREIGN.unit,
});
const centralDocument = await documents.createDocument(db, systemActor(), aDocument());
const foreignQuestion = await documents.createQuestion(db, systemActor(), {
  sender: FOREIGN.unit,
  receivedDate: todayVn(),
  text: `${FOREIGN.unitName} hỏi về ${aRegulationText('x').slice(0, 40)}`,
  targets: [{ number: centralDocument.number, provision: null }],
});
const foreignTask = await documents.createTask(db, systemActor(), centralDocument.number, {
  unitCode: FOREIGN.unit,
  title: `${FOREIGN.unitName} triển khai quy định`,
  dueDate: todayVn(),
});
const app = createApp({ database: db, logger: { log: () => {} } });

afterAll(async () => {
  await db.dispose();
});

/** Administrators of a subtree: every permission, so only the scope can stop them. */
const ATTACKERS = {
  sibling: await aUser(db, [{ role: 'admin', org: 'P1' }], 'sibling-admin'),
  child: await aUser(db, [{ role: 'admin', org: 'G2' }], 'child-admin'),
  admin: await aUser(db, [{ role: 'admin', org: null }], 'root-admin'),
};
/** One account per role, over the whole tree: a refusal can only come from the role. */
const BY_ROLE = Object.fromEntries(
  await Promise.all(ROLES.map(async (role) => [role, await aUser(db, [{ role, org: 'TW' }], `any-${role}`)])),
) as Record<Role, string>;

const userIds = new Map<string, number>();
await inTransaction(db.db, systemActor(), async (tx) => {
  for (const name of [...Object.values(ATTACKERS), ...Object.values(BY_ROLE)]) {
    const user = await repo.findUserByName(tx, name);
    if (user) userIds.set(name, user.id);
  }
  // administrators have enrolled TOTP: their sessions are not held at the setup step
  for (const name of [...Object.values(ATTACKERS), BY_ROLE.admin]) {
    await repo.setTotpPending(tx, userIds.get(name) as number, 'JBSWY3DPEHPK3PXP');
    await repo.confirmTotp(tx, userIds.get(name) as number);
  }
});

interface TestSession {
  cookie: string;
  csrf: string;
}

/** A fresh session straight in the table (no password hashing: hundreds of cases). */
async function sessionOf(username: string, expired = false): Promise<TestSession> {
  const token = randomBytes(32).toString('base64url');
  const csrf = randomBytes(16).toString('hex');
  await inTransaction(db.db, systemActor(), (tx) =>
    repo.insertSession(tx, {
      tokenHash: createHash('sha256').update(token).digest('hex'),
      userId: userIds.get(username) as number,
      csrfToken: csrf,
      expiresAt: new Date(Date.now() + (expired ? -60_000 : 3_600_000)),
      ip: null,
    }),
  );
  return { cookie: `${SESSION_COOKIE}=${token}`, csrf };
}

// ——— The route table, and requests built from the OpenAPI description ———

interface Endpoint {
  method: string;
  path: string;
}

const endpoints: Endpoint[] = [
  ...new Map(
    app.routes
      .filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/v1/') && r.path !== '/api/v1/openapi.json')
      .map((r) => [`${r.method} ${r.path}`, { method: r.method, path: r.path }]),
  ).values(),
];

type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  format?: string;
  pattern?: string;
  minimum?: number;
};
interface Operation {
  parameters?: { name: string; in: string; schema?: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}
const spec = (await (await app.request('/api/v1/openapi.json')).json()) as {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, JsonSchema> };
};

const operationOf = (e: Endpoint): Operation | undefined =>
  spec.paths[e.path.replace('/api/v1', '').replace(/:(\w+)/g, '{$1}')]?.[e.method.toLowerCase()];

/** A plausible value for a field, pointing at the foreign records wherever a unit or member is named. */
function valueFor(name: string, schema: JsonSchema | undefined, attack?: string): unknown {
  const s = resolve(schema);
  if (s.enum) return s.enum[0];
  if (s.const !== undefined) return s.const;
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  if (type === 'object') return sampleObject(s, attack);
  if (type === 'array') return [valueFor(name, s.items, attack)];
  if (type === 'boolean') return false;
  if (type === 'integer' || type === 'number')
    return /id$/i.test(name) ? foreignMember : /year/i.test(name) ? 2024 : (s.minimum ?? 1);
  if (attack !== undefined) return attack;
  if (/code$|^org$|^into$/i.test(name)) return FOREIGN.unit;
  if (s.format === 'date' || /date|asOf|^on$/i.test(name) || s.pattern?.includes('\\d{4}')) return todayVn();
  if (/month/i.test(name)) return todayVn().slice(0, 7);
  if (/^q$|name/i.test(name)) return name === 'q' ? 'Bi Mat' : 'Tên thử';
  return 'x';
}

function resolve(schema: JsonSchema | undefined): JsonSchema {
  if (!schema) return {};
  if (schema.$ref) return resolve(spec.components?.schemas?.[schema.$ref.split('/').pop() ?? '']);
  const first = schema.anyOf?.[0] ?? schema.oneOf?.[0];
  if (first) return resolve(first);
  if (schema.allOf) return Object.assign({}, ...schema.allOf.map(resolve));
  return schema;
}

function sampleObject(schema: JsonSchema, attack?: string): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(schema.properties ?? {}).map(([key, value]) => [key, valueFor(key, value, attack)]),
  );
}

/** The foreign record a path's `:id` names, by the area of the path. */
function foreignIdFor(path: string): number {
  if (path.startsWith('/api/v1/documents/tasks/')) return foreignTask.id;
  if (path.startsWith('/api/v1/documents/questions/')) return foreignQuestion.id;
  if (path.startsWith('/api/v1/documents/')) return foreignDocument.id;
  return foreignMember as number;
}

/** The request of an endpoint, aimed at the foreign records (or carrying `attack` in every string). */
function requestOf(e: Endpoint, attack?: string): { url: string; body?: string } {
  const op = operationOf(e);
  const path = e.path.replace(/:(\w+)/g, (_, name: string) =>
    encodeURIComponent(
      String(
        attack ??
          (name === 'id' ? foreignIdFor(e.path) : name === 'username' ? ATTACKERS.admin : FOREIGN.unit),
      ),
    ),
  );
  const query = new URLSearchParams();
  for (const p of op?.parameters ?? [])
    if (p.in === 'query') query.set(p.name, String(valueFor(p.name, p.schema, attack)));
  const bodySchema = op?.requestBody?.content?.['application/json']?.schema;
  return {
    url: query.size > 0 ? `${path}?${query}` : path,
    body: bodySchema ? JSON.stringify(valueFor('body', bodySchema, attack)) : undefined,
  };
}

async function call(e: Endpoint, session?: TestSession, options: { csrf?: boolean; attack?: string } = {}) {
  const { url, body } = requestOf(e, options.attack);
  const headers = new Headers();
  if (body !== undefined) headers.set('content-type', 'application/json');
  if (session) {
    headers.set('cookie', session.cookie);
    if (options.csrf !== false) headers.set(CSRF_HEADER, session.csrf);
  }
  const response = await app.request(url, { method: e.method, headers, body });
  return {
    status: response.status,
    text: await response.text(),
    type: response.headers.get('content-type') ?? '',
  };
}

/** No name, national ID or foreign unit name anywhere in the answer. */
function expectNoForeignData(text: string): void {
  for (const marker of [FOREIGN.memberName, FOREIGN.nationalId, FOREIGN.unitName, FOREIGN.parentName])
    expect(text).not.toContain(marker);
}

const isWrite = (e: Endpoint) => !['GET', 'HEAD', 'OPTIONS'].includes(e.method);
const isLogin = (e: Endpoint) => e.path === '/api/v1/auth/login';
const roleWithout = (permission: Permission | null) =>
  permission === null ? undefined : ROLES.find((role) => !roleAllows(role, permission));

let cases = 0;
const ATTACKS = [
  'no session',
  'expired session',
  'missing CSRF token',
  'wrong role',
  'sibling subtree',
  'child subtree',
];

describe(`adversarial: ${endpoints.length} endpoints × ${ATTACKS.length} attacks`, () => {
  it('finds the endpoints of every module in the route table', () => {
    const areas = new Set(endpoints.map((e) => e.path.split('/')[3]));
    for (const area of ['auth', 'users', 'orgs', 'members', 'documents']) expect(areas).toContain(area);
    expect(endpoints.length).toBeGreaterThan(30);
  });

  for (const e of endpoints) {
    it(`${e.method} ${e.path}`, async () => {
      const permission = permissionFor(e.method, e.path.replace('/api/v1', ''));
      if (!isLogin(e)) {
        const anonymous = await call(e);
        expect(anonymous.status, 'no session').toBe(401);
        expect(anonymous.type).toContain('application/problem+json');
        const expired = await call(e, await sessionOf(ATTACKERS.admin, true));
        expect(expired.status, 'expired session').toBe(401);
        expectNoForeignData(anonymous.text + expired.text);
        cases += 2;
      }
      if (isWrite(e) && !isLogin(e)) {
        const noCsrf = await call(e, await sessionOf(ATTACKERS.admin), { csrf: false });
        expect(noCsrf.status, 'missing CSRF token').toBe(403);
        expect(noCsrf.text).toContain('auth.csrf');
        cases += 1;
      }
      const wrongRole = roleWithout(permission);
      if (wrongRole) {
        const refused = await call(e, await sessionOf(BY_ROLE[wrongRole]));
        expect(refused.status, `wrong role ${wrongRole}`).toBe(403);
        expectNoForeignData(refused.text);
        cases += 1;
      }
      for (const who of ['sibling', 'child'] as const) {
        const answer = await call(e, await sessionOf(ATTACKERS[who]));
        // refused, or (a list of one's own, one's own account) answered without the foreign records
        expect(answer.status, `${who} subtree`).toBeLessThan(500);
        expectNoForeignData(answer.text);
        cases += 1;
      }
    });
  }

  it('shows the register within the grants: the own subtree, the bodies above it and named bodies', async () => {
    const list = async (who: string, path: string) =>
      (await app.request(path, { headers: { cookie: (await sessionOf(who)).cookie } })).text();
    const rootView = await list(ATTACKERS.admin, '/api/v1/documents?limit=50');
    expect(rootView).toContain(foreignDocument.title);
    expect(await list(ATTACKERS.admin, '/api/v1/documents/questions')).toContain(FOREIGN.unitName);
    const childView = await list(ATTACKERS.child, '/api/v1/documents?limit=50');
    expect(childView).toContain(centralDocument.title);
    expect(childView).not.toContain(foreignDocument.title);
    const openForeign = await app.request(`/api/v1/documents/${foreignDocument.id}`, {
      headers: { cookie: (await sessionOf(ATTACKERS.sibling)).cookie },
    });
    expect(openForeign.status).toBe(404);
    cases += 5;
  });

  it('ignores SQL injection in every parameter of every endpoint', async () => {
    const injections = [
      "' OR '1'='1",
      '1; DROP TABLE member; --',
      "%' OR 1=1 --",
      "GC1' UNION SELECT national_id FROM member --",
    ];
    const session = await sessionOf(ATTACKERS.sibling);
    for (const e of endpoints.filter((x) => !isLogin(x)))
      for (const attack of injections) {
        const answer = await call(e, session, { attack });
        expect(answer.status, `${e.method} ${e.path} ${attack}`).toBeLessThan(500);
        expectNoForeignData(answer.text);
        cases += 1;
      }
    // the tables are still there and whole
    const admin = await sessionOf(ATTACKERS.admin);
    const profile = await call({ method: 'GET', path: '/api/v1/members/:id' }, admin);
    expect(profile.text).toContain(FOREIGN.memberName);
  });

  it('refuses oversized and malformed bodies with problem+json, never a 500', async () => {
    const session = await sessionOf(ATTACKERS.admin);
    const headers = {
      cookie: session.cookie,
      [CSRF_HEADER]: session.csrf,
      'content-type': 'application/json',
    };
    for (const e of endpoints.filter(isWrite)) {
      const path = requestOf(e).url;
      const big = await app.request(path, {
        method: e.method,
        headers,
        body: JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) }),
      });
      expect(big.status, `${e.method} ${e.path} oversized`).toBe(413);
      cases += 1;
      if (!operationOf(e)?.requestBody?.content?.['application/json']) continue;
      for (const body of ['{"code":', '[1,2', 'null', '"string"', '{"__proto__":{"admin":true}}']) {
        const bad = await app.request(path, { method: e.method, headers, body });
        expect(bad.status, `${e.method} ${e.path} ${body}`).toBeGreaterThanOrEqual(400);
        expect(bad.status, `${e.method} ${e.path} ${body}`).toBeLessThan(500);
        expect(bad.headers.get('content-type')).toContain('application/problem+json');
        cases += 1;
      }
    }
  });

  afterAll(() => {
    process.stdout.write(
      `adversarial suite: ${endpoints.length} endpoints, ${cases} attack cases run (${ATTACKS.join(', ')}; SQL injection; oversized and malformed bodies)\n`,
    );
  });
});
