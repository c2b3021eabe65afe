import { Button, Menu } from '@mantine/core';
import { IconChevronDown, IconDownload, IconFileSpreadsheet, IconFileText } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

export interface ExportLink {
  /** An i18n key under `exports`. */
  label: 'membersXlsx' | 'membersCsv' | 'reportXlsx' | 'reportDocx' | 'profileDocx';
  href: string;
}

/** "Download" with a menu of files; each item is a plain link the browser downloads (streamed). */
export function ExportMenu({ links, testId, hint }: { links: ExportLink[]; testId: string; hint?: string }) {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          size="compact-sm"
          variant="default"
          leftSection={<IconDownload size={16} />}
          rightSection={<IconChevronDown size={14} />}
          data-testid={testId}
        >
          {t('exports.download')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {hint && <Menu.Label>{hint}</Menu.Label>}
        {links.map((link) => (
          <Menu.Item
            key={link.label}
            component="a"
            href={link.href}
            download
            leftSection={
              link.label.endsWith('Docx') ? <IconFileText size={16} /> : <IconFileSpreadsheet size={16} />
            }
            data-testid={`${testId}-${link.label}`}
          >
            {t(`exports.${link.label}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
