import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMarkReviewed } from '../../api/documents-queries.ts';
import { DateField } from '../../components/date-field.tsx';
import { todayIso } from '../../components/dates.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { fieldErrorOf, isShownAtField } from '../../components/field-error.ts';

const FIELDS: ReadonlySet<string> = new Set(['date']);

/** Records that a document was reviewed (rà soát) on a date: the review clock starts again from it. */
export function ReviewModal({
  doc,
  onClose,
}: {
  doc: { id: number; number: string; title: string };
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [date, setDate] = useState<string | null>(todayIso());
  const [attempted, setAttempted] = useState(false);
  const review = useMarkReviewed();
  const submit = () => {
    setAttempted(true);
    if (date) review.mutate({ documentId: doc.id, date }, { onSuccess: onClose });
  };
  return (
    <Modal opened onClose={onClose} title={t('documents.review.markTitle', { number: doc.number })}>
      <Stack gap="sm">
        <Text size="sm">{doc.title}</Text>
        <DateField
          label={t('documents.review.date')}
          value={date}
          onChange={setDate}
          required
          error={fieldErrorOf(review.error, 'date', attempted && !date, t('wizard.required'))}
          data-testid="review-date"
        />
        {review.isError && !isShownAtField(review.error, FIELDS) && <ErrorAlert error={review.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button loading={review.isPending} onClick={submit} data-testid="review-submit">
            {t('documents.review.mark')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
