import type { TFunction } from 'i18next';
import type { DuplicateKind, ImpossibleDateRule, IssueKind, QualityField } from '../../api/quality-api.ts';

/** What a list of records to fix is about, in words: "Missing national ID", "Same card number"… */
export function issueKindLabel(t: TFunction, kind: IssueKind): string {
  const [group, name] = kind.split('.') as [string, string];
  if (group === 'missing')
    return t('quality.issues.missing', { field: t(`quality.fields.${name as QualityField}`) });
  if (group === 'duplicate') return t(`quality.duplicates.${name as DuplicateKind}`);
  return t(`quality.rules.${name as ImpossibleDateRule}`);
}
