import { Alert, Button, List } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError, type LocalizedMessage } from '../api/api-error.ts';
import { currentLanguage } from '../i18n/index.ts';

export function localize(message: LocalizedMessage): string {
  return currentLanguage() === 'en' ? message.en : message.vi;
}

/** The message of any error in the current language: the server's own words when it sent them. */
export function errorMessage(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    if (error.messages) return localize(error.messages);
    if (error.code === 'client.network') return t('errors.network');
    return t('errors.unexpected', { status: error.status });
  }
  return t('errors.unexpected', { status: '?' });
}

/** A 4xx answer will not change by asking again. */
function isClientError(error: unknown): boolean {
  return error instanceof ApiError && error.status >= 400 && error.status < 500;
}

interface ErrorAlertProps {
  error: unknown;
  onRetry?: () => void;
  title?: string;
}

/** Shows an API error (with its field-level details) in the current language. */
export function ErrorAlert({ error, onRetry, title }: ErrorAlertProps) {
  const { t } = useTranslation();
  // The first field error is usually the main message itself: list only the others.
  const fieldErrors =
    error instanceof ApiError
      ? error.fieldErrors.filter((item) => item.message.en !== error.messages?.en)
      : [];
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertTriangle size={18} />}
      title={title ?? t('errors.title')}
      role="alert"
      data-testid="error-alert"
    >
      {errorMessage(error, t)}
      {fieldErrors.length > 0 && (
        <List size="sm" mt={4}>
          {fieldErrors.map((item) => (
            <List.Item key={`${item.field ?? ''}:${item.message.en}`}>{localize(item.message)}</List.Item>
          ))}
        </List>
      )}
      {onRetry && !isClientError(error) && (
        <Button size="xs" variant="light" color="red" mt="xs" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      )}
    </Alert>
  );
}
