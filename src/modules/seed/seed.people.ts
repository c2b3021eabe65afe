/**
 * Words and frequencies for synthetic Party members: names composed `family middle given` (faker's
 * `vi` pattern puts the family name last), family names weighted by their approximate share of
 * the population, ethnic groups and religions by region, schooling and training levels.
 * Frequencies are rough public figures (census 2019, surname surveys); they only shape test data.
 */
import { faker } from '@faker-js/faker/locale/vi';
import type { Region } from './seed.places.ts';

/** What is drawn, with running totals of the weights (a draw is a binary search: millions of draws). */
export interface Weighted<T> {
  items: readonly T[];
  cumulative: readonly number[];
  total: number;
}

export function weightedList<T>(pairs: readonly (readonly [T, number])[]): Weighted<T> {
  const cumulative: number[] = [];
  let total = 0;
  for (const [, w] of pairs) {
    total += w;
    cumulative.push(total);
  }
  return { items: pairs.map((p) => p[0]), cumulative, total };
}

/** Draws an item with probability proportional to its weight; `r` in [0, 1). */
export function drawWeighted<T>(w: Weighted<T>, r: number): T {
  const target = r * w.total;
  let lo = 0;
  let hi = w.cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((w.cumulative[mid] as number) > target) hi = mid;
    else lo = mid + 1;
  }
  return w.items[lo] as T;
}

/** "Hoàng" and "Vũ" in the North, "Huỳnh" and "Võ" in the South (the same names, split in 1945 usage). */
function kinhFamilies(south: boolean): Weighted<string> {
  return weightedList([
    ['Nguyễn', 38],
    ['Trần', 11],
    ['Lê', 9.5],
    ['Phạm', 7],
    [south ? 'Huỳnh' : 'Hoàng', 5],
    ['Phan', 4.5],
    [south ? 'Võ' : 'Vũ', 3.9],
    ['Đặng', 2.1],
    ['Bùi', 2],
    ['Đỗ', 1.4],
    ['Hồ', 1.3],
    ['Ngô', 1.3],
    ['Dương', 1],
    ['Lý', 0.5],
    ['Đinh', 0.8],
    ['Đào', 0.6],
    ['Trịnh', 0.6],
    ['Mai', 0.5],
    ['Trương', 0.6],
    ['Lương', 0.4],
    ['Hà', 0.5],
    ['Tạ', 0.3],
    ['Cao', 0.4],
    ['Lưu', 0.3],
    ['Phùng', 0.3],
    ['Tô', 0.2],
    ['Đoàn', 0.5],
    ['Vương', 0.2],
    ['Lâm', 0.3],
    ['Chu', 0.2],
    ['Kiều', 0.15],
    ['Thái', 0.15],
    ['Mạc', 0.05],
    ['Khúc', 0.03],
    ['Hoàng', south ? 0.6 : 0],
    ['Vũ', south ? 0.4 : 0],
  ]);
}

export const KINH_FAMILIES = { north: kinhFamilies(false), south: kinhFamilies(true) };

/** Family names of some ethnic minorities (Tày Nông, Thái Lò, Mông Giàng, Khơ-me Thạch …). */
export const MINORITY_FAMILIES: Readonly<Record<string, readonly string[]>> = {
  '02': ['Hoàng', 'Nông', 'Lương', 'Lục', 'Hà', 'Bế', 'Ma', 'Triệu', 'Vi', 'Hứa', 'Đinh'],
  '03': ['Lò', 'Cầm', 'Lường', 'Quàng', 'Vi', 'Hà', 'Lê', 'Tòng', 'Điêu'],
  '04': ['Lâm', 'Trương', 'Quách', 'Hứa', 'Lý', 'Châu', 'Mã', 'Diệp'],
  '05': ['Thạch', 'Danh', 'Sơn', 'Lâm', 'Kim', 'Châu', 'Lý'],
  '06': ['Bùi', 'Đinh', 'Quách', 'Hà', 'Xa', 'Cao'],
  '07': ['Hoàng', 'Nông', 'Lục', 'Vi', 'Lăng', 'Mã', 'Chu'],
  '08': ['Giàng', 'Sùng', 'Vàng', 'Thào', 'Mùa', 'Lý', 'Hờ', 'Tráng'],
  '09': ['Triệu', 'Bàn', 'Đặng', 'Lý', 'Phùng'],
  '10': ['Ksor', 'Siu', 'Rơ Châm', 'Rơ Mah', 'Puih', 'Kpă'],
  '12': ['Niê', 'Êban', 'Mlô', 'Ayun', 'Byă', 'Ksơr'],
  '13': ['Đinh', 'A'],
  '17': ['Đạo', 'Thành', 'Lưu', 'Quảng'],
};

export const MALE_MIDDLE = weightedList([
  ['Văn', 30],
  ['Đức', 8],
  ['Minh', 8],
  ['Hữu', 6],
  ['Quang', 5],
  ['Công', 5],
  ['Thanh', 5],
  ['Quốc', 4],
  ['Xuân', 4],
  ['Đình', 4],
  ['Ngọc', 3],
  ['Trọng', 3],
  ['Thế', 3],
  ['Anh', 3],
  ['Duy', 3],
  ['Mạnh', 2],
  ['Tuấn', 2],
  ['Hoàng', 2],
  ['Bá', 2],
  ['Tiến', 2],
  ['Trung', 2],
  ['Hải', 2],
  ['Việt', 2],
  ['Thành', 2],
  ['Kim', 1],
]);

export const FEMALE_MIDDLE = weightedList([
  ['Thị', 65],
  ['Ngọc', 6],
  ['Thu', 5],
  ['Thanh', 4],
  ['Minh', 3],
  ['Hồng', 3],
  ['Kim', 3],
  ['Phương', 2],
  ['Thúy', 2],
  ['Mai', 2],
  ['Bích', 1],
  ['Diệu', 1],
  ['Hải', 1],
  ['Khánh', 1],
  ['Lan', 1],
  ['Quỳnh', 1],
]);

const MALE_GIVEN_COMMON = [
  'Hùng',
  'Dũng',
  'Tuấn',
  'Minh',
  'Hải',
  'Nam',
  'Long',
  'Sơn',
  'Thắng',
  'Cường',
  'Hoàng',
  'Quang',
  'Trung',
  'Đức',
  'Thành',
  'Phong',
  'Bình',
  'Hiếu',
  'Huy',
  'Khánh',
  'Tùng',
  'Việt',
  'Anh',
  'An',
  'Lâm',
  'Vinh',
  'Toàn',
  'Tâm',
  'Thịnh',
  'Quân',
  'Tài',
  'Lợi',
  'Phúc',
  'Hưng',
  'Kiên',
  'Đạt',
  'Lực',
  'Hòa',
  'Bảo',
  'Duy',
  'Khoa',
  'Hiệp',
  'Tú',
  'Lộc',
  'Thanh',
  'Tiến',
  'Chiến',
  'Công',
  'Nghĩa',
  'Trí',
];

const FEMALE_GIVEN_COMMON = [
  'Hương',
  'Lan',
  'Hoa',
  'Hằng',
  'Mai',
  'Linh',
  'Trang',
  'Thảo',
  'Hà',
  'Nga',
  'Phương',
  'Thủy',
  'Huyền',
  'Yến',
  'Ngọc',
  'Hạnh',
  'Nhung',
  'Loan',
  'Dung',
  'Oanh',
  'Anh',
  'Vân',
  'Liên',
  'Thu',
  'Hiền',
  'Nhàn',
  'Tâm',
  'Hồng',
  'Giang',
  'Nhi',
  'Quỳnh',
  'Thư',
  'Vy',
  'Ly',
  'Hậu',
  'Lý',
  'Xuân',
  'Duyên',
  'Hòa',
  'Bình',
  'Chi',
  'Diệp',
  'Uyên',
  'An',
  'Tuyết',
  'Thanh',
  'Nguyệt',
  'Thắm',
  'Hải',
];

/** The given names (last word) of faker's `vi` pairs, sorted so draws do not depend on file order. */
function fakerGiven(sex: 'male' | 'female'): string[] {
  const pairs = faker.rawDefinitions.person?.first_name?.[sex] ?? [];
  const words = new Set<string>();
  for (const pair of pairs) {
    const last = pair.split(' ').at(-1);
    if (last && /^\p{Lu}\p{Ll}+$/u.test(last)) words.add(last);
  }
  return [...words].sort();
}

/**
 * Common given names weigh more than faker's long tail: the first ~50 names cover most people,
 * the tail supplies rare ones (so that a rare-name search has few hits).
 */
function givenNames(common: readonly string[], sex: 'male' | 'female'): Weighted<string> {
  const tail = fakerGiven(sex).filter((w) => !common.includes(w));
  return weightedList([
    ...common.map((w, i) => [w, 40 / (1 + i / 8)] as const),
    ...tail.map((w) => [w, 0.4] as const),
  ]);
}

export const MALE_GIVEN = givenNames(MALE_GIVEN_COMMON, 'male');
export const FEMALE_GIVEN = givenNames(FEMALE_GIVEN_COMMON, 'female');

/** Where a member's committee is: a province's region, or one of the central blocs. */
export type MemberRegion = Region | 'central_bloc';

/** Ethnic group codes (ref_ethnicity) by region; Kinh = '01'. */
export const ETHNICITY: Readonly<Record<MemberRegion, Weighted<string>>> = {
  north: weightedList([
    ['01', 90],
    ['06', 3],
    ['02', 2],
    ['07', 1],
    ['04', 0.5],
    ['18', 1],
    ['09', 1],
    ['15', 0.5],
  ]),
  mountain: weightedList([
    ['01', 45],
    ['03', 18],
    ['02', 10],
    ['08', 9],
    ['07', 6],
    ['09', 5],
    ['06', 3],
    ['29', 1.5],
    ['25', 0.8],
    ['35', 0.7],
    ['37', 0.3],
    ['41', 0.2],
    ['42', 0.2],
  ]),
  central: weightedList([
    ['01', 93],
    ['06', 2.5],
    ['03', 2],
    ['23', 0.8],
    ['26', 0.6],
    ['19', 0.6],
    ['21', 0.5],
    ['31', 0.4],
    ['30', 0.3],
    ['17', 0.3],
  ]),
  highlands: weightedList([
    ['01', 72],
    ['10', 8],
    ['12', 7],
    ['13', 4],
    ['14', 2.5],
    ['16', 2.5],
    ['20', 2],
    ['02', 1],
    ['07', 1],
    ['28', 0.5],
  ]),
  south: weightedList([
    ['01', 93],
    ['04', 3.5],
    ['05', 1.5],
    ['22', 0.7],
    ['17', 0.5],
    ['32', 0.3],
  ]),
  mekong: weightedList([
    ['01', 87],
    ['05', 10],
    ['04', 2],
    ['17', 0.6],
  ]),
  central_bloc: weightedList([
    ['01', 88],
    ['02', 2],
    ['03', 2],
    ['06', 2],
    ['07', 1.5],
    ['04', 1],
    ['05', 1],
    ['08', 0.8],
    ['09', 0.7],
    ['10', 0.5],
    ['12', 0.5],
  ]),
};

/** Religion codes (ref_religion); most members declare none. */
export function religionWeights(region: MemberRegion): Weighted<string> {
  const south = region === 'south' || region === 'mekong';
  return weightedList([
    ['none', 92],
    ['buddhism', south ? 5 : 4],
    ['catholic', region === 'highlands' ? 3 : 2],
    ['protestant', region === 'highlands' ? 2.5 : 0.2],
    ['caodai', south ? 1.2 : 0.05],
    ['hoahao', region === 'mekong' ? 1.5 : 0.02],
    ['islam', region === 'mekong' || region === 'south' ? 0.1 : 0.01],
    ['other', 0.1],
  ]);
}

/** General schooling (ref_education); the generation born before 1960 often stopped earlier. */
export const EDUCATION = {
  older: weightedList([
    ['upper_secondary', 62],
    ['lower_secondary', 28],
    ['primary', 8],
    ['', 2],
  ]),
  younger: weightedList([
    ['upper_secondary', 88],
    ['lower_secondary', 9],
    ['primary', 1.5],
    ['', 1.5],
  ]),
};

export const QUALIFICATION = weightedList([
  ['Đại học', 50],
  ['Thạc sĩ', 8],
  ['Tiến sĩ', 1.2],
  ['Cao đẳng', 8],
  ['Trung cấp', 12],
  ['Sơ cấp', 3],
  ['', 17.8],
]);

/** Political theory training (ref_theory_level): probationary members have little yet. */
export const THEORY_LEVEL = {
  official: weightedList([
    ['elementary', 50],
    ['none', 28],
    ['intermediate', 13],
    ['advanced', 5],
    ['bachelor', 2],
    ['', 2],
  ]),
  probationary: weightedList([
    ['none', 70],
    ['elementary', 29],
    ['', 1],
  ]),
};

/** What the cell is, for the members' occupations. */
export type CellSetting = 'rural' | 'ward' | 'agency' | 'army' | 'police';

export const OCCUPATION: Readonly<Record<CellSetting, Weighted<string>>> = {
  rural: weightedList([
    ['Nông dân', 35],
    ['Lao động tự do', 10],
    ['Công chức cấp xã', 8],
    ['Kinh doanh', 8],
    ['Công nhân', 8],
    ['Giáo viên', 6],
    ['Viên chức', 6],
    ['Bộ đội xuất ngũ', 3],
  ]),
  ward: weightedList([
    ['Kinh doanh', 20],
    ['Công nhân', 15],
    ['Viên chức', 15],
    ['Công chức', 12],
    ['Lao động tự do', 12],
    ['Giáo viên', 8],
    ['Bác sĩ', 3],
  ]),
  agency: weightedList([
    ['Công chức', 40],
    ['Viên chức', 30],
    ['Công nhân', 10],
    ['Người lao động', 10],
    ['Giảng viên', 5],
    ['Bác sĩ', 5],
  ]),
  army: weightedList([
    ['Quân nhân', 90],
    ['Công nhân quốc phòng', 6],
    ['Viên chức quốc phòng', 4],
  ]),
  police: weightedList([
    ['Công an', 95],
    ['Công nhân công an', 5],
  ]),
};

/**
 * The first three digits of a 12-digit citizen ID name the province of birth registration
 * (Circular 59/2021/TT-BCA); here the pre-2025 code of the province's main part.
 */
export const ID_PROVINCE_CODE: Readonly<Record<string, string>> = {
  HN: '001',
  HUE: '046',
  HP: '031',
  DN: '048',
  HCM: '079',
  CT: '092',
  LCH: '012',
  DB: '011',
  SL: '014',
  LS: '020',
  CB: '004',
  QNI: '022',
  TH: '038',
  NA: '040',
  HT: '042',
  TQ: '008',
  LCI: '010',
  TN: '019',
  PT: '025',
  BN: '027',
  HY: '033',
  NB: '037',
  QT: '045',
  QNG: '051',
  GL: '064',
  DL: '066',
  KH: '056',
  LD: '068',
  DNA: '075',
  TNI: '072',
  VL: '086',
  DT: '087',
  CM: '096',
  AG: '089',
};
