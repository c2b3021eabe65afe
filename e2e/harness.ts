/**
 * What every browser test needs: the real server on a free port with a fresh data folder (or the
 * PostgreSQL server of `DATABASE_URL`), Debian's Chromium driven by playwright-core, and a few
 * API helpers. It builds nothing: run `npm run build:web` first.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as OTPAuth from 'otpauth';
import { type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';

export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const SCREENSHOT_DIR = path.join(REPO_ROOT, '.tmp', 'e2e');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface RunningServer {
  baseUrl: string;
  /** Everything the server printed, for failure messages. */
  output: () => string;
  stop: () => Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

async function waitForHealth(baseUrl: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`the server exited with code ${child.exitCode}:\n${output()}`);
    try {
      const response = await fetch(`${baseUrl}/healthz`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the server did not answer /healthz within 90 s:\n${output()}`);
}

/** `node bin/tochuc.js serve --port <free> --data <fresh temp dir> --no-demo`, ready when /healthz answers. */
export async function startServer(): Promise<RunningServer> {
  if (!fs.existsSync(path.join(REPO_ROOT, 'web', 'dist', 'index.html'))) {
    throw new Error('web/dist is missing: run `npm run build:web` before the browser tests');
  }
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tochuc-e2e-'));
  // The environment (DATABASE_URL included) passes through, so the same tests run on PostgreSQL.
  const child = spawn(
    process.execPath,
    ['bin/tochuc.js', 'serve', '--port', String(port), '--data', dataDir, '--no-demo'],
    { cwd: REPO_ROOT, env: { ...process.env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let log = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    log += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    log += chunk.toString();
  });
  const output = () => log.slice(-8000);
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited(child);
      clearTimeout(timer);
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(baseUrl, child, output);
    await signInAsAdministrator(baseUrl, output());
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, output, stop };
}

// ——— Signing in: every test acts as an administrator unless it signs in as someone else ———

interface ApiSession {
  username: string;
  password: string;
  totpSecret?: string;
  cookie: string;
  csrfToken: string;
}

/** The session the API helper uses, per server. */
const sessions = new Map<string, ApiSession>();

export const SESSION_COOKIE = 'tochuc_session';

export function totpCode(secret: string): string {
  return new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30 }).generate();
}

interface Me {
  username: string;
  pending: string[];
  csrfToken: string;
}

/** Signs in through the API and returns the session; does the pending steps when asked to. */
export async function apiSignIn(
  baseUrl: string,
  username: string,
  password: string,
  totpSecret?: string,
): Promise<ApiSession & { pending: string[] }> {
  const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password, ...(totpSecret ? { totp: totpCode(totpSecret) } : {}) }),
  });
  const body = (await response.json()) as Me;
  if (!response.ok) throw new ApiRequestError('POST', `${baseUrl}/api/v1/auth/login`, response.status, body);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return { username, password, totpSecret, cookie, csrfToken: body.csrfToken, pending: body.pending };
}

/** Signs in as `username` with a password set by an administrator, and replaces it. */
export async function finishAccountSetup(
  baseUrl: string,
  session: ApiSession & { pending: string[] },
): Promise<ApiSession> {
  const call = (method: 'GET' | 'POST', p: string, body?: unknown) =>
    callApi<unknown>(baseUrl, session, method, p, body);
  let current: ApiSession = session;
  if (session.pending.includes('change_password')) {
    const password = `e2e-${Math.random().toString(36).slice(2)}-passphrase`;
    await call('POST', '/api/v1/auth/password', { currentPassword: session.password, newPassword: password });
    current = { ...current, password };
  }
  if (session.pending.includes('enroll_totp')) {
    const { secret } = (await call('POST', '/api/v1/auth/totp')) as { secret: string };
    await call('POST', '/api/v1/auth/totp/confirm', { code: totpCode(secret) });
    current = { ...current, totpSecret: secret };
  }
  return current;
}

/**
 * The administrator of a fresh folder is the `admin` printed once at first start; on a shared
 * PostgreSQL database that already has accounts, one is added with the command line.
 */
async function signInAsAdministrator(baseUrl: string, output: string): Promise<void> {
  const printed = /one-time password: (\S+)/.exec(output)?.[1];
  let first: ApiSession & { pending: string[] };
  if (printed) first = await apiSignIn(baseUrl, 'admin', printed);
  else {
    const username = `e2e-admin-${Date.now().toString(36)}`;
    const password = `e2e-${Math.random().toString(36).slice(2)}-passphrase`;
    await runTochuc(['user', 'add', username, '--password-stdin', '--admin'], `${password}\n`);
    first = await apiSignIn(baseUrl, username, password);
  }
  sessions.set(baseUrl, await finishAccountSetup(baseUrl, first));
}

function runTochuc(args: string[], input: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/tochuc.js', ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env },
    });
    let err = '';
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
    });
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`tochuc ${args.join(' ')}: ${err}`)),
    );
    child.stdin.end(input);
  });
}

/**
 * A test's own `fetch` to one of these servers (a file download checked by its bytes) goes out
 * as the administrator too, unless it names its own cookie: tests written before accounts
 * existed keep working unchanged.
 */
const plainFetch = globalThis.fetch;
globalThis.fetch = (input, init) => {
  const url = input instanceof Request ? input.url : String(input);
  const session = [...sessions.entries()].find(([baseUrl]) => url.startsWith(`${baseUrl}/`))?.[1];
  const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
  if (!session || headers.has('cookie')) return plainFetch(input, init);
  headers.set('cookie', session.cookie);
  return plainFetch(input, { ...init, headers });
};

/** Gives the browser the API helper's session (the page asks the server for its CSRF token). */
export async function shareSession(
  context: BrowserContext,
  baseUrl: string,
  session = sessions.get(baseUrl),
): Promise<void> {
  if (!session) throw new Error(`no session for ${baseUrl}`);
  const value = session.cookie.split('=')[1] ?? '';
  await context.addCookies([
    { name: SESSION_COOKIE, value, url: baseUrl, httpOnly: true, sameSite: 'Strict' },
  ]);
}

export interface Browser {
  context: BrowserContext;
  page: Page;
  close: () => Promise<void>;
}

/** Debian's Chromium (never a downloaded one) with a fresh profile, at an office screen's size. */
export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium fonts-noto-core`);
  }
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'tochuc-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1366, height: 768 },
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
  context.setDefaultTimeout(15_000);
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    close: async () => {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface BrowserSession {
  server: RunningServer;
  page: Page;
}

/**
 * The hooks of a browser test file: before all, a fresh server seeded through the API and a
 * browser; a screenshot of any failing test; both stopped at the end. `ready` receives them.
 */
export function browserSession(
  seed: (baseUrl: string) => Promise<void>,
  ready: (session: BrowserSession) => void,
): void {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startServer();
    await seed(server.baseUrl);
    browser = await launchBrowser();
    await shareSession(browser.context, server.baseUrl);
    ready({ server, page: browser.page });
  });
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail' && browser) {
      await screenshot(browser.page, `failed-${task.name.slice(0, 40)}`);
    }
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
}

/** Saves `.tmp/e2e/<name>.png` (the whole page) to look at after the run. */
export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

export class ApiRequestError extends Error {
  readonly status: number;
  readonly body: unknown;
  constructor(method: string, url: string, status: number, body: unknown) {
    super(`${method} ${url} → ${status}: ${JSON.stringify(body)}`);
    this.status = status;
    this.body = body;
  }
}

/** A JSON call to the API as the server's administrator; throws with the problem body on a non-2xx answer. */
export async function api<T>(
  baseUrl: string,
  method: 'GET' | 'POST',
  pathAndQuery: string,
  body?: unknown,
): Promise<T> {
  return callApi<T>(baseUrl, sessions.get(baseUrl), method, pathAndQuery, body);
}

/** The same call within a given session (or none). */
export async function callApi<T>(
  baseUrl: string,
  session: Pick<ApiSession, 'cookie' | 'csrfToken'> | undefined,
  method: 'GET' | 'POST',
  pathAndQuery: string,
  body?: unknown,
): Promise<T> {
  const url = `${baseUrl}${pathAndQuery}`;
  const headers: Record<string, string> = body === undefined ? {} : { 'content-type': 'application/json' };
  if (session) Object.assign(headers, { cookie: session.cookie, 'x-csrf-token': session.csrfToken });
  const response = await fetch(url, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const parsed: unknown = text ? JSON.parse(text) : undefined;
  if (!response.ok) throw new ApiRequestError(method, url, response.status, parsed);
  return parsed as T;
}

/** The code of the root of the tree, creating the Central Committee when the database is empty. */
export async function ensureRoot(baseUrl: string, asOf: string): Promise<string> {
  try {
    const tree = await api<{ root: { code: string } }>(
      baseUrl,
      'GET',
      `/api/v1/orgs/tree?depth=1&asOf=${asOf}`,
    );
    return tree.root.code;
  } catch (error) {
    // An empty database has no root yet (answered as "no single root").
    const empty =
      error instanceof ApiRequestError &&
      (error.status === 404 || JSON.stringify(error.body).includes('org.tree.no_single_root'));
    if (!empty) throw error;
    await api(baseUrl, 'POST', '/api/v1/orgs', {
      code: 'TW',
      name: 'Ban Chấp hành Trung ương',
      kind: 'central',
      date: '1930-02-03',
    });
    return 'TW';
  }
}

/** Waits until the element shows the text (playwright-core has no retrying assertions). */
export async function waitForText(locator: Locator, text: string | RegExp): Promise<void> {
  await locator.filter({ hasText: text }).first().waitFor();
}

/**
 * Picks a unit in a search-select by typing part of its name without diacritics; the option is
 * matched by its name, or by its code when several units share a name.
 */
export async function pickUnit(
  page: Page,
  testId: string,
  typed: string,
  option: string | RegExp | { code: string },
): Promise<void> {
  const input = page.getByTestId(testId);
  await input.click();
  await input.fill(typed);
  const choice =
    typeof option === 'object' && 'code' in option
      ? page.locator(`[role="option"] [data-code="${option.code}"]`)
      : page.getByRole('option', { name: typeof option === 'string' ? new RegExp(option) : option }).first();
  await choice.click();
}

/** Types a date as users do (`dd/mm/yyyy`) and leaves the field. */
export async function typeDate(page: Page, testId: string, ddmmyyyy: string): Promise<void> {
  const input = page.getByTestId(testId);
  await input.fill(ddmmyyyy);
  await input.press('Escape');
  await input.blur();
}

/** Unit codes unique per run, so the same test also runs against a PostgreSQL database that is not empty. */
export function runCodes(prefix: string): (suffix: string) => string {
  const run = Date.now().toString(36).toUpperCase();
  return (suffix) => `${prefix}${run}.${suffix}`;
}
