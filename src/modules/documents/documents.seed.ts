/**
 * A sample register: the real replacement chains of domain-rules §7.4 as metadata (numbers,
 * dates, titles; the text is synthetic), recorded through the service so their status follows
 * from their relations; then synthetic documents of the Central Committee, its commissions and
 * the provincial committees, bulk-loaded with COPY (≈ 400 at demo scale, ≈ 100 000 national).
 */
import { type DocField, type DocKind, docTypeOfKind, formatDocNumber } from '../../core/doc-numbers.ts';
import { detectStructure } from '../../core/doc-structure.ts';
import type { Database } from '../../db/database.ts';
import type { Actor } from '../../db/transaction.ts';
import type { SeedScale } from '../seed/seed.generator.ts';
import { Random } from '../seed/seed.random.ts';
import * as repo from './documents.repository.ts';
import * as docs from './documents.service.ts';

interface RealDocument {
  number: string;
  kind: DocKind;
  signed: string;
  title: string;
  field: DocField;
  /** Numbers it replaces. */
  replaces?: string[];
}

// Days marked ≈ are not in the research notes (only the year): the 1st of a plausible month.
const REAL: readonly RealDocument[] = [
  {
    number: '31-QĐ/TW',
    kind: 'decision',
    signed: '1997-10-01',
    title: 'Quyết định ban hành Quy định về thể loại, thẩm quyền ban hành và thể thức văn bản của Đảng',
    field: 'party_building',
  },
  {
    number: '91-QĐ/TW',
    kind: 'decision',
    signed: '2004-02-16',
    title: 'Quyết định về thể thức văn bản của Đảng',
    field: 'party_building',
  },
  {
    number: '66-QĐ/TW',
    kind: 'regulation',
    signed: '2017-02-06',
    title: 'Quy định về thể loại, thẩm quyền ban hành và thể thức văn bản của Đảng',
    field: 'party_building',
    replaces: ['31-QĐ/TW', '91-QĐ/TW'],
  },
  {
    number: '399-QĐ/TW',
    kind: 'regulation',
    signed: '2026-01-09',
    title: 'Quy định về thể loại, thẩm quyền ban hành và thể thức văn bản của Đảng',
    field: 'party_building',
    replaces: ['66-QĐ/TW'],
  },
  {
    number: '262-QĐ/TW',
    kind: 'regulation',
    signed: '2014-10-01',
    title: 'Quy định về việc lấy phiếu tín nhiệm đối với thành viên lãnh đạo, quản lý',
    field: 'cadres',
  }, // ≈
  {
    number: '96-QĐ/TW',
    kind: 'regulation',
    signed: '2023-02-02',
    title:
      'Quy định về việc lấy phiếu tín nhiệm đối với chức danh lãnh đạo, quản lý trong hệ thống chính trị',
    field: 'cadres',
    replaces: ['262-QĐ/TW'],
  },
  {
    number: '132-QĐ/TW',
    kind: 'regulation',
    signed: '2018-03-08',
    title:
      'Quy định về việc kiểm điểm và đánh giá, xếp loại chất lượng hằng năm đối với tập thể, cá nhân trong hệ thống chính trị',
    field: 'party_building',
  },
  {
    number: '124-QĐ/TW',
    kind: 'regulation',
    signed: '2023-10-04',
    title:
      'Quy định về kiểm điểm, đánh giá, xếp loại chất lượng hằng năm đối với tập thể, cá nhân trong hệ thống chính trị',
    field: 'party_building',
    replaces: ['132-QĐ/TW'],
  },
  {
    number: '366-QĐ/TW',
    kind: 'regulation',
    signed: '2025-08-30',
    title:
      'Quy định về kiểm điểm, đánh giá, xếp loại chất lượng đối với tập thể, cá nhân trong hệ thống chính trị',
    field: 'party_building',
    replaces: ['124-QĐ/TW'],
  },
  {
    number: '205-QĐ/TW',
    kind: 'regulation',
    signed: '2019-09-23',
    title: 'Quy định về việc kiểm soát quyền lực trong công tác cán bộ và chống chạy chức, chạy quyền',
    field: 'cadres',
  },
  {
    number: '114-QĐ/TW',
    kind: 'regulation',
    signed: '2023-07-11',
    title: 'Quy định về kiểm soát quyền lực và phòng, chống tham nhũng, tiêu cực trong công tác cán bộ',
    field: 'cadres',
    replaces: ['205-QĐ/TW'],
  },
  {
    number: '220-QĐ/TW',
    kind: 'decision',
    signed: '2009-04-01',
    title: 'Quyết định ban hành Quy chế bầu cử trong Đảng',
    field: 'congress_charter',
  }, // ≈
  {
    number: '244-QĐ/TW',
    kind: 'decision',
    signed: '2014-06-09',
    title: 'Quyết định ban hành Quy chế bầu cử trong Đảng',
    field: 'congress_charter',
    replaces: ['220-QĐ/TW'],
  },
  {
    number: '190-QĐ/TW',
    kind: 'decision',
    signed: '2024-10-10',
    title: 'Quyết định ban hành Quy chế bầu cử trong Đảng',
    field: 'congress_charter',
    replaces: ['244-QĐ/TW'],
  },
  {
    number: '29-QĐ/TW',
    kind: 'regulation',
    signed: '2016-07-25',
    title: 'Quy định thi hành Điều lệ Đảng',
    field: 'congress_charter',
  },
  {
    number: '24-QĐ/TW',
    kind: 'regulation',
    signed: '2021-07-30',
    title: 'Quy định thi hành Điều lệ Đảng',
    field: 'congress_charter',
    replaces: ['29-QĐ/TW'],
  },
  {
    number: '232-QĐ/TW',
    kind: 'regulation',
    signed: '2025-01-20',
    title: 'Quy định thi hành Điều lệ Đảng',
    field: 'congress_charter',
    replaces: ['24-QĐ/TW'],
  },
  {
    number: '105-QĐ/TW',
    kind: 'regulation',
    signed: '2017-12-19',
    title: 'Quy định về phân cấp quản lý cán bộ và bổ nhiệm, giới thiệu cán bộ ứng cử',
    field: 'cadres',
  },
  {
    number: '80-QĐ/TW',
    kind: 'regulation',
    signed: '2022-08-18',
    title: 'Quy định về phân cấp quản lý cán bộ và bổ nhiệm, giới thiệu cán bộ ứng cử',
    field: 'cadres',
    replaces: ['105-QĐ/TW'],
  },
  {
    number: '377-QĐ/TW',
    kind: 'regulation',
    signed: '2025-10-08',
    title: 'Quy định về phân cấp quản lý cán bộ và bổ nhiệm, giới thiệu cán bộ ứng cử',
    field: 'cadres',
    replaces: ['80-QĐ/TW'],
  },
  {
    number: '89-QĐ/TW',
    kind: 'regulation',
    signed: '2017-08-04',
    title:
      'Quy định khung tiêu chuẩn chức danh, định hướng khung tiêu chí đánh giá cán bộ lãnh đạo, quản lý các cấp',
    field: 'cadres',
  },
  {
    number: '214-QĐ/TW',
    kind: 'regulation',
    signed: '2020-01-02',
    title: 'Quy định về khung tiêu chuẩn chức danh, tiêu chí đánh giá cán bộ thuộc diện Trung ương quản lý',
    field: 'cadres',
  },
  {
    number: '365-QĐ/TW',
    kind: 'regulation',
    signed: '2025-08-30',
    title: 'Quy định về khung tiêu chuẩn chức danh, tiêu chí đánh giá cán bộ',
    field: 'cadres',
    replaces: ['89-QĐ/TW', '214-QĐ/TW'],
  }, // ≈
  {
    number: '35-CT/TW',
    kind: 'directive',
    signed: '2024-06-14',
    title: 'Chỉ thị về đại hội đảng bộ các cấp tiến tới Đại hội đại biểu toàn quốc lần thứ XIV của Đảng',
    field: 'congress_charter',
  },
  {
    number: '118-KL/TW',
    kind: 'conclusion',
    signed: '2025-01-18',
    title: 'Kết luận về điều chỉnh Chỉ thị 35-CT/TW về đại hội đảng bộ các cấp',
    field: 'congress_charter',
  }, // ≈
  {
    number: '45-CT/TW',
    kind: 'directive',
    signed: '2025-04-14',
    title: 'Chỉ thị về đại hội đảng bộ các cấp tiến tới Đại hội đại biểu toàn quốc lần thứ XIV của Đảng',
    field: 'congress_charter',
    replaces: ['35-CT/TW', '118-KL/TW'],
  },
  {
    number: '342-QĐ/TW',
    kind: 'decision',
    signed: '2010-12-28',
    title: 'Quyết định ban hành Quy định về chế độ đảng phí',
    field: 'grassroots_members',
  },
  {
    number: '01-QĐ/TW',
    kind: 'regulation',
    signed: '2026-02-03',
    title: 'Quy định về chế độ đảng phí',
    field: 'grassroots_members',
    replaces: ['342-QĐ/TW'],
  },
  {
    number: '26-NQ/TW',
    kind: 'resolution',
    signed: '2018-05-19',
    title:
      'Nghị quyết về tập trung xây dựng đội ngũ cán bộ các cấp, nhất là cấp chiến lược, đủ phẩm chất, năng lực và uy tín, ngang tầm nhiệm vụ',
    field: 'cadres',
  },
  {
    number: '21-NQ/TW',
    kind: 'resolution',
    signed: '2022-06-16',
    title:
      'Nghị quyết về tăng cường củng cố, xây dựng tổ chức cơ sở đảng và nâng cao chất lượng đội ngũ đảng viên trong giai đoạn mới',
    field: 'grassroots_members',
  },
];

const SUBJECTS: readonly [DocField, string][] = [
  ['party_building', 'xây dựng, chỉnh đốn Đảng và hệ thống chính trị'],
  ['party_building', 'công tác kiểm tra, giám sát và kỷ luật đảng'],
  ['party_building', 'nâng cao năng lực lãnh đạo và sức chiến đấu của tổ chức đảng'],
  ['grassroots_members', 'nâng cao chất lượng sinh hoạt chi bộ'],
  ['grassroots_members', 'công tác phát triển đảng viên'],
  ['grassroots_members', 'thu, nộp, quản lý và sử dụng đảng phí'],
  ['grassroots_members', 'xây dựng tổ chức cơ sở đảng trong doanh nghiệp ngoài khu vực nhà nước'],
  ['apparatus_staffing', 'sắp xếp, tinh gọn tổ chức bộ máy'],
  ['apparatus_staffing', 'quản lý biên chế của hệ thống chính trị'],
  ['cadres', 'quy hoạch cán bộ lãnh đạo, quản lý'],
  ['cadres', 'luân chuyển, điều động cán bộ'],
  ['cadres', 'đánh giá, xếp loại chất lượng cán bộ'],
  ['political_protection', 'bảo vệ chính trị nội bộ'],
  ['political_protection', 'thẩm định tiêu chuẩn chính trị'],
  ['congress_charter', 'tổ chức đại hội đảng bộ các cấp'],
  ['congress_charter', 'thi hành Điều lệ Đảng'],
];

const SYNTHETIC_KINDS: readonly [DocKind, number][] = [
  ['resolution', 3],
  ['regulation', 3],
  ['decision', 5],
  ['directive', 2],
  ['conclusion', 3],
  ['guidance', 4],
  ['plan', 5],
  ['notice', 3],
  ['letter', 6],
];

const ACTIONS = [
  'Cấp ủy các cấp có trách nhiệm lãnh đạo, chỉ đạo thực hiện',
  'Tổ chức đảng và đảng viên nghiêm túc quán triệt',
  'Ban tổ chức cấp ủy chủ trì, phối hợp hướng dẫn',
  'Ủy ban kiểm tra các cấp kiểm tra, giám sát việc thực hiện',
  'Đảng ủy cơ sở định kỳ báo cáo kết quả',
  'Chi bộ đưa nội dung vào sinh hoạt thường kỳ về',
];

/** A regulation-shaped text about `subject`, structured like the real ones. */
export function syntheticText(rnd: Random, subject: string): string {
  const lines = ['Căn cứ Điều lệ Đảng;', `Quy định về ${subject} như sau:`];
  let article = 0;
  const chapters = rnd.int(1, 3);
  for (let c = 1; c <= chapters; c++) {
    lines.push(`Chương ${['I', 'II', 'III'][c - 1]}`, c === 1 ? 'QUY ĐỊNH CHUNG' : 'TỔ CHỨC THỰC HIỆN');
    for (let a = rnd.int(1, 2); a > 0; a--) {
      article++;
      lines.push(
        `Điều ${article}. ${rnd.pick(['Phạm vi', 'Nguyên tắc', 'Trách nhiệm', 'Nội dung', 'Thời hạn'])}`,
      );
      const clauses = rnd.int(1, 3);
      for (let k = 1; k <= clauses; k++) {
        lines.push(`${k}. ${rnd.pick(ACTIONS)} ${subject}.`);
        if (rnd.chance(0.3))
          lines.push(`a) ${rnd.pick(ACTIONS)} ${subject};`, `b) ${rnd.pick(ACTIONS)} ${subject}.`);
      }
    }
  }
  return lines.join('\n');
}

export interface DocumentSeedResult {
  real: number;
  synthetic: number;
  provisions: number;
  seconds: number;
}

/** Synthetic documents per issuer and term (4 terms), so that demo ≈ 400 and national ≈ 100 000. */
const PER_ISSUER_TERM: Record<SeedScale, number> = { demo: 12, province: 60, national: 650 };
const TERMS: readonly [term: number, from: string, to: string][] = [
  [11, '2011-01-20', '2016-01-28'],
  [12, '2016-01-29', '2021-02-01'],
  [13, '2021-02-02', '2026-01-23'],
  [14, '2026-01-24', '2026-11-01'],
];

function dateBetween(from: string, to: string, fraction: number): string {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  return new Date(a + Math.floor((b - a) * fraction)).toISOString().slice(0, 10);
}

/** Seeds the register once (a register that has documents is left alone). */
export async function seedDocuments(
  database: Database,
  actor: Actor,
  options: { scale: SeedScale; seed?: number },
): Promise<DocumentSeedResult> {
  const started = performance.now();
  if ((await repo.countDocuments(database.db)) > 0)
    return { real: 0, synthetic: 0, provisions: 0, seconds: 0 };
  const rnd = new Random(options.seed ?? 1);
  for (const d of REAL) {
    const subject = d.title.replace(
      /^(Quyết định ban hành |Quy định |Quyết định |Chỉ thị |Kết luận |Nghị quyết )(về )?/u,
      '',
    );
    await docs.createDocument(database, actor, {
      number: d.number,
      kind: d.kind,
      signedDate: d.signed,
      title: d.title,
      fields: [d.field],
      text: syntheticText(rnd, subject),
    });
  }
  for (const d of REAL) {
    for (const older of d.replaces ?? []) {
      await docs.relateDocuments(database, actor, d.number, { kind: 'replaces', target: older });
    }
  }
  const copied = await copySynthetic(database, actor, rnd, PER_ISSUER_TERM[options.scale]);
  return {
    real: REAL.length,
    synthetic: copied.documents,
    provisions: copied.provisions,
    seconds: Math.round((performance.now() - started) / 10) / 100,
  };
}

async function copySynthetic(
  database: Database,
  actor: Actor,
  rnd: Random,
  perIssuerTerm: number,
): Promise<{ documents: number; provisions: number }> {
  // issuers: the Central Committee and its commissions, and each province's committee
  const issuers: { id: number; suffix: string; place: string }[] = [];
  for (const suffix of ['TW', 'BTCTW', 'UBKTTW', 'VPTW']) {
    issuers.push({ ...(await docs.ensureIssuer(database, actor, suffix)), place: '' });
  }
  for (const p of await repo.provinceUnits(database.db)) {
    const place = p.name.replace(/^Đảng bộ (tỉnh|thành phố) /u, '');
    issuers.push({ ...(await docs.ensureIssuer(database, actor, p.code)), place });
  }
  const firstId = (await repo.maxDocumentId(database.db)) + 1;
  const weights = SYNTHETIC_KINDS.map(([, w]) => w);
  let id = firstId;
  let provisionCount = 0;
  // one issuer at a time: national scale never holds more than one issuer's rows in memory
  for (const issuer of issuers) {
    const rows: repo.SeedRows = { documents: [], provisions: [], relations: [] };
    for (const [term, from, to] of TERMS) {
      const last = new Map<string, { seq: number; id: number }>();
      for (let i = 0; i < perIssuerTerm; i++) {
        const kind = (SYNTHETIC_KINDS[rnd.weighted(weights)] as [DocKind, number])[0];
        const code = docTypeOfKind(kind).code;
        const previous = last.get(code);
        // TW numbers start above the real ones so that both sets stay unique
        const seq = (previous?.seq ?? (issuer.suffix === 'TW' ? 1000 : 0)) + 1;
        const date = dateBetween(from, to, (i + 1) / (perIssuerTerm + 1));
        const [field, subject] = rnd.pick(SUBJECTS);
        const where = issuer.place ? ` trên địa bàn ${issuer.place}` : '';
        rows.documents.push([
          id,
          kind,
          code,
          seq,
          null,
          formatDocNumber({ seq, code, issuer: issuer.suffix, qualifier: null }),
          issuer.id,
          term,
          date,
          date,
          kind === 'plan' ? dateBetween(date, to, 1) : null,
          `${docTypeOfKind(kind).vi} về ${subject}${where}`,
          `{${field}}`,
          actor.id,
        ]);
        for (const p of detectStructure(syntheticText(rnd, `${subject}${where}`))) {
          rows.provisions.push([id, p.eid, p.parentEid, p.kind, p.num, p.heading, p.body, p.ordinal]);
        }
        // about one regulation or decision in five replaces the issuer's previous one of the type
        if (previous && (kind === 'regulation' || kind === 'decision') && rnd.chance(0.2)) {
          rows.relations.push([id, 'replaces', previous.id, '{}', date, false, actor.id]);
        }
        last.set(code, { seq, id });
        id++;
      }
    }
    provisionCount += await repo.copySeedRows(database, rows);
  }
  await repo.finishSeedLoad(database.db, firstId);
  return { documents: id - firstId, provisions: provisionCount };
}
