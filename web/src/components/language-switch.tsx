import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { changeLanguage, isLanguage } from '../i18n/index.ts';

/** Tiếng Việt / English; the choice is remembered in localStorage. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('app.language')}
      value={i18n.language === 'en' ? 'en' : 'vi'}
      onChange={(value) => {
        if (isLanguage(value)) void changeLanguage(value);
      }}
      data={[
        { value: 'vi', label: t('app.languageVi') },
        { value: 'en', label: t('app.languageEn') },
      ]}
      data-testid="language-switch"
    />
  );
}
