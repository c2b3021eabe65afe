import { describe, expect, it } from 'vitest';
import {
  documentStatus,
  mayChange,
  replacementChain,
  reviewDueBefore,
  type StatusDates,
  statusDatesFrom,
} from './doc-status.ts';

const none: StatusDates = { repealedOn: null, replacedOn: null, expiresOn: null, amendedOn: null };

describe('document status (Reg. 66-QĐ/TW Art. 3, Reg. 399-QĐ/TW)', () => {
  // Quality rating: 132-QĐ/TW (8/3/2018) → 124-QĐ/TW (4/10/2023) → 366-QĐ/TW (30/8/2025)
  const reg124 = statusDatesFrom([{ kind: 'replaces', effectiveOn: '2025-08-30' }], null);
  const reg132 = statusDatesFrom([{ kind: 'replaces', effectiveOn: '2023-10-04' }], null);

  it('124-QĐ/TW is in force the day before 366 and replaced on the day 366 takes effect', () => {
    expect(documentStatus(reg124, '2025-08-29')).toBe('in_force');
    expect(documentStatus(reg124, '2025-08-30')).toBe('replaced');
    expect(documentStatus(reg124, '2025-08-31')).toBe('replaced');
    expect(documentStatus(reg132, '2023-10-03')).toBe('in_force');
    expect(documentStatus(reg132, '2024-01-01')).toBe('replaced');
  });

  it('an amendment makes a document partly amended; a later replacement wins', () => {
    const dates = statusDatesFrom(
      [
        { kind: 'amends', effectiveOn: '2020-01-01' },
        { kind: 'replaces', effectiveOn: '2022-01-01' },
      ],
      null,
    );
    expect(documentStatus(dates, '2019-12-31')).toBe('in_force');
    expect(documentStatus(dates, '2020-01-01')).toBe('partly_amended');
    expect(documentStatus(dates, '2022-01-01')).toBe('replaced');
  });

  it('repeal wins over everything; expiry on the expiry date', () => {
    expect(
      documentStatus({ ...none, repealedOn: '2024-05-01', replacedOn: '2024-01-01' }, '2024-06-01'),
    ).toBe('repealed');
    expect(documentStatus({ ...none, expiresOn: '2026-01-23' }, '2026-01-22')).toBe('in_force');
    expect(documentStatus({ ...none, expiresOn: '2026-01-23' }, '2026-01-23')).toBe('expired');
  });

  it('relations that do not change status are ignored; the earliest date counts', () => {
    const dates = statusDatesFrom(
      [
        { kind: 'guides', effectiveOn: '2020-01-01' },
        { kind: 'amends', effectiveOn: '2021-06-01' },
        { kind: 'amends', effectiveOn: '2021-01-01' },
      ],
      null,
    );
    expect(dates).toEqual({ ...none, amendedOn: '2021-01-01' });
  });

  it('shows the chain 132 → 124 → 366 from any link, and merged predecessors as one generation', () => {
    const edges = [
      { from: 124, to: 132 },
      { from: 366, to: 124 },
    ];
    expect(replacementChain(124, edges)).toEqual([[132], [124], [366]]);
    expect(replacementChain(132, edges)).toEqual([[132], [124], [366]]);
    expect(replacementChain(366, edges)).toEqual([[132], [124], [366]]);
    // 31 + 91 → 66 → 399
    const types = [
      { from: 66, to: 31 },
      { from: 66, to: 91 },
      { from: 399, to: 66 },
    ];
    expect(replacementChain(399, types)).toEqual([[31, 91], [66], [399]]);
    expect(replacementChain(7, types)).toEqual([[7]]);
  });

  it('only the issuer or a body above it may change a document', () => {
    const tw = { id: 1, ancestorIds: [] };
    const province = { id: 5, ancestorIds: [1] };
    const commune = { id: 9, ancestorIds: [5, 1] };
    expect(mayChange(province, province)).toBe(true);
    expect(mayChange(tw, commune)).toBe(true);
    expect(mayChange(province, commune)).toBe(true);
    expect(mayChange(commune, province)).toBe(false);
    expect(mayChange({ id: 6, ancestorIds: [1] }, commune)).toBe(false);
  });

  it('review is due five years after entry into force by default', () => {
    expect(reviewDueBefore('2026-11-23')).toBe('2021-11-23');
    expect(reviewDueBefore('2024-02-29', 1)).toBe('2023-02-28');
    expect(reviewDueBefore('2026-11-23', 3)).toBe('2023-11-23');
  });
});
