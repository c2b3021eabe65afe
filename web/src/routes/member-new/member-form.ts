/** The add-member form's state and how it becomes the request body. */
import {
  type BirthDatePrecision,
  birthDateAtPrecision,
} from '../../../../src/core/member-rules/birth-date.ts';
import type { AddMemberInput } from '../../api/members-api.ts';
import { optionalText } from '../../components/form-values.ts';

export type { BirthDatePrecision };

const PRECISION_RANK: Record<BirthDatePrecision, number> = { year: 0, month: 1, day: 2 };

/**
 * The form with the birth date known to another precision: a date typed more precisely keeps the
 * parts still known; asked for more than was typed, it starts empty rather than show a made-up day.
 */
export function withBirthDatePrecision(form: MemberForm, precision: BirthDatePrecision): MemberForm {
  const keep =
    form.birthDate !== null && PRECISION_RANK[precision] <= PRECISION_RANK[form.birthDatePrecision];
  return {
    ...form,
    birthDatePrecision: precision,
    birthDate: keep && form.birthDate ? birthDateAtPrecision(form.birthDate, precision) : null,
  };
}

export interface MemberForm {
  fullName: string;
  otherName: string;
  birthDate: string | null;
  birthDatePrecision: BirthDatePrecision;
  sex: 'male' | 'female' | null;
  birthPlace: string;
  hometown: string;
  ethnicity: string;
  religion: string;
  nationalId: string;
  partyCardNo: string;
  admissionDate: string | null;
  officialDate: string | null;
  education: string;
  qualification: string;
  theoryLevel: string;
  occupation: string;
  cellCode: string | null;
  decisionRef: string;
  ageException: boolean;
}

export function initialMemberForm(cellCode: string | null): MemberForm {
  return {
    fullName: '',
    otherName: '',
    birthDate: null,
    birthDatePrecision: 'day',
    sex: null,
    birthPlace: '',
    hometown: '',
    ethnicity: '',
    religion: '',
    nationalId: '',
    partyCardNo: '',
    admissionDate: null,
    officialDate: null,
    education: '',
    qualification: '',
    theoryLevel: '',
    occupation: '',
    cellCode,
    decisionRef: '',
    ageException: false,
  };
}

/** Required fields (named as in the API) still empty. */
export function missingMemberFields(form: MemberForm): Set<string> {
  const missing = new Set<string>();
  if (form.fullName.trim() === '') missing.add('fullName');
  if (form.birthDate === null) missing.add('birthDate');
  if (form.sex === null) missing.add('sex');
  if (form.admissionDate === null) missing.add('admissionDate');
  if (form.cellCode === null) missing.add('cellCode');
  return missing;
}

/** The request body; call only when `missingMemberFields` is empty. */
export function buildAddMemberInput(form: MemberForm): AddMemberInput {
  return {
    fullName: form.fullName.trim(),
    otherName: optionalText(form.otherName),
    birthDate: form.birthDate ?? '',
    birthDatePrecision: form.birthDatePrecision,
    sex: form.sex ?? 'male',
    birthPlace: optionalText(form.birthPlace),
    hometown: optionalText(form.hometown),
    ethnicity: optionalText(form.ethnicity),
    religion: optionalText(form.religion),
    // Spaces typed between groups of digits are not part of the number.
    nationalId: optionalText(form.nationalId.replace(/\s/g, '')),
    partyCardNo: optionalText(form.partyCardNo),
    admissionDate: form.admissionDate ?? '',
    officialDate: form.officialDate ?? undefined,
    education: optionalText(form.education),
    qualification: optionalText(form.qualification),
    theoryLevel: optionalText(form.theoryLevel),
    occupation: optionalText(form.occupation),
    cellCode: form.cellCode ?? '',
    decisionRef: optionalText(form.decisionRef),
  };
}
