/**
 * What stands under each committee directly under the Central: its intermediate committees
 * ("Đảng bộ Khối …", "Đảng bộ Quân khu 1") and the kinds of grassroots organizations under them,
 * with how often each is a grassroots committee (30 members or more, with cells) rather than a
 * grassroots cell (Charter Art. 21; research/domain-rules.md §5.9).
 */
import type { TopProfile } from './seed.places.ts';
import type { CellStyle, NameSource } from './seed.vocabulary.ts';

export interface GrassrootsKind {
  weight: number;
  /** Probability of being a grassroots committee rather than a grassroots cell. */
  committeeShare: number;
  cells: CellStyle;
  /** Multiplies the number of cells of a committee (hospitals and universities are larger). */
  size?: number;
  /** The organization's own name, without "Đảng ủy" / "Chi bộ". */
  make: (n: NameSource) => string;
}

export interface FixedGrassroots {
  name: string;
  committeeShare: number;
  cells: CellStyle;
  size?: number;
}

export interface Pool {
  /** Used first, in order; then names are drawn from `kinds`. */
  fixed: readonly FixedGrassroots[];
  kinds: readonly GrassrootsKind[];
}

export interface IntermediateSpec {
  name: string;
  /** Relative share of the top's grassroots organizations. */
  weight: number;
  pool: Pool;
}

export interface TopStructure {
  intermediates: readonly IntermediateSpec[];
  /** Grassroots organizations directly under the top committee. */
  direct: Pool;
  directWeight: number;
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV'];

function fixed(
  names: readonly string[],
  committeeShare: number,
  cells: CellStyle,
  size?: number,
): FixedGrassroots[] {
  return names.map((name) => ({ name, committeeShare, cells, size }));
}

function kind(
  weight: number,
  committeeShare: number,
  cells: CellStyle,
  make: (n: NameSource) => string,
  size?: number,
): GrassrootsKind {
  return { weight, committeeShare, cells, make, size };
}

const PROVINCIAL_DEPARTMENTS = [
  'Sở Tài chính',
  'Sở Nội vụ',
  'Sở Tư pháp',
  'Sở Xây dựng',
  'Sở Công Thương',
  'Sở Nông nghiệp và Môi trường',
  'Sở Khoa học và Công nghệ',
  'Sở Giáo dục và Đào tạo',
  'Sở Y tế',
  'Sở Văn hóa, Thể thao và Du lịch',
  'Sở Dân tộc và Tôn giáo',
];

const SUB_DEPARTMENTS = [
  'Thủy lợi',
  'Kiểm lâm',
  'Chăn nuôi và Thú y',
  'Trồng trọt và Bảo vệ thực vật',
  'Thủy sản',
  'Quản lý đất đai',
  'Bảo vệ môi trường',
  'Phát triển nông thôn',
  'Tiêu chuẩn Đo lường Chất lượng',
  'Dân số',
];

const CENTRES = [
  'Phát triển quỹ đất',
  'Công nghệ thông tin và Truyền thông',
  'Xúc tiến Đầu tư, Thương mại và Du lịch',
  'Kiểm soát bệnh tật',
  'Quan trắc tài nguyên và môi trường',
  'Khuyến nông',
  'Dịch vụ việc làm',
  'Bảo trợ xã hội',
  'Huấn luyện và Thi đấu thể thao',
  'Lưu trữ lịch sử',
  'Trợ giúp pháp lý nhà nước',
  'Đăng kiểm xe cơ giới',
];

const POLICE_DIVISIONS = [
  'Phòng Tham mưu',
  'Phòng Tổ chức cán bộ',
  'Phòng Cảnh sát hình sự',
  'Phòng Cảnh sát giao thông',
  'Phòng Cảnh sát điều tra tội phạm về ma túy',
  'Phòng Cảnh sát kinh tế',
  'Phòng An ninh chính trị nội bộ',
  'Phòng An ninh kinh tế',
  'Phòng An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao',
  'Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ',
  'Phòng Cảnh sát quản lý hành chính về trật tự xã hội',
  'Phòng Quản lý xuất nhập cảnh',
  'Phòng Kỹ thuật hình sự',
  'Phòng Hậu cần',
  'Phòng Cảnh sát cơ động',
  'Trại tạm giam',
];

function localStructure(n: NameSource, border: boolean): TopStructure {
  const { scope, committee, place } = n;
  const party: Pool = {
    fixed: [
      ...fixed(
        [
          `Văn phòng ${committee}`,
          `Ban Tổ chức ${committee}`,
          `Ủy ban Kiểm tra ${committee}`,
          `Ban Tuyên giáo và Dân vận ${committee}`,
          `Ban Nội chính ${committee}`,
        ],
        0.1,
        'agency',
      ),
      ...fixed(
        [
          `Báo và Phát thanh, Truyền hình ${place}`,
          `Trường Chính trị ${scope}`,
          `Tòa án nhân dân ${scope}`,
          `Viện kiểm sát nhân dân ${scope}`,
        ],
        0.6,
        'agency',
      ),
      ...fixed(
        [
          `Cơ quan Ủy ban Mặt trận Tổ quốc Việt Nam ${scope}`,
          `Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân ${scope}`,
          `Liên đoàn Lao động ${scope}`,
          `Hội Nông dân ${scope}`,
          `Hội Liên hiệp Phụ nữ ${scope}`,
          `Hội Cựu chiến binh ${scope}`,
          `Liên minh Hợp tác xã ${scope}`,
          `Hội Văn học Nghệ thuật ${scope}`,
        ],
        0.05,
        'agency',
      ),
    ],
    kinds: [
      kind(2, 0.1, 'agency', (s) => `Tòa án nhân dân khu vực ${s.int(1, 60)}`),
      kind(2, 0.1, 'agency', (s) => `Viện kiểm sát nhân dân khu vực ${s.int(1, 60)}`),
      kind(1, 0.05, 'agency', (s) => `Phòng Thi hành án dân sự khu vực ${s.int(1, 60)}`),
    ],
  };
  const government: Pool = {
    fixed: [
      ...fixed(
        [`Văn phòng Ủy ban nhân dân ${scope}`, ...PROVINCIAL_DEPARTMENTS, `Thanh tra ${scope}`],
        0.6,
        'agency',
      ),
      ...fixed(
        [
          `Bệnh viện Đa khoa ${scope}`,
          `Bệnh viện Sản Nhi ${scope}`,
          `Bệnh viện Y học cổ truyền ${scope}`,
          `Bệnh viện Phổi ${scope}`,
        ],
        0.9,
        'hospital',
        1.6,
      ),
      ...fixed([`Trường Cao đẳng Y tế ${place}`, `Trường THPT chuyên ${place}`], 0.5, 'university'),
      ...fixed([`Ban Quản lý các khu công nghiệp ${scope}`], 0.3, 'agency'),
    ],
    kinds: [
      kind(6, 0.04, 'school', (s) => `Trường THPT ${s.figure()}`),
      kind(6, 0.04, 'school', (s) => `Trường THPT ${s.local()}`),
      kind(3, 0.5, 'hospital', (s) => `Trung tâm Y tế khu vực ${s.local()}`),
      kind(1, 0.8, 'hospital', (s) => `Bệnh viện Đa khoa khu vực ${s.local()}`, 1.4),
      kind(2, 0.03, 'school', (s) => `Trung tâm Giáo dục nghề nghiệp – Giáo dục thường xuyên ${s.local()}`),
      kind(0.5, 0.6, 'university', (s) => `Trường Cao đẳng ${s.collegeField()} ${place}`),
      kind(2, 0.2, 'agency', (s) => `Chi cục ${s.pick(SUB_DEPARTMENTS)}`),
      kind(1, 0.05, 'agency', (s) => `Hạt Kiểm lâm ${s.local()}`),
      kind(1, 0.1, 'agency', (s) => `Ban Quản lý rừng phòng hộ ${s.local()}`),
      kind(2, 0.1, 'agency', (s) => `Trung tâm ${s.pick(CENTRES)}`),
    ],
  };
  const police: Pool = {
    fixed: fixed(POLICE_DIVISIONS, 0.5, 'police'),
    kinds: [
      kind(6, 0.02, 'police', (s) => `Công an ${s.rng.chance(0.7) ? 'xã' : 'phường'} ${s.local()}`),
      kind(
        1,
        0.1,
        'police',
        (s) => `Đội Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ khu vực ${s.int(1, 40)}`,
      ),
    ],
  };
  const military: Pool = {
    fixed: [
      ...fixed([`Cơ quan Bộ Chỉ huy Quân sự ${scope}`, `Trường Quân sự ${scope}`], 0.8, 'military'),
      ...fixed(['Đại đội Trinh sát', 'Đại đội Công binh', 'Đại đội Thông tin'], 0, 'military'),
    ],
    kinds: [
      kind(4, 0.3, 'military', (s) => `Ban Chỉ huy Phòng thủ khu vực ${s.int(1, 30)}`),
      kind(1, 0.8, 'military', (s) => `Trung đoàn ${s.int(1, 999)}`, 1.3),
      kind(1, 0.2, 'military', (s) => `Tiểu đoàn ${s.int(1, 99)}`),
      kind(0.5, 0.05, 'military', (s) => `Đội K${s.int(50, 99)}`),
    ],
  };
  const enterprises: Pool = {
    fixed: [],
    kinds: [
      kind(4, 0.35, 'enterprise', (s) => `Công ty Cổ phần ${s.sector()} ${place}`),
      kind(2, 0.4, 'enterprise', (s) => `Công ty TNHH MTV ${s.sector()} ${place}`),
      kind(3, 0.2, 'enterprise', (s) => `Công ty Cổ phần ${s.sector()} ${s.local()}`),
      kind(4, 0.05, 'enterprise', (s) => `Công ty TNHH ${s.pair()}`),
      kind(1, 0, 'bank', (s) => `Quỹ Tín dụng nhân dân ${s.local()}`),
      kind(1, 0, 'enterprise', (s) => `Hợp tác xã ${s.sector()} ${s.local()}`),
    ],
  };
  const borderGuard: Pool = {
    fixed: [
      ...fixed([`Cơ quan Bộ Chỉ huy Bộ đội Biên phòng ${scope}`], 0.9, 'border'),
      ...fixed(['Hải đội Biên phòng 1', 'Hải đội Biên phòng 2'], 0.4, 'border'),
    ],
    kinds: [
      kind(5, 0.15, 'border', (s) => `Đồn Biên phòng ${s.local()}`),
      kind(1, 0.4, 'border', (s) => `Đồn Biên phòng Cửa khẩu ${s.local()}`),
    ],
  };
  const direct: Pool = {
    fixed: fixed([`Trường Đại học ${place}`], 1, 'university', 2.5),
    kinds: [
      kind(3, 0.95, 'enterprise', (s) => `Tổng công ty ${s.sector()} ${place}`, 1.8),
      kind(1, 0.9, 'university', (s) => `Trường Đại học ${s.collegeField()} ${place}`, 2),
      kind(1, 0.6, 'hospital', (s) => `Bệnh viện Đa khoa ${s.pair()}`),
      kind(2, 0.6, 'enterprise', (s) => `Công ty Cổ phần Tập đoàn ${s.pair()}`, 1.5),
    ],
  };
  const intermediates: IntermediateSpec[] = [
    { name: `Đảng bộ các cơ quan Đảng ${scope}`, weight: 5, pool: party },
    { name: `Đảng bộ Ủy ban nhân dân ${scope}`, weight: 40, pool: government },
    { name: `Đảng bộ Công an ${scope}`, weight: 13, pool: police },
    { name: `Đảng bộ Quân sự ${scope}`, weight: 6, pool: military },
    { name: `Đảng bộ Khối Doanh nghiệp ${scope}`, weight: 24, pool: enterprises },
  ];
  if (border)
    intermediates.push({ name: `Đảng bộ Bộ đội Biên phòng ${scope}`, weight: 4, pool: borderGuard });
  return { intermediates, direct, directWeight: 8 };
}

const ARMY_UNITS: Pool = {
  fixed: [],
  kinds: [
    kind(5, 0.8, 'military', (s) => `Trung đoàn ${s.int(1, 999)}`, 1.2),
    kind(3, 0.9, 'military', (s) => `Lữ đoàn ${s.int(100, 999)}`, 1.3),
    kind(4, 0.3, 'military', (s) => `Tiểu đoàn ${s.int(1, 99)}`),
    kind(2, 0.9, 'military', (s) => `Bộ Chỉ huy Quân sự tỉnh ${s.province()}`),
    kind(1, 0.8, 'hospital', (s) => `Bệnh viện Quân y ${s.int(1, 199)}`, 1.3),
    kind(2, 0.1, 'military', (s) => `Kho K${s.int(1, 99)}`),
    kind(1, 0.8, 'enterprise', (s) => `Nhà máy Z${s.int(111, 199)}`),
    kind(1, 0.6, 'military', (s) => `Đoàn Kinh tế – Quốc phòng ${s.int(300, 399)}`),
    kind(2, 0.05, 'military', (s) => `Đại đội ${s.int(1, 30)} – Tiểu đoàn ${s.int(1, 99)}`),
  ],
};

const CENTRAL_BORDER_GUARD: Pool = {
  fixed: fixed(['Học viện Biên phòng', 'Trường Cao đẳng Biên phòng'], 1, 'university'),
  kinds: [
    kind(1, 0.9, 'border', (s) => `Bộ Chỉ huy Bộ đội Biên phòng tỉnh ${s.province()}`),
    kind(6, 0.15, 'border', (s) => `Đồn Biên phòng ${s.kinh()}`),
    kind(1, 0.5, 'border', (s) => `Hải đội Biên phòng ${s.int(1, 40)}`),
  ],
};

const VIETTEL: Pool = {
  fixed: fixed(
    [
      'Tổng Công ty Viễn thông Viettel',
      'Tổng Công ty Giải pháp doanh nghiệp Viettel',
      'Tổng Công ty Mạng lưới Viettel',
      'Tổng Công ty Công nghiệp Công nghệ cao Viettel',
      'Tổng Công ty Cổ phần Bưu chính Viettel',
    ],
    1,
    'enterprise',
    2,
  ),
  kinds: [
    kind(3, 0.9, 'enterprise', (s) => `Viettel ${s.province()}`),
    kind(2, 0.05, 'enterprise', (s) => `Trung tâm Kỹ thuật Viettel ${s.kinh()}`),
  ],
};

function armyStructure(): TopStructure {
  const military = [1, 2, 3, 4, 5, 7, 9].map((k) => ({
    name: `Đảng bộ Quân khu ${k}`,
    weight: 8,
    pool: ARMY_UNITS,
  }));
  const others: [string, number][] = [
    ['Đảng bộ Quân đoàn 12', 5],
    ['Đảng bộ Quân đoàn 34', 5],
    ['Đảng bộ Quân chủng Hải quân', 7],
    ['Đảng bộ Quân chủng Phòng không – Không quân', 7],
    ['Đảng bộ Cảnh sát biển Việt Nam', 2],
    ['Đảng bộ Bộ Tư lệnh Thủ đô Hà Nội', 4],
    ['Đảng bộ Bộ Tư lệnh Bảo vệ Lăng Chủ tịch Hồ Chí Minh', 1],
    ['Đảng bộ Tổng cục Chính trị', 2],
    ['Đảng bộ Tổng cục Hậu cần – Kỹ thuật', 4],
    ['Đảng bộ Tổng cục Công nghiệp quốc phòng', 4],
    ['Đảng bộ Bộ Tổng Tham mưu – Cơ quan Bộ Quốc phòng', 3],
    ['Đảng bộ Binh chủng Công binh', 2],
    ['Đảng bộ Binh chủng Thông tin liên lạc', 2],
    ['Đảng bộ Binh chủng Tăng thiết giáp', 2],
    ['Đảng bộ Binh chủng Đặc công', 1],
    ['Đảng bộ Binh chủng Pháo binh', 1],
    ['Đảng bộ Binh chủng Hóa học', 1],
    ['Đảng bộ Học viện Quốc phòng', 1],
  ];
  return {
    intermediates: [
      ...military,
      ...others.map(([name, weight]) => ({ name, weight, pool: ARMY_UNITS })),
      { name: 'Đảng bộ Bộ đội Biên phòng', weight: 8, pool: CENTRAL_BORDER_GUARD },
      { name: 'Đảng bộ Tập đoàn Công nghiệp – Viễn thông Quân đội', weight: 4, pool: VIETTEL },
    ],
    direct: {
      fixed: [
        ...fixed(['Bệnh viện Trung ương Quân đội 108', 'Bệnh viện Quân y 175'], 1, 'hospital', 3),
        ...fixed(
          ['Học viện Quân y', 'Học viện Kỹ thuật Quân sự', 'Học viện Chính trị'],
          1,
          'university',
          2.5,
        ),
        ...fixed(['Báo Quân đội nhân dân', 'Truyền hình Quân đội nhân dân'], 0.8, 'agency'),
      ],
      kinds: ARMY_UNITS.kinds,
    },
    directWeight: 3,
  };
}

const POLICE_DEPARTMENTS = [
  'Cục An ninh đối ngoại',
  'Cục An ninh chính trị nội bộ',
  'Cục An ninh kinh tế',
  'Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao',
  'Cục Cảnh sát hình sự',
  'Cục Cảnh sát giao thông',
  'Cục Cảnh sát quản lý hành chính về trật tự xã hội',
  'Cục Cảnh sát điều tra tội phạm về ma túy',
  'Cục Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ',
  'Cục Quản lý xuất nhập cảnh',
  'Cục Hồ sơ nghiệp vụ',
  'Cục Kỹ thuật nghiệp vụ',
  'Cục Tổ chức cán bộ',
  'Văn phòng Bộ Công an',
  'Thanh tra Bộ Công an',
  'Bệnh viện 19-8',
  'Bệnh viện 199',
  'Bệnh viện 30-4',
  'Báo Công an nhân dân',
];

const POLICE_UNITS: Pool = {
  fixed: [],
  kinds: [
    kind(3, 0.4, 'police', (s) => `Trại giam ${s.kinh()}`),
    kind(2, 0.8, 'police', (s) => `Trung đoàn Cảnh sát cơ động ${s.int(1, 30)}`),
    kind(3, 0.3, 'police', (s) => `Tiểu đoàn Cảnh sát cơ động ${s.int(1, 99)}`),
    kind(1, 0.3, 'police', (s) => `Trung tâm Huấn luyện ${s.kinh()}`),
    kind(2, 0.05, 'police', (s) => `Phòng ${s.int(1, 12)} – ${s.pick(POLICE_DEPARTMENTS)}`),
  ],
};

const ACADEMY_FACULTIES = [
  'Điều tra',
  'Trinh sát',
  'Luật',
  'Lý luận chính trị',
  'Ngoại ngữ',
  'Quản lý',
  'Kỹ thuật nghiệp vụ',
  'Tâm lý',
  'Quân sự, võ thuật và thể dục thể thao',
  'Nghiệp vụ cơ bản',
  'Sau đại học',
  'Đào tạo tại chức',
];

const POLICE_ACADEMY: Pool = {
  fixed: [],
  kinds: [
    kind(2, 0.1, 'university', (s) => `Khoa ${s.pick(ACADEMY_FACULTIES)}`),
    kind(2, 0.6, 'university', (s) => `Học viên khóa D${s.int(30, 60)}`),
    kind(1, 0.3, 'university', (s) => `Tiểu đoàn Học viên ${s.int(1, 12)}`),
    kind(
      1,
      0.05,
      'agency',
      (s) =>
        `Phòng ${s.pick(['Đào tạo', 'Quản lý học viên', 'Hậu cần', 'Tổ chức cán bộ', 'Khảo thí', 'Quản lý khoa học', 'Hợp tác quốc tế', 'Tham mưu'])}`,
    ),
  ],
};

function policeStructure(): TopStructure {
  return {
    intermediates: [
      { name: 'Đảng bộ Bộ Tư lệnh Cảnh sát cơ động', weight: 8, pool: POLICE_UNITS },
      { name: 'Đảng bộ Bộ Tư lệnh Cảnh vệ', weight: 3, pool: POLICE_UNITS },
      { name: 'Đảng bộ Học viện An ninh nhân dân', weight: 1, pool: POLICE_ACADEMY },
      { name: 'Đảng bộ Học viện Cảnh sát nhân dân', weight: 1, pool: POLICE_ACADEMY },
      { name: 'Đảng bộ Học viện Chính trị Công an nhân dân', weight: 1, pool: POLICE_ACADEMY },
    ],
    direct: { fixed: fixed(POLICE_DEPARTMENTS, 0.8, 'police', 1.5), kinds: POLICE_UNITS.kinds },
    directWeight: 16,
  };
}

const CENTRAL_OFFICE_UNITS = [
  'Tổ chức cán bộ',
  'Pháp chế',
  'Hợp tác quốc tế',
  'Kế hoạch – Tài chính',
  'Tổng hợp',
  'Thi đua – Khen thưởng',
  'Quản lý khoa học',
  'Thông tin – Tư liệu',
];

const CENTRAL_AGENCY: Pool = {
  fixed: fixed(['Văn phòng', 'Vụ Tổ chức cán bộ', 'Vụ Kế hoạch – Tài chính', 'Vụ Tổng hợp'], 0.2, 'agency'),
  kinds: [
    kind(3, 0.2, 'agency', (s) => `Vụ ${s.pick(CENTRAL_OFFICE_UNITS)} ${s.int(1, 9)}`),
    kind(2, 0.6, 'agency', (s) => `Cục ${s.pick(CENTRAL_OFFICE_UNITS)}`),
    kind(
      1,
      0.5,
      'university',
      (s) => `Viện ${s.pick(['Nghiên cứu', 'Chiến lược', 'Khoa học'])} ${s.pick(CENTRAL_OFFICE_UNITS)}`,
    ),
    kind(1, 0.3, 'agency', (s) => `Trung tâm ${s.pick(CENTRES)}`),
  ],
};

function partyCentralStructure(): TopStructure {
  return {
    intermediates: [
      { name: 'Đảng bộ Văn phòng Trung ương Đảng', weight: 3, pool: CENTRAL_AGENCY },
      {
        name: 'Đảng bộ Học viện Chính trị quốc gia Hồ Chí Minh',
        weight: 4,
        pool: {
          fixed: fixed(
            ROMAN.slice(0, 4).map((r) => `Học viện Chính trị khu vực ${r}`),
            1,
            'university',
            2,
          ),
          kinds: POLICE_ACADEMY.kinds.slice(0, 1).concat(CENTRAL_AGENCY.kinds),
        },
      },
      { name: 'Đảng bộ Tòa án nhân dân tối cao', weight: 3, pool: CENTRAL_AGENCY },
      { name: 'Đảng bộ Viện kiểm sát nhân dân tối cao', weight: 3, pool: CENTRAL_AGENCY },
    ],
    direct: {
      fixed: fixed(
        [
          'Ban Tổ chức Trung ương',
          'Ủy ban Kiểm tra Trung ương',
          'Ban Tuyên giáo và Dân vận Trung ương',
          'Ban Chính sách, chiến lược Trung ương',
          'Ban Nội chính Trung ương',
          'Ban Đối ngoại Trung ương',
          'Hội đồng Lý luận Trung ương',
          'Báo Nhân Dân',
          'Tạp chí Cộng sản',
          'Nhà xuất bản Chính trị quốc gia Sự thật',
        ],
        0.9,
        'agency',
        1.5,
      ),
      kinds: CENTRAL_AGENCY.kinds,
    },
    directWeight: 6,
  };
}

function branches(prefix: string, head: readonly string[], committeeShare: number, cells: CellStyle): Pool {
  return {
    fixed: fixed(head, 1, cells, 2),
    kinds: [
      kind(3, committeeShare, cells, (s) => `${prefix} ${s.province()}`),
      kind(2, committeeShare / 3, cells, (s) => `${prefix} ${s.kinh()}`),
    ],
  };
}

const MINISTRIES = [
  'Bộ Ngoại giao',
  'Bộ Nội vụ',
  'Bộ Tư pháp',
  'Bộ Tài chính',
  'Bộ Công Thương',
  'Bộ Nông nghiệp và Môi trường',
  'Bộ Xây dựng',
  'Bộ Văn hóa, Thể thao và Du lịch',
  'Bộ Khoa học và Công nghệ',
  'Bộ Giáo dục và Đào tạo',
  'Bộ Y tế',
  'Bộ Dân tộc và Tôn giáo',
  'Ngân hàng Nhà nước Việt Nam',
  'Thanh tra Chính phủ',
  'Văn phòng Chính phủ',
  'Đài Truyền hình Việt Nam',
  'Đài Tiếng nói Việt Nam',
  'Thông tấn xã Việt Nam',
  'Viện Hàn lâm Khoa học xã hội Việt Nam',
  'Viện Hàn lâm Khoa học và Công nghệ Việt Nam',
  'Đại học Quốc gia Hà Nội',
  'Đại học Quốc gia Thành phố Hồ Chí Minh',
];

const MINISTRY_UNITS: Pool = {
  fixed: fixed(['Văn phòng', 'Vụ Tổ chức cán bộ', 'Vụ Pháp chế', 'Vụ Hợp tác quốc tế'], 0.3, 'agency'),
  kinds: [
    ...CENTRAL_AGENCY.kinds,
    kind(1, 0.9, 'university', (s) => `Trường Đại học ${s.collegeField()} ${s.int(1, 3)}`, 2),
    kind(
      1,
      0.7,
      'hospital',
      (s) => `Bệnh viện ${s.pick(['Đa khoa', 'Hữu nghị', 'Trung ương'])} ${s.kinh()}`,
      1.5,
    ),
  ],
};

function governmentStructure(): TopStructure {
  return {
    intermediates: [
      ...MINISTRIES.map((m) => ({ name: `Đảng bộ ${m}`, weight: 2, pool: MINISTRY_UNITS })),
      {
        name: 'Đảng bộ Tập đoàn Điện lực Việt Nam',
        weight: 4,
        pool: branches(
          'Công ty Điện lực',
          [
            'Tổng công ty Điện lực miền Bắc',
            'Tổng công ty Điện lực miền Trung',
            'Tổng công ty Điện lực miền Nam',
          ],
          0.7,
          'enterprise',
        ),
      },
      {
        name: 'Đảng bộ Tập đoàn Bưu chính Viễn thông Việt Nam',
        weight: 3,
        pool: branches('Viễn thông', ['Tổng công ty Dịch vụ Viễn thông'], 0.6, 'enterprise'),
      },
      {
        name: 'Đảng bộ Tập đoàn Công nghiệp – Năng lượng Quốc gia Việt Nam',
        weight: 3,
        pool: branches(
          'Công ty Xăng dầu',
          ['Tổng công ty Khí Việt Nam', 'Tổng công ty Dầu Việt Nam'],
          0.5,
          'enterprise',
        ),
      },
      {
        name: 'Đảng bộ Tập đoàn Công nghiệp Than – Khoáng sản Việt Nam',
        weight: 2,
        pool: branches('Công ty Than', [], 0.8, 'enterprise'),
      },
      {
        name: 'Đảng bộ Ngân hàng TMCP Ngoại thương Việt Nam',
        weight: 2,
        pool: branches('Vietcombank Chi nhánh', [], 0.5, 'bank'),
      },
      {
        name: 'Đảng bộ Ngân hàng TMCP Công Thương Việt Nam',
        weight: 2,
        pool: branches('VietinBank Chi nhánh', [], 0.5, 'bank'),
      },
      {
        name: 'Đảng bộ Ngân hàng TMCP Đầu tư và Phát triển Việt Nam',
        weight: 2,
        pool: branches('BIDV Chi nhánh', [], 0.5, 'bank'),
      },
      {
        name: 'Đảng bộ Ngân hàng Nông nghiệp và Phát triển Nông thôn Việt Nam',
        weight: 4,
        pool: branches('Agribank Chi nhánh', [], 0.5, 'bank'),
      },
      {
        name: 'Đảng bộ Tổng công ty Hàng không Việt Nam',
        weight: 1,
        pool: branches('Chi nhánh Vietnam Airlines', ['Công ty TNHH Kỹ thuật máy bay'], 0.4, 'enterprise'),
      },
      {
        name: 'Đảng bộ Tổng công ty Đường sắt Việt Nam',
        weight: 1,
        pool: branches('Công ty Cổ phần Đường sắt', [], 0.4, 'enterprise'),
      },
    ],
    direct: { fixed: [], kinds: MINISTRY_UNITS.kinds },
    directWeight: 3,
  };
}

function assemblyStructure(): TopStructure {
  return {
    intermediates: [
      { name: 'Đảng bộ Văn phòng Quốc hội', weight: 3, pool: CENTRAL_AGENCY },
      {
        name: 'Đảng bộ Kiểm toán Nhà nước',
        weight: 3,
        pool: {
          fixed: fixed(
            ROMAN.map((r) => `Kiểm toán Nhà nước khu vực ${r}`),
            0.4,
            'agency',
          ),
          kinds: [kind(1, 0.3, 'agency', (s) => `Kiểm toán Nhà nước chuyên ngành ${s.pick(ROMAN)}`)],
        },
      },
    ],
    direct: {
      fixed: fixed(
        [
          'Báo Đại biểu Nhân dân',
          'Truyền hình Quốc hội Việt Nam',
          'Viện Nghiên cứu lập pháp',
          'Tạp chí Nghiên cứu lập pháp',
        ],
        0.3,
        'agency',
      ),
      kinds: CENTRAL_AGENCY.kinds,
    },
    directWeight: 2,
  };
}

function frontStructure(): TopStructure {
  return {
    intermediates: [
      { name: 'Đảng bộ Tổng Liên đoàn Lao động Việt Nam', weight: 3, pool: CENTRAL_AGENCY },
      { name: 'Đảng bộ Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh', weight: 2, pool: CENTRAL_AGENCY },
    ],
    direct: {
      fixed: fixed(
        [
          'Cơ quan Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam',
          'Trung ương Hội Nông dân Việt Nam',
          'Trung ương Hội Liên hiệp Phụ nữ Việt Nam',
          'Trung ương Hội Cựu chiến binh Việt Nam',
          'Hội Chữ thập đỏ Việt Nam',
          'Liên hiệp các Hội Khoa học và Kỹ thuật Việt Nam',
          'Hội Nhà báo Việt Nam',
          'Hội Nhà văn Việt Nam',
          'Hội Luật gia Việt Nam',
          'Báo Tiền Phong',
          'Báo Lao Động',
          'Báo Phụ nữ Việt Nam',
          'Trường Đại học Công đoàn',
          'Học viện Thanh thiếu niên Việt Nam',
          'Học viện Phụ nữ Việt Nam',
        ],
        0.5,
        'agency',
      ),
      kinds: CENTRAL_AGENCY.kinds,
    },
    directWeight: 5,
  };
}

export function topStructure(profile: TopProfile, n: NameSource, border: boolean): TopStructure {
  switch (profile) {
    case 'local':
      return localStructure(n, border);
    case 'army':
      return armyStructure();
    case 'police':
      return policeStructure();
    case 'party':
      return partyCentralStructure();
    case 'government':
      return governmentStructure();
    case 'assembly':
      return assemblyStructure();
    case 'front':
      return frontStructure();
  }
}
