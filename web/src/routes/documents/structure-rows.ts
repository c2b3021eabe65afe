/**
 * The provision tree edited as rows in document order. A row's parent follows from the kinds (the
 * nearest row above of a higher level, as the server's detection does), so changing a kind
 * re-levels a row. Ids are what tasks, questions and citations point at: a row keeps its id unless
 * what the id names (kind, number, parent) changed; then it gets the id the detection would give.
 */

import { foldVn } from '../../../../src/core/vn-text.ts';
import type { DocProvision, ProvisionInput } from '../../api/documents-api.ts';

export const PROVISION_KINDS = [
  'preamble',
  'part',
  'chapter',
  'section',
  'article',
  'clause',
  'point',
] as const satisfies readonly ProvisionInput['kind'][];
export type ProvisionKind = (typeof PROVISION_KINDS)[number];

/** How a provision's number is written in the text: `Điều 5.`, `2.`, `a)` (the document's words). */
export function provisionLabel(kind: string, num: string | null): string {
  if (!num) return '';
  switch (kind) {
    case 'part':
      return `Phần ${num}`;
    case 'chapter':
      return `Chương ${num}`;
    case 'section':
      return /^\d+$/.test(num) ? `Mục ${num}` : `${num}.`;
    case 'article':
      return `Điều ${num}.`;
    case 'clause':
      return `${num}.`;
    case 'point':
      return `${num})`;
    default:
      return '';
  }
}

export interface StructureRow {
  /** React's key, stable while editing. */
  key: string;
  /** What the server has (null: a row added by splitting). */
  saved: { id: string; parentId: string | null; kind: string; num: string | null } | null;
  kind: ProvisionKind;
  num: string;
  heading: string;
  text: string;
}

function isKind(value: string): value is ProvisionKind {
  return PROVISION_KINDS.some((kind) => kind === value);
}

export function rowsOf(provisions: readonly DocProvision[]): StructureRow[] {
  return provisions.map((p) => ({
    key: p.id,
    saved: { id: p.id, parentId: p.parentId, kind: p.kind, num: p.num },
    kind: isKind(p.kind) ? p.kind : 'clause',
    num: p.num ?? '',
    heading: p.heading ?? '',
    text: p.text,
  }));
}

const rank = (kind: ProvisionKind) => PROVISION_KINDS.indexOf(kind);

/** The index of each row's parent: the nearest row above of a higher level (the preamble is no parent). */
export function parentIndexes(rows: readonly StructureRow[]): (number | null)[] {
  const open: number[] = [];
  return rows.map((row, i) => {
    if (row.kind === 'preamble') return null;
    while (open.length > 0 && rank((rows[open.at(-1) as number] as StructureRow).kind) >= rank(row.kind))
      open.pop();
    const parent = open.at(-1) ?? null;
    open.push(i);
    return parent;
  });
}

/** How deep each row sits in the tree (0: top level). */
export function depths(rows: readonly StructureRow[]): number[] {
  const parents = parentIndexes(rows);
  const out: number[] = [];
  parents.forEach((parent, i) => {
    out[i] = parent === null ? 0 : (out[parent] ?? 0) + 1;
  });
  return out;
}

const PREFIX: Record<Exclude<ProvisionKind, 'preamble'>, string> = {
  part: 'part',
  chapter: 'chp',
  section: 'sec',
  article: 'art',
  clause: 'cl',
  point: 'pt',
};

function romanValue(text: string): number {
  const values: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };
  let total = 0;
  for (let i = 0; i < text.length; i++) {
    const value = values[text[i] as string] ?? 0;
    total += value < (values[text[i + 1] as string] ?? 0) ? -value : value;
  }
  return total;
}

/** The number as ids write it: `05` → `5`, `II` → `2`, `đ` → `dd`, anything else folded to [a-z0-9]. */
function idNumber(kind: ProvisionKind, num: string): string {
  const text = num.trim();
  if (kind === 'point' && text.toLowerCase() === 'đ') return 'dd';
  if (/^\d+$/.test(text)) return String(Number(text));
  if (kind !== 'point' && /^[IVXLC]+$/i.test(text)) return String(romanValue(text.toUpperCase()));
  return foldVn(text).replace(/[^a-z0-9]/g, '') || 'x';
}

/** The id detection gives: articles and parts are unique in the document, the rest scoped by their parent. */
function schemeId(row: StructureRow, parent: Pick<ProvisionInput, 'id' | 'kind'> | null): string {
  if (row.kind === 'preamble') return 'preamble';
  const own = `${PREFIX[row.kind]}_${idNumber(row.kind, row.num)}`;
  const scoped = parent && row.kind !== 'article' && row.kind !== 'part' && parent.kind !== 'part';
  return scoped ? `${parent.id}__${own}` : own;
}

const unchanged = (row: StructureRow) =>
  row.saved !== null && row.saved.kind === row.kind && (row.saved.num ?? '') === row.num.trim();

/** The provisions to save, in order, with their parents and ids. */
export function provisionsOf(rows: readonly StructureRow[]): ProvisionInput[] {
  const parents = parentIndexes(rows);
  // ids of rows that will most likely keep theirs: a changed row does not take one of them
  const reserved = new Set(rows.filter(unchanged).map((row) => row.saved?.id));
  const used = new Set<string>();
  const out: ProvisionInput[] = [];
  rows.forEach((row, i) => {
    const parentIndex = parents[i] ?? null;
    const parent = parentIndex === null ? null : (out[parentIndex] as ProvisionInput);
    const parentId = parent?.id ?? null;
    let id: string;
    if (unchanged(row) && row.saved && row.saved.parentId === parentId && !used.has(row.saved.id)) {
      id = row.saved.id;
    } else {
      const base = schemeId(row, parent);
      const taken = (candidate: string) =>
        used.has(candidate) || (reserved.has(candidate) && candidate !== row.saved?.id);
      id = base;
      for (let n = 2; taken(id); n++) id = `${base}_${n}`;
    }
    used.add(id);
    out.push({
      id,
      parentId,
      kind: row.kind,
      num: row.num.trim() || null,
      heading: row.heading.trim() || null,
      text: row.text,
    });
  });
  return out;
}

/** Saved ids that will be gone after saving (merged away, or renamed), with their new id if any. */
export function changedIds(
  rows: readonly StructureRow[],
  saved: readonly DocProvision[],
): { from: string; to: string | null }[] {
  const next = provisionsOf(rows);
  const kept = new Set(next.map((p) => p.id));
  const renamed = new Map(rows.map((row, i) => [row.saved?.id, next[i]?.id ?? null]));
  return saved.filter((p) => !kept.has(p.id)).map((p) => ({ from: p.id, to: renamed.get(p.id) ?? null }));
}

/** The row joined to the one above it: its label and heading become text again, as they were written. */
export function mergeWithPrevious(rows: readonly StructureRow[], index: number): StructureRow[] {
  const row = rows[index];
  const previous = rows[index - 1];
  if (!row || !previous) return [...rows];
  const line = [provisionLabel(row.kind, row.num.trim() || null), row.heading, row.text]
    .map((part) => part.trim())
    .filter(Boolean)
    .join(' ');
  const merged = { ...previous, text: [previous.text, line].filter(Boolean).join('\n') };
  return [...rows.slice(0, index - 1), merged, ...rows.slice(index + 1)];
}

let added = 0;

/** The row cut at `at` in its text; the rest becomes a new row of the same kind below it. */
export function splitRow(rows: readonly StructureRow[], index: number, at: number): StructureRow[] {
  const row = rows[index];
  if (!row) return [...rows];
  added += 1;
  const head = { ...row, text: row.text.slice(0, at).trimEnd() };
  const tail: StructureRow = {
    key: `new-${added}`,
    saved: null,
    kind: row.kind === 'preamble' ? 'article' : row.kind,
    num: '',
    heading: '',
    text: row.text.slice(at).trimStart(),
  };
  return [...rows.slice(0, index), head, tail, ...rows.slice(index + 1)];
}
