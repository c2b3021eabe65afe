import { describe, expect, it } from 'vitest';
import { transferPresentDeadline, transferProcedureDeadline, transferStatus } from './transfer.ts';

// Reg 232-QĐ/TW §6.3.1 (= Reg 24-QĐ/TW §6.3.1): procedure within 60 working days of the decision
// taking effect; the letter presented within 30 working days of the introduction date.
describe('transfer deadlines (Reg 232-QĐ/TW §6.3.1)', () => {
  it('gives 30 working days to present the letter, the National Day holidays 1–2/9/2025 excluded', () => {
    expect(transferPresentDeadline('2025-08-25')).toBe('2025-10-08');
  });

  it('gives 60 working days for the procedure after the decision takes effect', () => {
    expect(transferProcedureDeadline('2025-08-25')).toBe('2025-11-19');
  });
});

describe('transferStatus', () => {
  const introduced = '2025-08-25'; // deadline 08/10/2025

  it('is in_transit up to the deadline day and overdue the day after', () => {
    expect(transferStatus(introduced, null, '2025-10-07')).toBe('in_transit');
    expect(transferStatus(introduced, null, '2025-10-08')).toBe('in_transit');
    expect(transferStatus(introduced, null, '2025-10-09')).toBe('overdue');
  });

  it('is received when received on or before the deadline, received_late after', () => {
    expect(transferStatus(introduced, '2025-10-07', '2025-12-01')).toBe('received');
    expect(transferStatus(introduced, '2025-10-08', '2025-12-01')).toBe('received');
    expect(transferStatus(introduced, '2025-10-09', '2025-12-01')).toBe('received_late');
  });
});
