import { Button, Group, Modal, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { isShownAtField } from '../../components/field-error.ts';
import { RuleNote } from '../../components/rule-note.tsx';

interface QueueActionModalProps {
  opened: boolean;
  title: ReactNode;
  /** The rule the action applies, shown above the fields. */
  rule: ReactNode;
  onClose: () => void;
  onSubmit: () => void;
  pending: boolean;
  /** The server's refusal: under its field when the form shows that field, else above the buttons. */
  error: unknown;
  fields: ReadonlySet<string>;
  submitLabel: string;
  /** Test ids are `<testId>`, `<testId>-submit`. */
  testId: string;
  /** The form; keyed by the caller so each opening starts empty. */
  children: ReactNode;
}

/** The form of an action taken from a work queue, in a modal: rule, fields, the server's verdict. */
export function QueueActionModal({
  opened,
  title,
  rule,
  onClose,
  onSubmit,
  pending,
  error,
  fields,
  submitLabel,
  testId,
  children,
}: QueueActionModalProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={title} size="lg" data-testid={testId}>
      <Stack gap="sm">
        <RuleNote>{rule}</RuleNote>
        {children}
        {error !== null && error !== undefined && !isShownAtField(error, fields) && (
          <ErrorAlert error={error} />
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={onSubmit} loading={pending} data-testid={`${testId}-submit`}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
