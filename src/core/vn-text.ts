/**
 * Vietnamese text: folding for diacritics-insensitive search, and the sort key that orders people
 * the Vietnamese way (given name, then family and middle names; a ă â b c d đ e ê …).
 * The database folds with `vn_fold()` (unaccent); this is the same folding in JavaScript.
 */

/** NFC, trimmed, inner white space collapsed: how every name is stored. */
export function normalizeName(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** `Đảng ủy Xã` → `dang uy xa`. */
export function foldVn(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

// Below every letter, so a shorter word sorts first; not NUL, which PostgreSQL text cannot hold.
const WORD_SEPARATOR = '\u0001';
const TONE_SEPARATOR = '\u0002';
const ALPHABET = 'aăâbcdđeêfghijklmnoôơpqrstuưvwxyz';
const TONES = ['', '\u0300', '\u0309', '\u0303', '\u0301', '\u0323']; // ngang huyền hỏi ngã sắc nặng

/** Each character's letter (in Vietnamese order) and tone, computed once per character seen. */
const charKeys = new Map<string, { letter: string; tone: string }>();

function charKey(ch: string): { letter: string; tone: string } {
  let key = charKeys.get(ch);
  if (key === undefined) {
    const decomposed = ch.normalize('NFD');
    const base = decomposed[0] ?? '';
    const marks = decomposed.slice(1);
    const tone = TONES.findIndex((t, i) => i > 0 && marks.includes(t));
    const shapeMarks = [...marks].filter((m) => !TONES.includes(m)).join('');
    const letter = (base + shapeMarks).normalize('NFC');
    const idx = ALPHABET.indexOf(letter);
    key = { letter: idx >= 0 ? String.fromCharCode(0x41 + idx) : letter, tone: String(Math.max(tone, 0)) };
    charKeys.set(ch, key);
  }
  return key;
}

/** A string that sorts one word in Vietnamese letter order, tones breaking ties. */
function wordKey(word: string): string {
  let letters = '';
  let tones = '';
  for (const ch of word.toLowerCase().normalize('NFC')) {
    const key = charKey(ch);
    letters += key.letter;
    tones += key.tone;
  }
  return `${letters}${TONE_SEPARATOR}${tones}`;
}

/**
 * Sort key for a person's full name: given name (last word) first, then the family name and
 * middle names in order.
 */
export function personSortKey(fullName: string): string {
  const words = normalizeName(fullName).split(' ').filter(Boolean);
  const given = words.pop() ?? '';
  return [given, ...words].map(wordKey).join(WORD_SEPARATOR);
}

/** Sort key for the name of a unit: word by word in Vietnamese letter order. */
export function titleSortKey(name: string): string {
  return normalizeName(name).split(' ').map(wordKey).join(WORD_SEPARATOR);
}
