/** The wizard's form state and how it becomes the request body of each operation. */
import type { ReactNode } from 'react';
import type { OperationRequest, OrgKindValue, ReorganizationKind } from '../../api/orgs-api.ts';
import { optionalText } from '../../components/form-values.ts';

export interface SplitTarget {
  /** Stable React key: rows can be removed from the middle. */
  key: number;
  code: string;
  name: string;
}

export interface WizardForm {
  /** The unit operated on (rename, move, split, dissolve). */
  code: string | null;
  /** Code of the unit to create. */
  newCode: string;
  /** New name (create, rename, merge into a new unit). */
  name: string;
  kind: OrgKindValue | null;
  parentCode: string | null;
  toParentCode: string | null;
  fromCodes: string[];
  mergeTarget: 'new' | 'existing';
  intoNewCode: string;
  intoExistingCode: string | null;
  into: SplitTarget[];
  /** Sub-unit code → code of the new unit it goes to. */
  assign: Record<string, string>;
  date: string | null;
  decisionRef: string;
}

/** What every operation's fields get from the wizard. */
export interface FieldsProps {
  operation: ReorganizationKind;
  form: WizardForm;
  update: (patch: Partial<WizardForm>) => void;
  /** The date the pickers search at: the operation date once given, else today. */
  asOf: string;
  errorFor: (field: string) => ReactNode;
}

export function initialForm(operation: ReorganizationKind, code: string | null): WizardForm {
  return {
    code: operation === 'create' || operation === 'merge' ? null : code,
    newCode: '',
    name: '',
    kind: null,
    parentCode: operation === 'create' ? code : null,
    toParentCode: null,
    fromCodes: operation === 'merge' && code ? [code] : [],
    mergeTarget: 'new',
    intoNewCode: '',
    intoExistingCode: null,
    into: [
      { key: 1, code: '', name: '' },
      { key: 2, code: '', name: '' },
    ],
    assign: {},
    date: null,
    decisionRef: '',
  };
}

/** Input fields (named as in the API) that are empty but needed to send the request at all. */
export function missingFields(operation: ReorganizationKind, form: WizardForm): Set<string> {
  const missing = new Set<string>();
  const need = (field: string, present: boolean) => {
    if (!present) missing.add(field);
  };
  need('date', form.date !== null);
  switch (operation) {
    case 'create':
      need('code', form.newCode.trim() !== '');
      need('name', form.name.trim() !== '');
      need('kind', form.kind !== null);
      break;
    case 'rename':
      need('code', form.code !== null);
      need('name', form.name.trim() !== '');
      break;
    case 'move':
      need('code', form.code !== null);
      need('toParentCode', form.toParentCode !== null);
      break;
    case 'merge':
      need('fromCodes', form.fromCodes.length > 0);
      if (form.mergeTarget === 'new') {
        need('intoCode', form.intoNewCode.trim() !== '');
        need('name', form.name.trim() !== '');
        need('kind', form.kind !== null);
      } else {
        need('intoCode', form.intoExistingCode !== null);
      }
      break;
    case 'split':
      need('code', form.code !== null);
      need(
        'into',
        form.into.length >= 2 && form.into.every((row) => row.code.trim() !== '' && row.name.trim() !== ''),
      );
      break;
    case 'dissolve':
      need('code', form.code !== null);
      break;
  }
  return missing;
}

/** Input fields (named as in the API) the form shows for the operation. */
export function visibleFields(operation: ReorganizationKind, form: WizardForm): Set<string> {
  const common = ['date', 'decisionRef'];
  const byOperation: Record<ReorganizationKind, string[]> = {
    create: ['code', 'name', 'kind', 'parentCode'],
    rename: ['code', 'name'],
    move: ['code', 'toParentCode'],
    merge:
      form.mergeTarget === 'new'
        ? ['fromCodes', 'intoCode', 'name', 'kind', 'parentCode']
        : ['fromCodes', 'intoCode'],
    split: ['code', 'into', 'assign'],
    dissolve: ['code'],
  };
  return new Set([...common, ...byOperation[operation]]);
}

/** The request for the chosen operation; call only when `missingFields` is empty. */
export function buildRequest(operation: ReorganizationKind, form: WizardForm): OperationRequest {
  const base = { date: form.date ?? '', decisionRef: optionalText(form.decisionRef) };
  switch (operation) {
    case 'create':
      return {
        kind: 'create',
        input: {
          code: form.newCode.trim(),
          name: form.name.trim(),
          kind: form.kind ?? 'cell',
          parentCode: form.parentCode ?? undefined,
          ...base,
        },
      };
    case 'rename':
      return { kind: 'rename', input: { code: form.code ?? '', name: form.name.trim(), ...base } };
    case 'move':
      return {
        kind: 'move',
        input: { code: form.code ?? '', toParentCode: form.toParentCode ?? '', ...base },
      };
    case 'merge':
      return {
        kind: 'merge',
        input:
          form.mergeTarget === 'new'
            ? {
                fromCodes: form.fromCodes,
                intoCode: form.intoNewCode.trim(),
                name: form.name.trim(),
                kind: form.kind ?? undefined,
                parentCode: form.parentCode ?? undefined,
                ...base,
              }
            : {
                fromCodes: form.fromCodes,
                intoCode: form.intoExistingCode ?? '',
                kind: form.kind ?? undefined,
                ...base,
              },
      };
    case 'split': {
      const codes = new Set(form.into.map((row) => row.code.trim()));
      const assign = Object.fromEntries(
        Object.entries(form.assign).filter(([, target]) => codes.has(target)),
      );
      return {
        kind: 'split',
        input: {
          code: form.code ?? '',
          into: form.into.map((row) => ({ code: row.code.trim(), name: row.name.trim() })),
          assign,
          ...base,
        },
      };
    }
    case 'dissolve':
      return { kind: 'dissolve', input: { code: form.code ?? '', ...base } };
  }
}

/** The unit to open once the operation is applied. */
export function primaryUnitCode(
  request: OperationRequest,
  created: readonly { code: string }[],
): string | null {
  switch (request.kind) {
    case 'create':
      return request.input.code;
    case 'merge':
      return request.input.intoCode;
    case 'split':
      return created[0]?.code ?? null;
    case 'dissolve':
      return null;
    default:
      return request.input.code;
  }
}
