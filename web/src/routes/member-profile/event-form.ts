/** The state of the event forms of a profile and how it becomes the request of each event. */
import type { LeaveKind, MemberEventKind, MemberEventRequest, MemberStatus } from '../../api/members-api.ts';
import { optionalText } from '../../components/form-values.ts';

export interface EventForm {
  date: string | null;
  decisionRef: string;
  toCellCode: string | null;
  transferKind: 'official' | 'temporary';
  leaveKind: LeaveKind | null;
  reason: string;
}

export const INITIAL_EVENT_FORM: EventForm = {
  date: null,
  decisionRef: '',
  toCellCode: null,
  transferKind: 'official',
  leaveKind: null,
  reason: '',
};

/** The events that can be recorded for a member in the given status (the server checks again). */
export function eventsAllowed(status: MemberStatus): MemberEventKind[] {
  switch (status) {
    case 'probationary':
      return ['recognition', 'transfer-out', 'leave'];
    case 'official':
      return ['transfer-out', 'leave'];
    case 'in_transit':
      return ['transfer-in', 'leave'];
    default:
      return [];
  }
}

/** Input fields (named as in the API) each form shows. */
export function eventFields(kind: MemberEventKind): Set<string> {
  const common = ['date', 'decisionRef'];
  const byKind: Record<MemberEventKind, string[]> = {
    recognition: [],
    'transfer-out': ['toCellCode', 'kind'],
    'transfer-in': [],
    leave: ['kind', 'reason'],
  };
  return new Set([...common, ...byKind[kind]]);
}

/** Required input fields (named as in the API) that are still empty. */
export function missingEventFields(kind: MemberEventKind, form: EventForm): Set<string> {
  const missing = new Set<string>();
  if (form.date === null) missing.add('date');
  if (kind === 'transfer-out' && form.toCellCode === null) missing.add('toCellCode');
  if (kind === 'leave' && form.leaveKind === null) missing.add('kind');
  return missing;
}

/** The request of the event; call only when `missingEventFields` is empty. */
export function buildEventRequest(kind: MemberEventKind, form: EventForm): MemberEventRequest {
  const base = { date: form.date ?? '', decisionRef: optionalText(form.decisionRef) };
  switch (kind) {
    case 'recognition':
      return { kind, input: base };
    case 'transfer-in':
      return { kind, input: base };
    case 'transfer-out':
      return { kind, input: { ...base, toCellCode: form.toCellCode ?? '', kind: form.transferKind } };
    case 'leave':
      return {
        kind,
        input: { ...base, kind: form.leaveKind ?? 'removal', reason: optionalText(form.reason) },
      };
  }
}
