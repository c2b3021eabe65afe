/** The errors of the document register, with stable codes and messages in both languages. */
import { formatDateVn } from '../../core/dates.ts';
import { AppError } from '../../core/errors.ts';

export const documentErrors = {
  notFound: (number: string, field?: string) =>
    new AppError(
      'document.not_found',
      'not_found',
      {
        vi: `Không có văn bản số "${number}" trong sổ`,
        en: `No document numbered "${number}" in the register`,
      },
      { field },
    ),
  idNotFound: (id: number) =>
    new AppError('document.not_found', 'not_found', {
      vi: `Không có văn bản mã ${id}`,
      en: `No document with id ${id}`,
    }),
  badNumber: (text: string, field = 'number') =>
    new AppError(
      'document.number.invalid',
      'validation',
      {
        vi: `"${text}" không phải số, ký hiệu văn bản của Đảng (ví dụ 26-NQ/TW)`,
        en: `"${text}" is not a Party document number (e.g. 26-NQ/TW)`,
      },
      { field },
    ),
  unknownType: (text: string) =>
    new AppError(
      'document.type.unknown',
      'validation',
      {
        vi: `Không có thể loại văn bản viết tắt "${text}" (NQ, QĐ, CT, KL, HD, KH …)`,
        en: `No document type abbreviated "${text}" (NQ, QĐ, CT, KL, HD, KH …)`,
      },
      { field: 'type' },
    ),
  missing: (field: 'number' | 'issuer' | 'signedDate' | 'title' | 'type', fileName?: string) => {
    const what = {
      number: ['số, ký hiệu', 'number'],
      issuer: ['cơ quan ban hành', 'issuing body'],
      signedDate: ['ngày ký', 'date signed'],
      title: ['trích yếu', 'title'],
      type: ['thể loại', 'type'],
    }[field];
    const where = fileName ? ` (${fileName})` : '';
    return new AppError(
      'document.import.missing',
      'validation',
      {
        vi: `Chưa có ${what[0]} của văn bản${where}: nhập vào hoặc để trong phần đầu văn bản`,
        en: `The document's ${what[1]} is missing${where}: give it or put it in the document's header`,
      },
      { field },
    );
  },
  numberTaken: (number: string, term: number) =>
    new AppError(
      'document.number.taken',
      'conflict',
      {
        vi: `Số ${number} đã dùng trong nhiệm kỳ ${term} của cơ quan ban hành`,
        en: `Number ${number} is already used in the issuer's term ${term}`,
      },
      { field: 'number' },
    ),
  issuerMismatch: (number: string, issuer: string) =>
    new AppError(
      'document.issuer.mismatch',
      'validation',
      {
        vi: `Số ${number} không khớp cơ quan ban hành ${issuer}`,
        en: `Number ${number} does not match the issuing body ${issuer}`,
      },
      { field: 'issuer' },
    ),
  effectiveBeforeSigned: () =>
    new AppError(
      'document.effective_before_signed',
      'validation',
      {
        vi: 'Ngày hiệu lực không thể trước ngày ký',
        en: 'A document cannot take effect before it is signed',
      },
      { field: 'effectiveDate' },
    ),
  selfRelation: () =>
    new AppError(
      'document.relation.self',
      'validation',
      { vi: 'Văn bản không thể liên hệ với chính nó', en: 'A document cannot relate to itself' },
      { field: 'target' },
    ),
  olderChanger: (number: string, target: string) =>
    new AppError(
      'document.relation.older_changer',
      'validation',
      {
        vi: `Văn bản ${number} ký trước ${target} nên không thể thay thế, sửa đổi hay bãi bỏ nó`,
        en: `${number} was signed before ${target}, so it cannot replace, amend or repeal it`,
      },
      { field: 'target' },
    ),
  unknownProvisions: (eids: readonly string[]) =>
    new AppError(
      'document.provision.unknown',
      'validation',
      {
        vi: `Văn bản không có các điều khoản: ${eids.join(', ')}`,
        en: `The document has no provisions ${eids.join(', ')}`,
      },
      { field: 'provisions' },
    ),
  questionNotFound: (id: number) =>
    new AppError('document.question.not_found', 'not_found', {
      vi: `Không có câu hỏi mã ${id}`,
      en: `No question with id ${id}`,
    }),
  taskNotFound: (id: number) =>
    new AppError('document.task.not_found', 'not_found', {
      vi: `Không có nhiệm vụ mã ${id}`,
      en: `No task with id ${id}`,
    }),
  futureDate: (field: string) =>
    new AppError(
      'document.date.future',
      'validation',
      {
        vi: 'Ngày này chưa tới: chỉ ghi nhận việc đã làm',
        en: 'This date has not come yet: record only what was done',
      },
      { field },
    ),
  progressBeforeDocument: (signedOn: string) =>
    new AppError(
      'document.task.progress_before_document',
      'validation',
      {
        vi: `Ngày báo cáo trước ngày ký văn bản giao nhiệm vụ (${formatDateVn(signedOn)})`,
        en: `The report is dated before the document assigning the task was signed (${formatDateVn(signedOn)})`,
      },
      { field: 'date' },
    ),
  badStructure: (vi: string, en: string) =>
    new AppError('document.structure.invalid', 'validation', { vi, en }, { field: 'provisions' }),
};
