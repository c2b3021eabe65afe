import { describe, expect, it } from 'vitest';
import { citeProvision, detectStructure } from './doc-structure.ts';

const REGULATION = `Căn cứ Điều lệ Đảng;
Căn cứ Quy chế làm việc của Ban Chấp hành Trung ương,
Bộ Chính trị quy định về đánh giá, xếp loại chất lượng như sau:
Chương I
QUY ĐỊNH CHUNG
Điều 1. Phạm vi điều chỉnh
Quy định này quy định về kiểm điểm, đánh giá, xếp loại chất lượng.
Điều 2. Đối tượng áp dụng
1. Tổ chức đảng các cấp.
2. Đảng viên, gồm:
a) Đảng viên chính thức;
b) Đảng viên dự bị;
đ) Đảng viên được miễn sinh hoạt.
- trừ trường hợp ốm đau.
Chương II
KIỂM ĐIỂM, ĐÁNH GIÁ
Mục 1. Đối với tập thể
Điều 3. Nguyên tắc
1. Bảo đảm nguyên tắc tập trung dân chủ.
Điều 4: Thời điểm
Hằng năm vào tháng 12.`;

const RESOLUTION = `NGHỊ QUYẾT
HỘI NGHỊ LẦN THỨ TÁM
I. TÌNH HÌNH VÀ NGUYÊN NHÂN
1. Kết quả
Công tác cán bộ có nhiều chuyển biến.
2. Hạn chế
a) Chất lượng chưa đồng đều;
b) Một số nơi còn hình thức.
II. MỤC TIÊU
Xây dựng đội ngũ cán bộ các cấp.`;

describe('structure of a document text', () => {
  it('finds chapters, sections, articles, clauses and points with stable ids', () => {
    const p = detectStructure(REGULATION);
    expect(p.map((x) => x.eid)).toEqual([
      'preamble',
      'chp_1',
      'art_1',
      'art_2',
      'art_2__cl_1',
      'art_2__cl_2',
      'art_2__cl_2__pt_a',
      'art_2__cl_2__pt_b',
      'art_2__cl_2__pt_dd',
      'chp_2',
      'chp_2__sec_1',
      'art_3',
      'art_3__cl_1',
      'art_4',
    ]);
    const byId = new Map(p.map((x) => [x.eid, x]));
    expect(byId.get('chp_1')).toMatchObject({ kind: 'chapter', num: 'I', heading: 'QUY ĐỊNH CHUNG' });
    expect(byId.get('art_1')).toMatchObject({
      kind: 'article',
      heading: 'Phạm vi điều chỉnh',
      body: 'Quy định này quy định về kiểm điểm, đánh giá, xếp loại chất lượng.',
      parentEid: 'chp_1',
    });
    expect(byId.get('art_2__cl_2__pt_dd')).toMatchObject({
      kind: 'point',
      num: 'đ',
      body: 'Đảng viên được miễn sinh hoạt.\n- trừ trường hợp ốm đau.',
      parentEid: 'art_2__cl_2',
    });
    expect(byId.get('art_3')?.parentEid).toBe('chp_2__sec_1');
    expect(byId.get('art_4')).toMatchObject({ heading: 'Thời điểm', body: 'Hằng năm vào tháng 12.' });
    expect(byId.get('preamble')?.body).toContain('Căn cứ Điều lệ Đảng;');
  });

  it('reads a resolution without articles by its Roman-numbered headings', () => {
    const p = detectStructure(RESOLUTION);
    expect(p.map((x) => x.eid)).toEqual([
      'preamble',
      'sec_1',
      'sec_1__cl_1',
      'sec_1__cl_2',
      'sec_1__cl_2__pt_a',
      'sec_1__cl_2__pt_b',
      'sec_2',
    ]);
    expect(p[1]).toMatchObject({ heading: 'TÌNH HÌNH VÀ NGUYÊN NHÂN' });
    expect(p[2]).toMatchObject({ body: 'Kết quả\nCông tác cán bộ có nhiều chuyển biến.' });
  });

  it('keeps ids unique when a number repeats, and the same text gives the same ids', () => {
    const text = 'Điều 1. A\nĐiều 1. B\n1. x\n1. y';
    expect(detectStructure(text).map((x) => x.eid)).toEqual([
      'art_1',
      'art_1_2',
      'art_1_2__cl_1',
      'art_1_2__cl_1_2',
    ]);
    expect(detectStructure(REGULATION)).toEqual(detectStructure(REGULATION));
  });

  it('cites a provision as lawyers write it', () => {
    expect(citeProvision('art_5__cl_2__pt_a')).toBe('điểm a khoản 2 Điều 5');
    expect(citeProvision('art_2__cl_2__pt_dd', 'en')).toBe('Article 2, clause 2, point đ');
  });
});
