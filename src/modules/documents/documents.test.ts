import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayVn } from '../../core/dates.ts';
import type { AppError } from '../../core/errors.ts';
import { createTestDatabase, type TestDatabase } from '../../db/test-database.ts';
import { aSmallTree, testActor } from '../orgs/orgs.fixtures.ts';
import { aDocument, aRegulationText } from './documents.fixtures.ts';
import type { ProvisionInput } from './documents.schemas.ts';
import * as docs from './documents.service.ts';

let db: TestDatabase;

const fail = (p: Promise<unknown>) => p.then(() => null).catch((e: unknown) => e as AppError);

beforeAll(async () => {
  db = await createTestDatabase();
  await aSmallTree(db);
  // the quality-rating chain of domain-rules §7.4: 132-QĐ/TW → 124-QĐ/TW → 366-QĐ/TW
  await docs.createDocument(db, testActor, aDocument({ number: '132-QĐ/TW', signedDate: '2018-03-08' }));
  await docs.createDocument(db, testActor, aDocument({ number: '124-QĐ/TW', signedDate: '2023-10-04' }));
  await docs.createDocument(db, testActor, aDocument());
  await docs.createDocument(db, testActor, {
    number: '26-NQ/TW',
    signedDate: '2018-05-19',
    title: 'Nghị quyết về tập trung xây dựng đội ngũ cán bộ các cấp, nhất là cấp chiến lược',
    fields: ['cadres'],
    text: 'I. TÌNH HÌNH\n1. Công tác cán bộ có nhiều chuyển biến.\nII. MỤC TIÊU\n1. Xây dựng đội ngũ cán bộ đủ phẩm chất, năng lực và uy tín.',
  });
});

afterAll(async () => {
  await db?.dispose();
});

describe('document register', () => {
  it('records a document with its structure under stable ids', async () => {
    const doc = await docs.getDocumentByNumber(db, testActor, '366/QĐ-TW');
    expect(doc).toMatchObject({
      number: '366-QĐ/TW',
      type: 'QĐ',
      kind: 'regulation',
      term: 13,
      status: 'in_force',
    });
    expect(doc.issuer).toMatchObject({ suffix: 'TW', name: 'Ban Chấp hành Trung ương' });
    expect(doc.provisions.map((p) => p.id)).toContain('art_2__cl_2__pt_b');
    expect(doc.provisions.find((p) => p.id === 'art_2__cl_2__pt_b')?.citation).toBe('điểm b khoản 2 Điều 2');
    const audited = await db.db
      .selectFrom('audit_log')
      .select('ids')
      .where('action', '=', 'document.create')
      .execute();
    expect(audited.map((a) => a.ids)).toContainEqual([String(doc.id)]);
  });

  it('numbers Quy định and Quyết định in one QĐ sequence per issuer and term, and suggests the next', async () => {
    expect(await docs.nextNumber(db, testActor, { type: 'QĐ', issuer: 'TW', date: '2025-09-01' })).toEqual({
      number: '367-QĐ/TW',
      seq: 367,
      term: 13,
    });
    // a new term starts again from 01
    expect(
      (await docs.nextNumber(db, testActor, { type: 'qd', issuer: 'TW', date: '2026-02-03' })).number,
    ).toBe('01-QĐ/TW');
    const taken = await fail(
      docs.createDocument(
        db,
        testActor,
        aDocument({ number: '366-QĐ/TW', kind: 'decision', signedDate: '2025-09-02' }),
      ),
    );
    expect(taken).toMatchObject({ code: 'document.number.taken' });
    // the same number in another term is another document
    const next = await docs.createDocument(
      db,
      testActor,
      aDocument({
        number: '124-QĐ/TW',
        kind: 'decision',
        signedDate: '2016-01-05',
        title: 'Quyết định về công tác lưu trữ',
        fields: ['apparatus_staffing'],
        text: '',
      }),
    );
    expect(next.term).toBe(11);
  });

  it('follows the chain 132 → 124 → 366: replaced on the day the newer one takes effect', async () => {
    await docs.relateDocuments(db, testActor, '124-QĐ/TW', { kind: 'replaces', target: '132-QĐ/TW' });
    const related = await docs.relateDocuments(db, testActor, '366-QĐ/TW', {
      kind: 'replaces',
      target: '124-QĐ/TW',
    });
    expect(related.warnings).toEqual([]);
    const reg124 = await docs.getDocumentByNumber(db, testActor, '124-QĐ/TW');
    expect(reg124.status).toBe('replaced');
    expect(reg124.chain.map((g) => g.map((d) => d.number))).toEqual([
      ['132-QĐ/TW'],
      ['124-QĐ/TW'],
      ['366-QĐ/TW'],
    ]);
    expect(reg124.relations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          direction: 'incoming',
          kind: 'replaces',
          document: expect.objectContaining({ number: '366-QĐ/TW' }),
        }),
        expect.objectContaining({
          direction: 'outgoing',
          kind: 'replaces',
          document: expect.objectContaining({ number: '132-QĐ/TW' }),
        }),
      ]),
    );
    const inForce = await docs.searchDocuments(db, testActor, {
      q: 'xep loai chat luong',
      status: 'in_force',
    });
    expect(inForce.map((r) => r.number)).toEqual(['366-QĐ/TW']);
  });

  it('amends named provisions (partly amended) and warns when a lower body changes a higher one', async () => {
    await docs.createDocument(db, testActor, {
      number: '15-QĐ/TU',
      issuer: 'P1',
      signedDate: '2025-10-01',
      title: 'Quy định của Tỉnh ủy về đánh giá cán bộ',
      text: aRegulationText('đánh giá cán bộ'),
    });
    const r = await docs.relateDocuments(db, testActor, '15-QĐ/TU', {
      kind: 'amends',
      target: '366-QĐ/TW',
      provisions: ['art_2__cl_2'],
    });
    expect(r.warnings.map((w) => w.code)).toEqual(['document.relation.not_issuer']);
    expect((await docs.getDocumentByNumber(db, testActor, '366-QĐ/TW')).status).toBe('partly_amended');
    const unknown = await fail(
      docs.relateDocuments(db, testActor, '15-QĐ/TU', {
        kind: 'amends',
        target: '366-QĐ/TW',
        provisions: ['art_99'],
      }),
    );
    expect(unknown).toMatchObject({ code: 'document.provision.unknown', field: 'provisions' });
    // the Central Committee may change a province's document
    const down = await docs.relateDocuments(db, testActor, '26-NQ/TW', { kind: 'cites', target: '15-QĐ/TU' });
    expect(down.warnings).toEqual([]);
  });

  it('searches without diacritics, lands on the provision and highlights the accented words', async () => {
    const results = await docs.searchDocuments(db, testActor, { q: 'dang vien du bi mien sinh hoat' });
    expect(results[0]).toMatchObject({ provision: 'art_2__cl_2__pt_b', type: 'QĐ' });
    expect(results[0]?.excerpt).toContain('<b>Đảng</b> <b>viên</b> <b>dự</b> <b>bị</b>');
    // words split between the title and one provision still land on that provision
    const spread = await docs.searchDocuments(db, testActor, { q: 'mien sinh hoat he thong chinh tri' });
    expect(spread[0]).toMatchObject({ number: '366-QĐ/TW', provision: 'art_2__cl_2__pt_b' });
    const accented = await docs.searchDocuments(db, testActor, { q: 'đội ngũ cán bộ' });
    expect(accented[0]).toMatchObject({ number: '26-NQ/TW' });
  });

  it('finds a document by its number in any common spelling', async () => {
    for (const q of ['26-NQ/TW', '26/NQ-TW', 'nq 26', 'Nghị quyết số 26']) {
      const results = await docs.searchDocuments(db, testActor, { q });
      expect(results[0]?.number, q).toBe('26-NQ/TW');
    }
    const filtered = await docs.searchDocuments(db, testActor, { q: 'can bo', type: 'NQ', field: 'cadres' });
    expect(filtered.map((r) => r.number)).toEqual(['26-NQ/TW']);
    const bad = await fail(docs.searchDocuments(db, testActor, { q: 'x', type: 'ZZ' }));
    expect(bad).toMatchObject({ code: 'document.type.unknown' });
  });

  it('lists documents in force for more than five years without review, and counts by field and type', async () => {
    const due = await docs.reviewDue(db, testActor, { asOf: '2025-06-01' });
    // the 124-QĐ/TW of the 11th term (2016), then 26-NQ/TW of the 12th (2018); the replaced 132-QĐ/TW is not listed
    expect(due.results.map((d) => [d.number, d.term])).toEqual([
      ['124-QĐ/TW', 11],
      ['26-NQ/TW', 12],
    ]);
    await docs.markReviewed(db, testActor, '26-NQ/TW', '2024-12-01');
    const after = await docs.reviewDue(db, testActor, { asOf: '2025-06-01' });
    expect(after.results.map((d) => d.number)).toEqual(['124-QĐ/TW']);
    const stats = await docs.documentStats(db, testActor);
    expect(stats.byField).toEqual(expect.arrayContaining([{ key: 'cadres', n: 1 }]));
    expect(stats.byType).toEqual(
      expect.arrayContaining([
        { key: 'regulation', n: 3 },
        { key: 'decision', n: 2 },
      ]),
    );
    expect(stats.byIssuer).toEqual(expect.arrayContaining([{ key: 'TU', n: 1 }]));
  });

  it('suggests the provisions a question is about, publishes the answer as guidance, ranks hot spots', async () => {
    const asked = await docs.createQuestion(db, testActor, {
      sender: 'G1',
      receivedDate: '2025-11-01',
      text: 'Theo Quy định 366-QĐ/TW, đảng viên dự bị được miễn sinh hoạt có phải đánh giá, xếp loại không?',
      dueDate: '2025-11-20',
    });
    expect(asked.sender).toBe('Đảng ủy xã Tân Lập');
    expect(asked.overdue).toBe(todayVn() > '2025-11-20');
    // the number cited picks the document; its words pick the provisions (the best two)
    expect(new Set(asked.targets.map((t) => t.number))).toEqual(new Set(['366-QĐ/TW']));
    expect(asked.targets.map((t) => t.provision)).toContain('art_2__cl_2__pt_b');
    for (const day of ['2025-11-02', '2025-11-03']) {
      await docs.createQuestion(db, testActor, {
        sender: 'Đảng ủy Khối cơ quan',
        receivedDate: day,
        text: 'Hỏi về phạm vi điều chỉnh',
        targets: [{ number: '366-QĐ/TW', provision: 'art_1' }],
      });
    }
    const answered = await docs.answerQuestion(db, testActor, asked.id, {
      answer: 'Có, theo điểm b khoản 2 Điều 2.',
      answeredDate: '2025-11-10',
      publish: true,
    });
    expect(answered).toMatchObject({ status: 'answered', published: true, overdue: false });
    const doc = await docs.getDocumentByNumber(db, testActor, '366-QĐ/TW');
    const point = doc.provisions.find((p) => p.id === 'art_2__cl_2__pt_b');
    expect(point?.guidance.map((g) => g.answer)).toEqual(['Có, theo điểm b khoản 2 Điều 2.']);
    const hot = await docs.questionHotspots(db, testActor, { from: '2025-11-01', to: '2025-11-30' });
    expect(hot.slice(0, 2).map((h) => [h.number, h.provision, h.questions])).toEqual([
      ['366-QĐ/TW', 'art_1', 3],
      ['366-QĐ/TW', 'art_2__cl_2__pt_b', 1],
    ]);
    // outside the period, nothing
    expect(await docs.questionHotspots(db, testActor, { from: '2024-01-01', to: '2024-12-31' })).toEqual([]);
  });

  it('follows implementation tasks per unit: progress, overdue list, share done on the document', async () => {
    const task = await docs.createTask(db, testActor, '366-QĐ/TW', {
      unitCode: 'G1',
      provision: 'art_3',
      title: 'Triển khai đánh giá năm 2025',
      dueDate: '2025-12-31',
    });
    await docs.createTask(db, testActor, '366-QĐ/TW', {
      unitCode: 'G2',
      title: 'Báo cáo kết quả',
      dueDate: '2026-01-15',
    });
    const due = await docs.tasksDue(db, testActor, { org: 'P1', asOf: '2026-01-05' });
    expect(due.map((t) => [t.unitCode, t.overdue])).toEqual([['G1', true]]);
    const done = await docs.reportTaskProgress(db, testActor, task.id, {
      progress: 100,
      report: 'Đã xong',
      date: '2026-01-04',
    });
    expect(done).toMatchObject({ doneDate: '2026-01-04', overdue: false });
    expect((await docs.getDocumentByNumber(db, testActor, '366-QĐ/TW')).implementation).toBe(50);
  });

  it('refuses impossible and future dates, and a structure with a repeated id or a parent after its child', async () => {
    const task = await docs.createTask(db, testActor, '26-NQ/TW', {
      unitCode: 'G1',
      provision: 'sec_2__cl_1',
      title: 'Xây dựng đội ngũ',
      dueDate: '2026-06-30',
    });
    const impossible = await fail(
      docs.reportTaskProgress(db, testActor, task.id, { progress: 10, date: '2026-02-30' }),
    );
    expect(impossible).toMatchObject({ code: 'validation.invalid_input', field: 'date' });
    expect(impossible?.messages.en).toContain('not a day of the calendar');
    const early = await fail(
      docs.reportTaskProgress(db, testActor, task.id, { progress: 10, date: '2018-05-18' }),
    );
    expect(early).toMatchObject({ code: 'document.task.progress_before_document', field: 'date' });
    expect(await fail(docs.markReviewed(db, testActor, '26-NQ/TW', '2099-01-01'))).toMatchObject({
      code: 'document.date.future',
    });
    const doc = await docs.getDocumentByNumber(db, testActor, '26-NQ/TW');
    const rows: ProvisionInput[] = doc.provisions.map((p) => ({
      id: p.id,
      parentId: p.parentId,
      kind: p.kind as ProvisionInput['kind'],
      num: p.num,
      heading: p.heading,
      text: p.text,
    }));
    const [first, ...rest] = rows;
    const twice = await fail(
      docs.replaceStructure(db, testActor, doc.id, [...rows, { ...(rest.at(-1) as ProvisionInput) }]),
    );
    expect(twice).toMatchObject({ code: 'document.structure.invalid', field: 'provisions' });
    const orphan = await fail(
      docs.replaceStructure(db, testActor, doc.id, [...rest, first as ProvisionInput]),
    );
    expect(orphan).toMatchObject({ code: 'document.structure.invalid' });
    expect(await fail(docs.replaceStructure(db, testActor, doc.id, []))).toMatchObject({
      code: 'document.structure.invalid',
    });
    // a correction that drops the task's provision keeps the task, on the document as a whole
    const kept = rows.filter((r) => r.id !== 'sec_2__cl_1');
    await docs.replaceStructure(db, testActor, doc.id, kept);
    const after = await docs.getDocumentByNumber(db, testActor, '26-NQ/TW');
    expect(after.tasks.find((t) => t.id === task.id)?.provision).toBeNull();
  });

  it('imports a text file, reading the number, date, type and title from its header', async () => {
    const text = [
      'BAN CHẤP HÀNH TRUNG ƯƠNG',
      '*',
      'Số 35-CT/TW',
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      'Hà Nội, ngày 14 tháng 6 năm 2024',
      'CHỈ THỊ',
      'CỦA BỘ CHÍNH TRỊ',
      'về đại hội đảng bộ các cấp tiến tới Đại hội đại biểu toàn quốc lần thứ XIV của Đảng',
      'I. MỤC ĐÍCH',
      '1. Đại hội đảng bộ các cấp là sinh hoạt chính trị sâu rộng.',
    ].join('\n');
    const doc = await docs.importDocument(
      db,
      testActor,
      { name: 'ct35.txt', data: new TextEncoder().encode(text) },
      { field: 'congress_charter' },
    );
    expect(doc).toMatchObject({
      number: '35-CT/TW',
      kind: 'directive',
      signedDate: '2024-06-14',
      title:
        'Chỉ thị của bộ chính trị về đại hội đảng bộ các cấp tiến tới Đại hội đại biểu toàn quốc lần thứ XIV của Đảng',
      fields: ['congress_charter'],
    });
    expect(doc.provisions.map((p) => p.id)).toEqual(['sec_1', 'sec_1__cl_1']);
    const missing = await fail(
      docs.importDocument(db, testActor, {
        name: 'x.txt',
        data: new TextEncoder().encode('Điều 1. Không có phần đầu'),
      }),
    );
    expect(missing).toMatchObject({ code: 'document.import.missing', field: 'signedDate' });
  });
});
