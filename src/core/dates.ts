/**
 * Calendar dates as ISO strings (`YYYY-MM-DD`): the database type `date`, no time zone, no clock.
 * Users read and type `dd/mm/yyyy`.
 */
import { validationError } from './errors.ts';

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const VN = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

export type IsoDate = string;

function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= last;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** Accepts `YYYY-MM-DD` or `dd/mm/yyyy`; returns the ISO form or null when it is not a real date. */
export function parseDate(text: string): IsoDate | null {
  const s = text.trim();
  const iso = ISO.exec(s);
  if (iso) {
    const [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    return isRealDate(y, m, d) ? `${iso[1]}-${iso[2]}-${iso[3]}` : null;
  }
  const vn = VN.exec(s);
  if (vn) {
    const [d, m, y] = [Number(vn[1]), Number(vn[2]), Number(vn[3])];
    return isRealDate(y, m, d) ? `${pad(y, 4)}-${pad(m)}-${pad(d)}` : null;
  }
  return null;
}

export function requireDate(text: string, field: string): IsoDate {
  const parsed = parseDate(text);
  if (!parsed) {
    throw validationError(
      'date.invalid',
      {
        vi: `Ngày không hợp lệ: "${text}" (dùng dd/mm/yyyy hoặc yyyy-mm-dd)`,
        en: `Invalid date: "${text}" (use dd/mm/yyyy or yyyy-mm-dd)`,
      },
      field,
    );
  }
  return parsed;
}

/** `2025-07-01` → `01/07/2025`. */
export function formatDateVn(iso: IsoDate): string {
  const m = ISO.exec(iso);
  if (!m) return iso;
  return `${m[3]}/${m[2]}/${m[1]}`;
}

export function addDays(iso: IsoDate, days: number): IsoDate {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** Today in Vietnam (UTC+7), the date users mean when they say "today". */
export function todayVn(now: Date = new Date()): IsoDate {
  const t = new Date(now.getTime() + 7 * 3600_000);
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}
