/**
 * The committees directly under the Central after the 2025 reorganisation: 34 provinces and
 * cities (Resolution 202/2025/QH15, in force 12/6/2025; the new provincial Party organisations
 * operate from 01/07/2025) and the central blocs (research/domain-rules.md §9).
 *
 * `communes` is the number of commune-level units (xã, phường, đặc khu) each province has had
 * since 01/07/2025 (3,321 in all); `wards` of them are wards. Both only shape the synthetic tree
 * (how many commune committees, village or street cells), so an approximate ward count is fine.
 */

/** Decides the words for villages and streets (thôn, xóm, bản, buôn, ấp, khóm, tổ dân phố…). */
export type Region = 'north' | 'mountain' | 'central' | 'highlands' | 'south' | 'mekong';

export type TopProfile = 'local' | 'army' | 'police' | 'party' | 'government' | 'assembly' | 'front';

export interface TopSpec {
  code: string;
  /** The full name of the Party organization. */
  name: string;
  profile: TopProfile;
  /**
   * When the unit took its present form; null = created by the 2025 reorganisation (the seed's
   * date). Where no precise date is known, an older synthetic date stands in, so that "as of"
   * queries for past dates return part of the tree.
   */
  since: string | null;
  /** Local profile only. */
  place?: string;
  city?: boolean;
  region?: Region;
  communes?: number;
  wards?: number;
  specialZones?: readonly string[];
  /** On a land border or the coast: has a border-guard committee. */
  border?: boolean;
  /** Central blocs only: grassroots organizations at national scale. */
  grassroots?: number;
}

/** Stands in for "long before 2025" where the real founding date is not modelled. */
const LONG_STANDING = '1990-01-01';

function city(
  code: string,
  place: string,
  communes: number,
  wards: number,
  region: Region,
  since: string | null,
  specialZones: readonly string[] = [],
): TopSpec {
  const name = place === 'Hồ Chí Minh' ? 'Đảng bộ Thành phố Hồ Chí Minh' : `Đảng bộ thành phố ${place}`;
  return {
    code,
    name,
    profile: 'local',
    since,
    place,
    city: true,
    region,
    communes,
    wards,
    specialZones,
    border: code !== 'HN',
  };
}

function province(
  code: string,
  place: string,
  communes: number,
  wards: number,
  region: Region,
  since: string | null,
  specialZones: readonly string[] = [],
): TopSpec {
  return {
    code,
    name: `Đảng bộ tỉnh ${place}`,
    profile: 'local',
    since,
    place,
    city: false,
    region,
    communes,
    wards,
    specialZones,
    // inland provinces without a land border have no border-guard committee
    border: !['TN', 'PT', 'BN'].includes(code),
  };
}

export const PROVINCES: readonly TopSpec[] = [
  city('HN', 'Hà Nội', 126, 51, 'north', '2008-08-01'), // Hà Tây merged in on 01/08/2008
  city('HUE', 'Huế', 40, 21, 'central', '2025-01-01'), // a city under the Central from 01/01/2025
  city('HP', 'Hải Phòng', 114, 45, 'north', null, ['Cát Hải', 'Bạch Long Vĩ']),
  city('DN', 'Đà Nẵng', 94, 23, 'central', null, ['Hoàng Sa']),
  city('HCM', 'Hồ Chí Minh', 168, 113, 'south', null, ['Côn Đảo']),
  city('CT', 'Cần Thơ', 103, 31, 'mekong', null),
  province('LCH', 'Lai Châu', 38, 5, 'mountain', '2004-01-01'), // Lai Châu and Điện Biên split on 01/01/2004
  province('DB', 'Điện Biên', 45, 3, 'mountain', '2004-01-01'),
  province('SL', 'Sơn La', 75, 8, 'mountain', LONG_STANDING),
  province('LS', 'Lạng Sơn', 65, 4, 'mountain', LONG_STANDING),
  province('CB', 'Cao Bằng', 56, 3, 'mountain', LONG_STANDING),
  province('QNI', 'Quảng Ninh', 54, 30, 'north', LONG_STANDING, ['Vân Đồn', 'Cô Tô']),
  province('TH', 'Thanh Hóa', 166, 19, 'central', LONG_STANDING),
  province('NA', 'Nghệ An', 130, 11, 'central', LONG_STANDING),
  province('HT', 'Hà Tĩnh', 69, 9, 'central', LONG_STANDING),
  province('TQ', 'Tuyên Quang', 124, 7, 'mountain', null),
  province('LCI', 'Lào Cai', 99, 10, 'mountain', null),
  province('TN', 'Thái Nguyên', 92, 15, 'north', null),
  province('PT', 'Phú Thọ', 148, 15, 'north', null),
  province('BN', 'Bắc Ninh', 99, 33, 'north', null),
  province('HY', 'Hưng Yên', 104, 11, 'north', null),
  province('NB', 'Ninh Bình', 129, 32, 'north', null),
  province('QT', 'Quảng Trị', 78, 8, 'central', null, ['Cồn Cỏ']),
  province('QNG', 'Quảng Ngãi', 96, 9, 'central', null, ['Lý Sơn']),
  province('GL', 'Gia Lai', 135, 25, 'highlands', null),
  province('DL', 'Đắk Lắk', 102, 14, 'highlands', null),
  province('KH', 'Khánh Hòa', 65, 16, 'central', null, ['Trường Sa']),
  province('LD', 'Lâm Đồng', 124, 20, 'highlands', null, ['Phú Quý']),
  province('DNA', 'Đồng Nai', 95, 23, 'south', null),
  province('TNI', 'Tây Ninh', 96, 14, 'south', null),
  province('VL', 'Vĩnh Long', 124, 19, 'mekong', null),
  province('DT', 'Đồng Tháp', 102, 20, 'mekong', null),
  province('CM', 'Cà Mau', 64, 9, 'mekong', null),
  province('AG', 'An Giang', 102, 14, 'mekong', null, ['Phú Quốc', 'Thổ Châu', 'Kiên Hải']),
];

/**
 * The Army and the Public Security, and the four central-level organisations established on
 * 03/02/2025. Grassroots counts are synthetic proportions, not published figures.
 */
export const CENTRAL_BLOCS: readonly TopSpec[] = [
  { code: 'QD', name: 'Đảng bộ Quân đội', profile: 'army', since: LONG_STANDING, grassroots: 3000 },
  {
    code: 'CA',
    name: 'Đảng bộ Công an Trung ương',
    profile: 'police',
    since: LONG_STANDING,
    grassroots: 1500,
  },
  {
    code: 'CQD',
    name: 'Đảng bộ các cơ quan Đảng Trung ương',
    profile: 'party',
    since: '2025-02-03',
    grassroots: 250,
  },
  { code: 'CP', name: 'Đảng bộ Chính phủ', profile: 'government', since: '2025-02-03', grassroots: 1800 },
  { code: 'QH', name: 'Đảng bộ Quốc hội', profile: 'assembly', since: '2025-02-03', grassroots: 60 },
  {
    code: 'MTTQ',
    name: 'Đảng bộ Mặt trận Tổ quốc, các đoàn thể Trung ương',
    profile: 'front',
    since: '2025-02-03',
    grassroots: 120,
  },
];

export const CENTRAL_ROOT = { code: 'TW', name: 'Trung ương', since: '1930-02-03' } as const;
