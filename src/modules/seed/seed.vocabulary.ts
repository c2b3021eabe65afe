/**
 * Words for synthetic names of Party organizations. Names are composed here rather than taken
 * from faker's patterns, which follow Western order ("Thụy Du Hồ") and English street suffixes;
 * faker's Vietnamese given-name pairs only supply plausible village and company names.
 */
import { faker } from '@faker-js/faker/locale/vi';
import type { Region } from './seed.places.ts';
import type { Random } from './seed.random.ts';

/** First syllables that make a given-name pair read like a place ("Đức Thịnh", "Xuân Phương"). */
const PLACE_LIKE_FIRST = new Set([
  'An',
  'Bình',
  'Đức',
  'Hòa',
  'Hưng',
  'Kim',
  'Minh',
  'Ngọc',
  'Phú',
  'Phúc',
  'Quang',
  'Tân',
  'Thanh',
  'Thịnh',
  'Trung',
  'Vĩnh',
  'Xuân',
  'Hồng',
  'Gia',
  'Đông',
  'Nam',
  'Bắc',
  'Hải',
  'Trường',
]);

function fakerPairs(): readonly string[] {
  const names = faker.rawDefinitions.person?.first_name;
  const all = [...(names?.male ?? []), ...(names?.female ?? []), ...(names?.generic ?? [])];
  const pairs = new Set<string>();
  for (const full of all) {
    const words = full.split(' ');
    if (words.length === 2 && PLACE_LIKE_FIRST.has(words[0] ?? '')) pairs.add(full);
  }
  // sorted, so the list (and every seeded draw from it) does not depend on faker's file order
  const list = [...pairs].sort();
  return list.length > 0 ? list : ['An Bình', 'Đức Thịnh', 'Xuân Phương', 'Minh Khai', 'Thanh Bình'];
}

export const PLACE_PAIRS: readonly string[] = fakerPairs();

const KINH_FIRST = [
  'An',
  'Bình',
  'Phú',
  'Hòa',
  'Tân',
  'Long',
  'Phước',
  'Đông',
  'Tây',
  'Nam',
  'Bắc',
  'Trung',
  'Hưng',
  'Yên',
  'Minh',
  'Quang',
  'Thuận',
  'Mỹ',
  'Xuân',
  'Hải',
  'Vĩnh',
  'Gia',
  'Đức',
  'Kim',
  'Thanh',
  'Hồng',
  'Cẩm',
  'Quảng',
  'Thạch',
  'Hoằng',
  'Diễn',
  'Nghi',
  'Cam',
  'Liên',
  'Tam',
  'Đại',
  'Lạc',
  'Thái',
  'Hiệp',
  'Khánh',
  'Ngọc',
  'Đồng',
  'Thượng',
  'Vạn',
  'Tiên',
  'Lâm',
  'Phong',
  'Thiệu',
] as const;

const KINH_SECOND = [
  'An',
  'Bình',
  'Hòa',
  'Phú',
  'Lộc',
  'Thịnh',
  'Hưng',
  'Thành',
  'Lợi',
  'Sơn',
  'Hải',
  'Lâm',
  'Thủy',
  'Trung',
  'Xuân',
  'Mỹ',
  'Phong',
  'Tiến',
  'Hiệp',
  'Nghĩa',
  'Thuận',
  'Tân',
  'Long',
  'Phước',
  'Khánh',
  'Đức',
  'Hà',
  'Giang',
  'Châu',
  'Quý',
  'Cường',
  'Vinh',
  'Thạnh',
  'Điền',
  'Trạch',
  'Hội',
  'Dương',
  'Định',
  'Tường',
  'Ninh',
] as const;

const MOUNTAIN_FIRST = [
  'Mường',
  'Nậm',
  'Chiềng',
  'Na',
  'Pá',
  'Tà',
  'Sìn',
  'Phìn',
  'Mù',
  'Nà',
  'Lũng',
  'Pác',
  'Bản',
];
const MOUNTAIN_SECOND = [
  'Lay',
  'Hồ',
  'Khoi',
  'Mai',
  'Cang',
  'Xùa',
  'Tần',
  'Chải',
  'Ngà',
  'Thàng',
  'Hum',
  'Nhùn',
  'Pồ',
  'Lò',
  'Bó',
  'Pục',
  'Mạ',
  'Chà',
  'Tông',
  'Lìn',
  'Tè',
  'Sang',
];
const HIGHLAND_FIRST = ['Ea', 'Ia', 'Krông', 'Đăk', 'Kon', 'Cư', 'Buôn', 'Chư'];
const HIGHLAND_SECOND = [
  'Kar',
  'Súp',
  'Kly',
  'Grai',
  'Pa',
  'Búk',
  'Pơ',
  'Chiêng',
  'Đôn',
  "H'leo",
  'Mgar',
  'Ană',
  'Rông',
  'Tơ',
  'Sê',
  'Prông',
  'Drăng',
  'Pưh',
];

/** Schools are commonly named after historical figures. */
const FIGURES = [
  'Nguyễn Trãi',
  'Lê Quý Đôn',
  'Trần Hưng Đạo',
  'Lý Thường Kiệt',
  'Chu Văn An',
  'Nguyễn Du',
  'Phan Bội Châu',
  'Phan Chu Trinh',
  'Lê Lợi',
  'Quang Trung',
  'Võ Thị Sáu',
  'Nguyễn Thị Minh Khai',
  'Trần Phú',
  'Lê Hồng Phong',
  'Hai Bà Trưng',
  'Ngô Quyền',
  'Đinh Tiên Hoàng',
  'Lý Tự Trọng',
  'Nguyễn Văn Trỗi',
  'Kim Đồng',
  'Nguyễn Khuyến',
  'Nguyễn Đình Chiểu',
  'Hoàng Hoa Thám',
  'Tô Hiến Thành',
  'Lương Thế Vinh',
  'Nguyễn Bỉnh Khiêm',
  'Hồ Tùng Mậu',
  'Nguyễn Hiền',
  'Mạc Đĩnh Chi',
  'Trần Nhân Tông',
  'Lê Thánh Tông',
  'Nguyễn Trung Trực',
  'Trương Định',
  'Bùi Thị Xuân',
  'Phan Đình Phùng',
  'Huỳnh Thúc Kháng',
  'Nguyễn Thái Học',
  'Nguyễn Văn Cừ',
  'Hà Huy Tập',
  'Lê Văn Tám',
  'Hoàng Văn Thụ',
  'Trần Quang Khải',
  'Phạm Ngũ Lão',
  'Lê Văn Hưu',
  'Ngô Sĩ Liên',
  'Phan Huy Chú',
  'Đào Duy Từ',
  'Nguyễn Công Trứ',
  'Cao Bá Quát',
  'Hàn Thuyên',
  'Yết Kiêu',
  'Nguyễn Huệ',
  'Lê Lai',
  'Nguyễn Chí Thanh',
  'Võ Nguyên Giáp',
  'Tôn Đức Thắng',
  'Phạm Văn Đồng',
  'Trường Chinh',
  'Lê Duẩn',
  'Nguyễn Văn Linh',
];

const SECTORS = [
  'Xây dựng',
  'Cấp nước',
  'Thoát nước',
  'Môi trường đô thị',
  'Xăng dầu',
  'Vận tải',
  'Dược phẩm',
  'Lương thực',
  'Thực phẩm',
  'Cao su',
  'Chè',
  'Cà phê',
  'May',
  'Dệt may',
  'Xi măng',
  'Thủy lợi',
  'Lâm nghiệp',
  'Thủy sản',
  'Du lịch',
  'Thương mại',
  'Xuất nhập khẩu',
  'Cơ khí',
  'Công trình giao thông',
  'Kinh doanh nhà',
  'Chiếu sáng công cộng',
  'Công viên cây xanh',
  'In',
  'Sách và Thiết bị trường học',
  'Xổ số kiến thiết',
  'Khoáng sản',
  'Phát triển hạ tầng khu công nghiệp',
  'Nước sạch nông thôn',
  'Giống cây trồng',
  'Thức ăn chăn nuôi',
  'Bia',
  'Cảng',
  'Điện',
  'Tư vấn thiết kế',
];

const COLLEGE_FIELDS = [
  'Y tế',
  'Sư phạm',
  'Kỹ thuật',
  'Công nghệ',
  'Nông Lâm',
  'Văn hóa Nghệ thuật',
  'Du lịch',
  'Kinh tế',
];

/** What fills the slots of the name templates below. */
export class NameSource {
  constructor(
    readonly rng: Random,
    /** "Hà Nội" */
    readonly place: string,
    /** "thành phố Hà Nội", "tỉnh Ninh Bình" */
    readonly scope: string,
    /** "Thành ủy", "Tỉnh ủy" */
    readonly committee: string,
    readonly region: Region,
    /** Place names of all provinces, for branches of central organizations. */
    readonly provinces: readonly string[],
  ) {}

  /** A two-syllable place name in the manner of the region. */
  local(): string {
    const { rng } = this;
    if (this.region === 'mountain' && rng.chance(0.45)) {
      return `${rng.pick(MOUNTAIN_FIRST)} ${rng.pick(MOUNTAIN_SECOND)}`;
    }
    if (this.region === 'highlands' && rng.chance(0.45)) {
      return `${rng.pick(HIGHLAND_FIRST)} ${rng.pick(HIGHLAND_SECOND)}`;
    }
    return this.kinh();
  }

  kinh(): string {
    const first = this.rng.pick(KINH_FIRST);
    let second = this.rng.pick(KINH_SECOND);
    while (second === first) second = this.rng.pick(KINH_SECOND);
    return `${first} ${second}`;
  }

  pair(): string {
    return this.rng.pick(PLACE_PAIRS);
  }

  figure(): string {
    return this.rng.pick(FIGURES);
  }

  sector(): string {
    return this.rng.pick(SECTORS);
  }

  collegeField(): string {
    return this.rng.pick(COLLEGE_FIELDS);
  }

  province(): string {
    return this.rng.pick(this.provinces);
  }

  int(min: number, max: number): number {
    return this.rng.int(min, max);
  }

  pick<T>(items: readonly T[]): T {
    return this.rng.pick(items);
  }
}

/** How the cells under a grassroots committee are named. */
export type CellStyle =
  | 'commune'
  | 'ward'
  | 'zone'
  | 'agency'
  | 'enterprise'
  | 'school'
  | 'university'
  | 'hospital'
  | 'police'
  | 'military'
  | 'border'
  | 'bank';

interface CellVocabulary {
  fixed: readonly string[];
  /** Names beyond the fixed ones, numbered from 1. */
  numbered: (n: number) => string;
}

export const CELL_VOCABULARY: Record<Exclude<CellStyle, 'commune' | 'ward' | 'zone'>, CellVocabulary> = {
  agency: {
    fixed: [
      'Văn phòng',
      'Phòng Tổ chức cán bộ',
      'Phòng Kế hoạch – Tài chính',
      'Phòng Tổng hợp',
      'Thanh tra',
      'Phòng Pháp chế',
      'Phòng Hành chính – Quản trị',
      'Trung tâm Thông tin',
      'Trung tâm Dịch vụ công',
      'Phòng Quản lý chuyên ngành',
    ],
    numbered: (n) => `Phòng Nghiệp vụ ${n}`,
  },
  enterprise: {
    fixed: [
      'Phòng Kế toán',
      'Phòng Kỹ thuật',
      'Phòng Tổ chức – Hành chính',
      'Phòng Kinh doanh',
      'Phòng Kế hoạch – Vật tư',
      'Phòng An toàn',
      'Ban Quản lý dự án',
    ],
    numbered: (n) =>
      n % 3 === 0 ? `Xí nghiệp ${n}` : n % 3 === 1 ? `Phân xưởng ${n}` : `Đội Thi công số ${n}`,
  },
  school: {
    fixed: [
      'Tổ Toán – Tin',
      'Tổ Ngữ văn',
      'Tổ Ngoại ngữ',
      'Tổ Khoa học Tự nhiên',
      'Tổ Khoa học Xã hội',
      'Tổ Văn phòng',
    ],
    numbered: (n) => `Tổ chuyên môn ${n}`,
  },
  university: {
    fixed: [
      'Khoa Kinh tế',
      'Khoa Luật',
      'Khoa Công nghệ thông tin',
      'Khoa Ngoại ngữ',
      'Khoa Lý luận chính trị',
      'Phòng Đào tạo',
      'Phòng Tổ chức – Hành chính',
      'Phòng Công tác sinh viên',
      'Khoa Kỹ thuật',
      'Khoa Sư phạm',
    ],
    numbered: (n) => `Sinh viên ${n}`,
  },
  hospital: {
    fixed: [
      'Khoa Nội',
      'Khoa Ngoại',
      'Khoa Nhi',
      'Khoa Sản',
      'Khoa Hồi sức cấp cứu',
      'Khoa Khám bệnh',
      'Khoa Xét nghiệm',
      'Khoa Chẩn đoán hình ảnh',
      'Khoa Dược',
      'Phòng Điều dưỡng',
      'Phòng Kế hoạch tổng hợp',
      'Khoa Truyền nhiễm',
      'Khoa Y học cổ truyền',
      'Khoa Răng Hàm Mặt',
    ],
    numbered: (n) => `Khoa Lâm sàng ${n}`,
  },
  police: {
    fixed: ['Đội Tổng hợp', 'Đội Tham mưu', 'Đội Điều tra', 'Đội Trinh sát'],
    numbered: (n) => `Đội ${n}`,
  },
  military: {
    fixed: ['Ban Tham mưu', 'Ban Chính trị', 'Ban Hậu cần – Kỹ thuật', 'Cơ quan'],
    numbered: (n) => (n % 2 === 0 ? `Tiểu đoàn ${n}` : `Đại đội ${n}`),
  },
  border: {
    fixed: ['Đội Vận động quần chúng', 'Đội Trinh sát', 'Đội Tuần tra', 'Đội Kiểm soát hành chính'],
    numbered: (n) => `Trạm Kiểm soát Biên phòng số ${n}`,
  },
  bank: {
    fixed: [
      'Phòng Khách hàng doanh nghiệp',
      'Phòng Khách hàng cá nhân',
      'Phòng Kế toán – Ngân quỹ',
      'Phòng Tổng hợp',
      'Phòng Kiểm tra, kiểm soát nội bộ',
    ],
    numbered: (n) => `Phòng Giao dịch số ${n}`,
  },
};

const DIRECTIONS = ['Đông', 'Đoài', 'Thượng', 'Hạ', 'Trung', 'Nam', 'Bắc', 'Tiền', 'Hậu', 'Chùa', 'Đình'];

/** Word for a village and how it is commonly named in each region. */
export function villageName(n: NameSource, index: number): string {
  const { rng } = n;
  switch (n.region) {
    case 'mountain':
      return rng.chance(0.6) ? `bản ${n.local()}` : `thôn ${rng.chance(0.5) ? n.pair() : String(index)}`;
    case 'highlands':
      return rng.chance(0.4)
        ? `${rng.chance(0.5) ? 'buôn' : 'làng'} ${n.local()}`
        : `thôn ${rng.chance(0.5) ? n.pair() : String(index)}`;
    case 'south':
      return rng.chance(0.5) ? `ấp ${n.pair()}` : `ấp ${index}`;
    case 'mekong':
      return rng.chance(0.6) ? `ấp ${n.pair()}` : `ấp ${n.kinh()}`;
    case 'central':
      return rng.chance(0.5) ? `thôn ${n.pair()}` : `xóm ${index}`;
    default:
      return rng.chance(0.2)
        ? `thôn ${rng.pick(DIRECTIONS)}`
        : rng.chance(0.6)
          ? `thôn ${n.pair()}`
          : `xóm ${n.kinh()}`;
  }
}

export function streetName(n: NameSource, index: number): string {
  switch (n.region) {
    case 'south':
      return `khu phố ${index}`;
    case 'mekong':
      return n.rng.chance(0.5) ? `khóm ${index}` : `khu vực ${index}`;
    default:
      return n.rng.chance(0.8) ? `tổ dân phố ${index}` : `tổ dân phố ${n.pair()}`;
  }
}

/** Cells every commune or ward committee has besides its villages or streets. */
export function communeServiceCells(kind: 'xã' | 'phường' | 'đặc khu', commune: string): string[] {
  return [
    `Chi bộ Cơ quan Ủy ban nhân dân ${kind}`,
    `Chi bộ Công an ${kind}`,
    `Chi bộ Quân sự ${kind}`,
    `Chi bộ Trạm Y tế ${kind} ${commune}`,
    `Chi bộ Trường Mầm non ${commune}`,
    `Chi bộ Trường Tiểu học ${commune}`,
    `Chi bộ Trường THCS ${commune}`,
    'Chi bộ Trung tâm Phục vụ hành chính công',
  ];
}
