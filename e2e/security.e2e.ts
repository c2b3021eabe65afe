/**
 * Accounts in a real browser: an organization officer of one province signs in through the
 * login page, sees only the own subtree, cannot open a member of another province by its
 * address, finds script typed into a name shown as plain text, and signs out; another officer
 * turns on two-factor authentication from the QR code and signs in with a code.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  api,
  apiSignIn,
  browserSession,
  ensureRoot,
  finishAccountSetup,
  type RunningServer,
  runCodes,
  screenshot,
  totpCode,
  waitForText,
} from './harness.ts';

const code = runCodes('SEC');
const FOUNDED = '2020-01-01';
const SCRIPT = '<img src=x onerror="window.__xss=1">';
const OWN = { code: code('A'), name: 'Đảng bộ tỉnh Phía Bắc' };
const OWN_CELL = { code: code('A.CB'), name: `Chi bộ ${SCRIPT} thôn Một` };
const FOREIGN = { code: code('B'), name: 'Đảng bộ tỉnh Phía Nam' };
const FOREIGN_CELL = { code: code('B.CB'), name: 'Chi bộ thôn Hai' };
const OFFICER = `officer-${Date.now().toString(36)}`;
const AUDITOR = `auditor-${Date.now().toString(36)}`;
const ENROLLER = `enroller-${Date.now().toString(36)}`;

let server: RunningServer;
let page: Page;
let foreignMemberId = 0;
let officerPassword = '';
let auditorPassword = '';
let enrollerPassword = '';

const aMember = (fullName: string, cellCode: string) => ({
  fullName,
  birthDate: '1985-06-15',
  sex: 'male',
  admissionDate: '2010-05-19',
  officialDate: '2011-05-19',
  cellCode,
});

async function createWorld(baseUrl: string): Promise<void> {
  const root = await ensureRoot(baseUrl, FOUNDED);
  const create = (body: Record<string, string>) =>
    api(baseUrl, 'POST', '/api/v1/orgs', { date: FOUNDED, decisionRef: '1-QĐ/TW', ...body });
  await create({ ...OWN, kind: 'province', parentCode: root });
  await create({ ...OWN_CELL, kind: 'grassroots_cell', parentCode: OWN.code });
  await create({ ...FOREIGN, kind: 'province', parentCode: root });
  await create({ ...FOREIGN_CELL, kind: 'grassroots_cell', parentCode: FOREIGN.code });
  await api(baseUrl, 'POST', '/api/v1/members', aMember('Nguyễn Văn Trong', OWN_CELL.code));
  ({ id: foreignMemberId } = await api<{ id: number }>(
    baseUrl,
    'POST',
    '/api/v1/members',
    aMember('Trần Thị Ngoài', FOREIGN_CELL.code),
  ));
  // the administrator creates the officer; the officer replaces the handed-over password
  const temporary = 'handed-over-password-1';
  await api(baseUrl, 'POST', '/api/v1/users', { username: OFFICER, password: temporary });
  await api(baseUrl, 'POST', `/api/v1/users/${OFFICER}/grants`, { role: 'org_officer', org: OWN.code });
  officerPassword = (await finishAccountSetup(baseUrl, await apiSignIn(baseUrl, OFFICER, temporary)))
    .password;
  await api(baseUrl, 'POST', '/api/v1/users', { username: AUDITOR, password: temporary });
  await api(baseUrl, 'POST', `/api/v1/users/${AUDITOR}/grants`, { role: 'auditor', org: root });
  auditorPassword = (await finishAccountSetup(baseUrl, await apiSignIn(baseUrl, AUDITOR, temporary)))
    .password;
  await api(baseUrl, 'POST', '/api/v1/users', { username: ENROLLER, password: temporary });
  await api(baseUrl, 'POST', `/api/v1/users/${ENROLLER}/grants`, { role: 'org_officer', org: OWN.code });
  enrollerPassword = (await finishAccountSetup(baseUrl, await apiSignIn(baseUrl, ENROLLER, temporary)))
    .password;
}

async function signInThroughPage(username: string, password: string): Promise<void> {
  await page.context().clearCookies();
  await page.goto(`${server.baseUrl}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await waitForText(page.getByTestId('current-user'), username);
}

describe('accounts and scopes in the browser', () => {
  browserSession(createWorld, (session) => {
    ({ server, page } = session);
  });

  it('sends a visitor without a session to the login page, and back after signing in', async () => {
    await page.context().clearCookies();
    await page.goto(`${server.baseUrl}/orgs/${encodeURIComponent(OWN.code)}`);
    await page.waitForURL(/\/login\?next=/);
    await page.getByTestId('login-username').fill(OFFICER);
    await page.getByTestId('login-password').fill('not the password');
    await page.getByTestId('login-submit').click();
    await waitForText(page.getByTestId('error-alert'), 'Tên đăng nhập hoặc mật khẩu không đúng');
    await page.getByTestId('login-password').fill(officerPassword);
    await page.getByTestId('login-submit').click();
    await page.waitForURL(new RegExp(`/orgs/${OWN.code}$`));
    await waitForText(page.getByTestId('current-user'), OFFICER);
    await screenshot(page, 'security-01-signed-in');
  });

  it('shows only the own subtree: the tree starts at the own province', async () => {
    await page.goto(`${server.baseUrl}/orgs`);
    const tree = page.getByTestId('org-tree');
    await tree.locator(`li[data-code="${OWN.code}"]`).first().waitFor();
    expect(await tree.locator(`li[data-code="${FOREIGN.code}"]`).count()).toBe(0);
    expect(await page.content()).not.toContain(FOREIGN.name);
    await screenshot(page, 'security-02-own-tree');
  });

  it('cannot open a member of another province by its address: not found', async () => {
    await page.goto(`${server.baseUrl}/members/${foreignMemberId}`);
    await waitForText(page.getByTestId('error-alert'), 'Không tìm thấy đảng viên');
    expect(await page.content()).not.toContain('Trần Thị Ngoài');
    await page.goto(`${server.baseUrl}/orgs/${encodeURIComponent(FOREIGN.code)}`);
    await page.getByTestId('error-alert').first().waitFor();
    expect(await page.content()).not.toContain(FOREIGN.name);
    await screenshot(page, 'security-03-foreign-not-found');
  });

  it("lets the auditor see the officer's refused attempt in the audit log", async () => {
    await signInThroughPage(AUDITOR, auditorPassword);
    await page.goto(`${server.baseUrl}/security/audit?action=member.profile_read_denied`);
    const attempt = page.getByTestId('audit-row').filter({ hasText: OFFICER });
    await attempt.first().waitFor();
    expect(await attempt.first().textContent()).toContain(String(foreignMemberId));
    await screenshot(page, 'security-04-audit-denied-read');
    await signInThroughPage(OFFICER, officerPassword);
  });

  it('shows script typed into a unit name as plain text', async () => {
    await page.goto(`${server.baseUrl}/orgs/${encodeURIComponent(OWN_CELL.code)}`);
    await waitForText(page.getByTestId('unit-name'), 'thôn Một');
    expect(await page.getByTestId('unit-name').textContent()).toContain(SCRIPT);
    expect(await page.evaluate(() => (globalThis as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.locator('img[src="x"]').count()).toBe(0);
  });

  it('signs out, and the session no longer opens anything', async () => {
    await page.getByTestId('sign-out').click();
    await page.waitForURL(/\/login/);
    await page.goto(`${server.baseUrl}/members`);
    await page.waitForURL(/\/login\?next=/);
    await screenshot(page, 'security-05-signed-out');
  });

  it('turns on two-factor authentication from a QR code, then asks for a code at sign-in', async () => {
    await signInThroughPage(ENROLLER, enrollerPassword);
    await page.goto(`${server.baseUrl}/account`);
    await page.getByTestId('totp-start').click();
    const qr = page.getByTestId('totp-qr');
    await qr.waitFor();
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml;charset=utf-8,%3Csvg/);
    // drawn by the browser at the size asked, not a broken image
    const drawn = await qr.evaluate((element) => {
      const img = element as unknown as { complete: boolean; naturalWidth: number };
      return img.complete && img.naturalWidth > 0;
    });
    expect(drawn).toBe(true);
    const secret = ((await page.getByTestId('totp-secret').textContent()) ?? '').trim();
    await screenshot(page, 'security-06-totp-qr');
    await page.getByTestId('totp-code').fill(totpCode(secret));
    await page.getByTestId('totp-confirm').click();
    await page.getByTestId('totp-enabled').waitFor();
    await page.getByTestId('sign-out').click();
    await page.waitForURL(/\/login/);
    await page.getByTestId('login-username').fill(ENROLLER);
    await page.getByTestId('login-password').fill(enrollerPassword);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('login-totp').fill(totpCode(secret));
    await page.getByTestId('login-submit').click();
    await waitForText(page.getByTestId('current-user'), ENROLLER);
  });
});
