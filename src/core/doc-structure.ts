/**
 * The structure of a Party document's text: parts (Phần), chapters (Chương), sections (Mục, or
 * Roman-numbered headings in resolutions), articles (Điều), clauses (khoản: `1.`) and points
 * (điểm: `a)`), each with a stable identifier in the spirit of Akoma Ntoso naming
 * (`chp_2`, `art_5`, `art_5__cl_2__pt_a`) so that comments, tasks and questions can point at one
 * provision. Articles are numbered through the whole document, so their ids do not carry the
 * chapter; clauses and points carry their article (or heading) id.
 */

export type ProvisionKind = 'preamble' | 'part' | 'chapter' | 'section' | 'article' | 'clause' | 'point';

export interface Provision {
  eid: string;
  parentEid: string | null;
  kind: ProvisionKind;
  /** As written: `5`, `II`, `a`. */
  num: string | null;
  heading: string | null;
  /** The provision's own text (its children's text is in the children). */
  body: string;
  ordinal: number;
}

const ROMAN = /^[IVXLC]+$/;

function romanValue(text: string): number {
  const values: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };
  let total = 0;
  for (let i = 0; i < text.length; i++) {
    const v = values[text[i] as string] ?? 0;
    const next = values[text[i + 1] as string] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

const ORDINAL_WORDS: Record<string, number> = {
  nhất: 1,
  nhat: 1,
  hai: 2,
  ba: 3,
  tư: 4,
  tu: 4,
  năm: 5,
  nam: 5,
  sáu: 6,
  sau: 6,
  bảy: 7,
  bay: 7,
  tám: 8,
  tam: 8,
  chín: 9,
  chin: 9,
  mười: 10,
  muoi: 10,
};

/** `II` → 2, `3` → 3, `thứ hai` → 2. */
function numberOf(text: string): number | null {
  const t = text.trim();
  if (/^\d+$/.test(t)) return Number(t);
  if (ROMAN.test(t.toUpperCase())) return romanValue(t.toUpperCase());
  const word = t.toLowerCase().replace(/^thứ\s+/, '');
  return ORDINAL_WORDS[word] ?? null;
}

/** Point letters in ids stay ASCII: `đ` → `dd` (a, b, c, d, đ, e …). */
function pointId(letter: string): string {
  return letter.toLowerCase() === 'đ' ? 'dd' : letter.toLowerCase();
}

interface Heading {
  kind: ProvisionKind;
  num: string;
  rest: string;
}

const PART = /^(?:PHẦN|Phần)\s+(THỨ\s+\S+|thứ\s+\S+|[IVXLC]+|\d+)\s*[.:-]?\s*(.*)$/u;
const CHAPTER = /^(?:CHƯƠNG|Chương)\s+([IVXLC]+|\d+)\s*[.:-]?\s*(.*)$/u;
const SECTION = /^(?:MỤC|Mục)\s+(\d+|[IVXLC]+)\s*[.:-]?\s*(.*)$/u;
const ARTICLE = /^(?:ĐIỀU|Điều)\s+(\d+)\s*[.:]?\s*(.*)$/u;
const ROMAN_HEADING = /^([IVXLC]+)\s*[.-]\s+(.+)$/u;
const CLAUSE = /^(\d{1,3})\s*[.)]\s+(.*)$/u;
const POINT = /^([a-zđ])\s*\)\s*(.*)$/u;

function headingOf(line: string): Heading | null {
  const tests: [RegExp, ProvisionKind][] = [
    [PART, 'part'],
    [CHAPTER, 'chapter'],
    [SECTION, 'section'],
    [ARTICLE, 'article'],
    [ROMAN_HEADING, 'section'],
    [CLAUSE, 'clause'],
    [POINT, 'point'],
  ];
  for (const [re, kind] of tests) {
    const m = re.exec(line);
    if (m) return { kind, num: (m[1] as string).trim(), rest: (m[2] as string).trim() };
  }
  return null;
}

/** A heading line alone (`CHƯƠNG I`) is often followed by its title in capitals on the next line. */
function isTitleLine(line: string): boolean {
  return line.length > 0 && line === line.toUpperCase() && /\p{L}/u.test(line) && !headingOf(line);
}

const RANK: Record<ProvisionKind, number> = {
  preamble: 0,
  part: 1,
  chapter: 2,
  section: 3,
  article: 4,
  clause: 5,
  point: 6,
};

const PREFIX: Record<Exclude<ProvisionKind, 'preamble'>, string> = {
  part: 'part',
  chapter: 'chp',
  section: 'sec',
  article: 'art',
  clause: 'cl',
  point: 'pt',
};

/**
 * Splits plain text (one paragraph per line) into provisions. Lines that open no provision
 * belong to the innermost open one; text before the first heading is the preamble.
 */
export function detectStructure(text: string): Provision[] {
  const lines = text
    .normalize('NFC')
    .split(/\r?\n/)
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter((l) => l.length > 0);
  const out: Provision[] = [];
  const stack: Provision[] = [];
  const used = new Set<string>();
  let preamble = null as Provision | null;
  // set inside `open`, which TypeScript does not follow
  let awaitingTitle = null as Provision | null;
  let hasArticles = false;

  const open = (h: Heading) => {
    // a clause or point outside any article or heading is just a numbered line of its container
    const rank = RANK[h.kind];
    while (stack.length > 0 && RANK[(stack.at(-1) as Provision).kind] >= rank) stack.pop();
    const parent = stack.at(-1) ?? null;
    const n = h.kind === 'point' ? pointId(h.num) : String(numberOf(h.num) ?? h.num);
    // articles are unique in the document; the rest are scoped by the provision above them
    const scope =
      h.kind === 'article' || h.kind === 'part' || !parent || parent.kind === 'part' ? null : parent.eid;
    const own = `${PREFIX[h.kind as Exclude<ProvisionKind, 'preamble'>]}_${n}`;
    const prefix = scope ? `${scope}__` : '';
    let eid = `${prefix}${own}`;
    // a repeated number (a typing slip) still gets a unique id
    for (let i = 2; used.has(eid); i++) eid = `${prefix}${own}_${i}`;
    used.add(eid);
    const isBlockHeading = h.kind !== 'clause' && h.kind !== 'point';
    const provision: Provision = {
      eid,
      parentEid: parent?.eid ?? null,
      kind: h.kind,
      num: h.num,
      heading: isBlockHeading ? h.rest || null : null,
      body: isBlockHeading ? '' : h.rest,
      ordinal: out.length + 1,
    };
    out.push(provision);
    stack.push(provision);
    awaitingTitle = isBlockHeading && !h.rest && h.kind !== 'article' ? provision : null;
  };

  for (const line of lines) {
    const h = headingOf(line);
    const current = stack.at(-1);
    // inside articles, a Roman numeral line is text, not a heading; a clause needs an article or heading
    const accepted =
      h &&
      !(h.kind === 'section' && ROMAN_HEADING.test(line) && hasArticles) &&
      !((h.kind === 'clause' || h.kind === 'point') && !current);
    if (h && accepted) {
      if (h.kind === 'article') hasArticles = true;
      open(h);
      continue;
    }
    if (awaitingTitle && isTitleLine(line)) {
      awaitingTitle.heading = line;
      awaitingTitle = null;
      continue;
    }
    awaitingTitle = null;
    const target = current ?? preamble;
    if (target) {
      target.body = target.body ? `${target.body}\n${line}` : line;
    } else {
      preamble = {
        eid: 'preamble',
        parentEid: null,
        kind: 'preamble',
        num: null,
        heading: null,
        body: line,
        ordinal: 0,
      };
      used.add('preamble');
    }
  }
  const all = preamble ? [preamble, ...out] : out;
  return all.map((p, i) => ({ ...p, ordinal: i + 1 }));
}

/** `art_5__cl_2__pt_a` → `Điều 5, khoản 2, điểm a` (how a provision is cited). */
export function citeProvision(eid: string, language: 'vi' | 'en' = 'vi'): string {
  const words: Record<string, [string, string]> = {
    part: ['Phần', 'Part'],
    chp: ['Chương', 'Chapter'],
    sec: ['Mục', 'Section'],
    art: ['Điều', 'Article'],
    cl: ['khoản', 'clause'],
    pt: ['điểm', 'point'],
  };
  if (eid === 'preamble') return language === 'vi' ? 'Phần mở đầu' : 'Preamble';
  const parts = eid.split('__').map((piece) => {
    const [prefix, num] = piece.split('_') as [string, string | undefined];
    const word = words[prefix];
    const shown = num === 'dd' ? 'đ' : (num ?? '');
    return word ? `${word[language === 'vi' ? 0 : 1]} ${shown}` : piece;
  });
  // Vietnamese cites the innermost first: "điểm a khoản 2 Điều 5"
  return language === 'vi' ? parts.reverse().join(' ') : parts.join(', ');
}
