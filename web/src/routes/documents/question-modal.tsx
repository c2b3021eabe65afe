import { Button, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateQuestion } from '../../api/documents-queries.ts';
import { DateField } from '../../components/date-field.tsx';
import { todayIso } from '../../components/dates.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';

/** Files a question from a lower unit against one provision of a document. */
export function QuestionModal({
  number,
  provision,
  citation,
  onClose,
}: {
  number: string;
  provision: string;
  citation: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [sender, setSender] = useState('');
  const [text, setText] = useState('');
  const [received, setReceived] = useState<string | null>(todayIso());
  const create = useCreateQuestion();
  const submit = async () => {
    await create.mutateAsync({
      sender,
      text,
      receivedDate: received ?? todayIso(),
      targets: [{ number, provision }],
    });
    onClose();
  };
  return (
    <Modal opened onClose={onClose} title={t('documents.question.title', { citation, number })} size="lg">
      <Stack gap="sm">
        <TextInput
          label={t('documents.question.sender')}
          value={sender}
          onChange={(e) => setSender(e.currentTarget.value)}
          data-testid="question-sender"
          required
        />
        <DateField
          label={t('documents.question.received')}
          value={received}
          onChange={setReceived}
          required
        />
        <Textarea
          label={t('documents.question.text')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          autosize
          minRows={3}
          data-testid="question-text"
          required
        />
        {create.isError && <ErrorAlert error={create.error} />}
        <Group justify="flex-end">
          <Button
            onClick={() => void submit().catch(() => undefined)}
            loading={create.isPending}
            data-testid="question-submit"
          >
            {t('documents.question.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
