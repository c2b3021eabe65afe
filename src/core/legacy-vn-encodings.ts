/**
 * Vietnamese text typed before Unicode: recognising it and converting it to Unicode (NFC).
 *
 * Two legacy 8-bit encodings survive in the sector's workbooks:
 * - TCVN3 ("ABC", fonts `.VnTime`, `.VnArial`): the 8-bit code table of the national standard
 *   TCVN 5712:1993 "Công nghệ thông tin — Bộ mã chuẩn 8-bit kí tự Việt dùng trong trao đổi thông
 *   tin". Each accented lower-case letter is one byte (0xA8–0xFE); upper-case accented letters
 *   are the same bytes shown in a capitals font (`.VnTimeH`), so they convert to lower case —
 *   only Ă Â Ê Ô Ơ Ư Đ have codes of their own (0xA1–0xA7).
 * - VNI (VNI-Windows fonts, a vendor encoding): a base letter followed by one or two "mark"
 *   bytes (`a` + `ø` = à, `e` + `ã` = ễ), plus single bytes for ơ ư đ and some i/y forms.
 * A file stores either as the Windows-1252 characters of those bytes (a cell typed in a legacy
 * font in Excel holds `Hµ Néi` for Hà Nội), so conversion works on strings whose characters are
 * all below U+0100. Text also arrives as decomposed Unicode (NFD, from macOS and some converters):
 * it is recomposed to NFC.
 */

export type TextConversion = 'tcvn3' | 'vni' | 'nfd';

/** TCVN 5712:1993 (TCVN3) byte → letter, for the bytes that are letters. */
const TCVN3: Record<number, string> = {
  161: 'Ă',
  162: 'Â',
  163: 'Ê',
  164: 'Ô',
  165: 'Ơ',
  166: 'Ư',
  167: 'Đ',
  168: 'ă',
  169: 'â',
  170: 'ê',
  171: 'ô',
  172: 'ơ',
  173: 'ư',
  174: 'đ',
};
// each vowel's five tones in the standard's order: huyền, hỏi, ngã, sắc, nặng
const TCVN3_TONED: ReadonlyArray<readonly [number[], string]> = [
  [[0xb5, 0xb6, 0xb7, 0xb8, 0xb9], 'aàảãáạ'],
  [[0xbb, 0xbc, 0xbd, 0xbe, 0xc6], 'ăằẳẵắặ'],
  [[0xc7, 0xc8, 0xc9, 0xca, 0xcb], 'âầẩẫấậ'],
  [[0xcc, 0xce, 0xcf, 0xd0, 0xd1], 'eèẻẽéẹ'],
  [[0xd2, 0xd3, 0xd4, 0xd5, 0xd6], 'êềểễếệ'],
  [[0xd7, 0xd8, 0xdc, 0xdd, 0xde], 'iìỉĩíị'],
  [[0xdf, 0xe1, 0xe2, 0xe3, 0xe4], 'oòỏõóọ'],
  [[0xe5, 0xe6, 0xe7, 0xe8, 0xe9], 'ôồổỗốộ'],
  [[0xea, 0xeb, 0xec, 0xed, 0xee], 'ơờởỡớợ'],
  [[0xef, 0xf1, 0xf2, 0xf3, 0xf4], 'uùủũúụ'],
  [[0xf5, 0xf6, 0xf7, 0xf8, 0xf9], 'ưừửữứự'],
  [[0xfa, 0xfb, 0xfc, 0xfd, 0xfe], 'yỳỷỹýỵ'],
];
for (const [bytes, letters] of TCVN3_TONED) {
  bytes.forEach((byte, i) => {
    TCVN3[byte] = letters[i + 1] as string;
  });
}

// VNI marks (as Windows-1252 characters), lower and upper case forms of each.
const VNI_TONE: Record<string, string> = {
  ø: '\u0300',
  Ø: '\u0300',
  ù: '\u0301',
  Ù: '\u0301',
  û: '\u0309',
  Û: '\u0309',
  õ: '\u0303',
  Õ: '\u0303',
  ï: '\u0323',
  Ï: '\u0323',
};
/** Circumflex (â ê ô) or breve (ă) with or without a tone: one mark byte carries both. */
const VNI_SHAPE: Record<string, { shape: '\u0302' | '\u0306'; tone: string }> = {
  â: { shape: '\u0302', tone: '' },
  á: { shape: '\u0302', tone: '\u0301' },
  à: { shape: '\u0302', tone: '\u0300' },
  å: { shape: '\u0302', tone: '\u0309' },
  ã: { shape: '\u0302', tone: '\u0303' },
  ä: { shape: '\u0302', tone: '\u0323' },
  ê: { shape: '\u0306', tone: '' },
  é: { shape: '\u0306', tone: '\u0301' },
  è: { shape: '\u0306', tone: '\u0300' },
  ú: { shape: '\u0306', tone: '\u0309' },
  ü: { shape: '\u0306', tone: '\u0303' },
  ë: { shape: '\u0306', tone: '\u0323' },
};
for (const [lower, mark] of Object.entries(VNI_SHAPE)) VNI_SHAPE[lower.toUpperCase()] = mark;
/** Single VNI bytes that are whole letters. */
const VNI_LETTER: Record<string, string> = {
  ô: 'ơ',
  Ô: 'Ơ',
  ö: 'ư',
  Ö: 'Ư',
  ñ: 'đ',
  Ñ: 'Đ',
  ì: 'ì',
  Ì: 'Ì',
  í: 'í',
  Í: 'Í',
  æ: 'ỉ',
  Æ: 'Ỉ',
  ó: 'ĩ',
  Ó: 'Ĩ',
  ò: 'ị',
  Ò: 'Ị',
  î: 'ỵ',
  Î: 'Ỵ',
};

/** Letters of Vietnamese Unicode text that fall below U+0100: such text is also read as Unicode. */
const UNICODE_LATIN1_VN = new Set('àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ');

const hasHighLatin1 = (text: string) => /[\u0080-\u00ff]/.test(text);
const onlyLatin1 = (text: string) => [...text].every((ch) => ch.charCodeAt(0) <= 0xff);

/** TCVN3 reading, or null when some character is not a TCVN3 letter. */
function fromTcvn3(text: string): string | null {
  let out = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) {
      out += ch;
      continue;
    }
    const letter = TCVN3[code];
    if (letter === undefined) return null;
    out += letter;
  }
  return out;
}

/** VNI reading, or null when a mark does not follow a letter that can carry it. */
function fromVni(text: string): string | null {
  let out = '';
  const chars = [...text];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] as string;
    if (ch.charCodeAt(0) < 0x80) {
      const base = ch;
      if (!/[aeiouyAEIOUY]/.test(base)) {
        out += base;
        continue;
      }
      let shape = '';
      let tone = '';
      const next = chars[i + 1];
      const shaped = next !== undefined ? VNI_SHAPE[next] : undefined;
      if (shaped) {
        // circumflex on a, e, o; breve on a only
        if (shaped.shape === '\u0302' ? !/[aeoAEO]/.test(base) : !/[aA]/.test(base)) return null;
        shape = shaped.shape;
        tone = shaped.tone;
        i++;
      }
      const after = chars[i + 1];
      if (tone === '' && after !== undefined && VNI_TONE[after] !== undefined) {
        tone = VNI_TONE[after] as string;
        i++;
      }
      out += `${base}${shape}${tone}`;
      continue;
    }
    const letter = VNI_LETTER[ch];
    if (letter === undefined) return null;
    // ơ and ư carry their tone in a following mark
    const after = chars[i + 1];
    if ((letter === 'ơ' || letter === 'ư' || letter === 'Ơ' || letter === 'Ư') && after && VNI_TONE[after]) {
      out += letter + VNI_TONE[after];
      i++;
    } else {
      out += letter;
    }
  }
  return out.normalize('NFC');
}

const VNI_CHARS = new Set([...Object.keys(VNI_TONE), ...Object.keys(VNI_SHAPE), ...Object.keys(VNI_LETTER)]);
const TCVN3_CHARS = new Set(Object.keys(TCVN3).map((code) => String.fromCharCode(Number(code))));
const isTcvn3Only = (ch: string) => TCVN3_CHARS.has(ch) && !VNI_CHARS.has(ch);
const isVniOnly = (ch: string) => VNI_CHARS.has(ch) && !TCVN3_CHARS.has(ch);

/** VNI puts its marks after the vowel they modify; TCVN3 replaces the vowel. */
function hasVniMarkAfterVowel(text: string): boolean {
  return /[aeiouyAEIOUY][øØùÙûÛõÕïÏâÂáÁàÀåÅãÃäÄêÊéÉèÈúÚüÜëË]|[öÖñÑ]/.test(text);
}

export interface ConvertedText {
  text: string;
  /** What was converted, or null when the text was already NFC Unicode. */
  conversion: TextConversion | null;
  /** The text could only be read one way (what a file's ambiguous cells then follow). */
  decisive: boolean;
}

/** Which legacy reading of a text that both encodings read whole. */
function chooseLegacy(
  text: string,
  prefer: TextConversion | null,
): { kind: 'tcvn3' | 'vni'; decisive: boolean } {
  const chars = [...text];
  if (chars.some(isTcvn3Only)) return { kind: 'tcvn3', decisive: true };
  if (chars.some(isVniOnly)) return { kind: 'vni', decisive: true };
  if (prefer === 'tcvn3' || prefer === 'vni') return { kind: prefer, decisive: false };
  return { kind: hasVniMarkAfterVowel(text) ? 'vni' : 'tcvn3', decisive: false };
}

/**
 * Detects and converts one piece of text (a cell). Text whose characters are all below U+0100
 * and that is not plausible Unicode Vietnamese is read as TCVN3 or VNI, whichever reads it
 * whole (by the characters only one of them uses when both do). Text that reads both as Unicode
 * and as a legacy encoding (`Tô` is Unicode "Tô" or VNI "Tơ") follows `prefer`: what the rest of
 * the file was found to be, so a legacy file converts throughout while a Unicode file is left
 * alone.
 */
export function convertLegacyText(text: string, prefer: TextConversion | null = null): ConvertedText {
  if (!hasHighLatin1(text) || !onlyLatin1(text)) {
    const nfc = text.normalize('NFC');
    return { text: nfc, conversion: nfc === text ? null : 'nfd', decisive: false };
  }
  const plausibleUnicode = [...text].every((ch) => ch.charCodeAt(0) < 0x80 || UNICODE_LATIN1_VN.has(ch));
  const tcvn3 = fromTcvn3(text);
  const vni = fromVni(text);
  if (!plausibleUnicode) {
    if (tcvn3 !== null && vni !== null) {
      const { kind, decisive } = chooseLegacy(text, prefer);
      return { text: kind === 'tcvn3' ? tcvn3 : vni, conversion: kind, decisive };
    }
    if (tcvn3 !== null) return { text: tcvn3, conversion: 'tcvn3', decisive: true };
    if (vni !== null) return { text: vni, conversion: 'vni', decisive: true };
    return { text, conversion: null, decisive: false };
  }
  if (prefer === 'tcvn3' && tcvn3 !== null && tcvn3 !== text)
    return { text: tcvn3, conversion: 'tcvn3', decisive: false };
  if (prefer === 'vni' && vni !== null && vni !== text)
    return { text: vni, conversion: 'vni', decisive: false };
  return { text, conversion: null, decisive: false };
}

/**
 * Converts the cells of one file, remembering which legacy encoding its unambiguous cells were
 * in, and counting conversions by kind.
 */
export class LegacyTextConverter {
  readonly counts: Record<TextConversion, number> = { tcvn3: 0, vni: 0, nfd: 0 };
  private readonly seen: Record<'tcvn3' | 'vni', number> = { tcvn3: 0, vni: 0 };

  private get prefer(): TextConversion | null {
    if (this.seen.tcvn3 === 0 && this.seen.vni === 0) return null;
    return this.seen.tcvn3 >= this.seen.vni ? 'tcvn3' : 'vni';
  }

  convert(text: string): string {
    const result = convertLegacyText(text, this.prefer);
    if (result.conversion !== null) {
      this.counts[result.conversion] += 1;
      // a cell only one encoding reads says more about the file than a close call
      if (result.conversion !== 'nfd') this.seen[result.conversion] += result.decisive ? 10 : 1;
    }
    return result.text;
  }
}
