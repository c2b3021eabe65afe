import { ActionIcon, Button, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useOrgChildren } from '../../api/orgs-queries.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { KindBadge } from '../../components/kind-badge.tsx';
import { OrgPicker } from '../../components/org-picker.tsx';
import type { FieldsProps } from './wizard-form.ts';

/** Split: the new units, and which of them each sub-unit goes to. */
export function SplitFields({ form, update, asOf, errorFor }: FieldsProps) {
  const { t } = useTranslation();
  const children = useOrgChildren(form.code ?? '', asOf, form.code !== null);
  const targets = form.into.filter((row) => row.code.trim() !== '');
  const targetOptions = [...new Set(targets.map((row) => row.code.trim()))].map((targetCode) => ({
    value: targetCode,
    label: form.into.find((row) => row.code.trim() === targetCode)?.name.trim() || targetCode,
  }));
  const setRow = (key: number, patch: { code?: string; name?: string }) =>
    update({ into: form.into.map((row) => (row.key === key ? { ...row, ...patch } : row)) });
  const nextKey = Math.max(0, ...form.into.map((row) => row.key)) + 1;

  return (
    <>
      <OrgPicker
        label={t('wizard.unit')}
        value={form.code}
        onChange={(code) => update({ code, assign: {} })}
        asOf={asOf}
        error={errorFor('code')}
        required
        data-testid="wizard-unit"
      />
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          {t('wizard.splitInto')}
        </Text>
        {form.into.map((row, index) => (
          <Group key={row.key} gap="xs" align="flex-start" wrap="nowrap">
            <TextInput
              placeholder={t('common.code')}
              aria-label={`${t('common.code')} ${index + 1}`}
              value={row.code}
              onChange={(event) => setRow(row.key, { code: event.currentTarget.value })}
              w={150}
              data-testid={`wizard-split-code-${index}`}
            />
            <TextInput
              placeholder={t('common.name')}
              aria-label={`${t('common.name')} ${index + 1}`}
              value={row.name}
              onChange={(event) => setRow(row.key, { name: event.currentTarget.value })}
              style={{ flex: 1 }}
              data-testid={`wizard-split-name-${index}`}
            />
            <ActionIcon
              variant="subtle"
              color="gray"
              mt={4}
              disabled={form.into.length <= 2}
              onClick={() => update({ into: form.into.filter((item) => item.key !== row.key) })}
              aria-label={t('wizard.removeUnit')}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        {errorFor('into') && (
          <Text size="xs" c="red">
            {errorFor('into')}
          </Text>
        )}
        <Button
          size="xs"
          variant="subtle"
          leftSection={<IconPlus size={14} />}
          onClick={() => update({ into: [...form.into, { key: nextKey, code: '', name: '' }] })}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('wizard.addUnit')}
        </Button>
      </Stack>
      {form.code && (
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('wizard.assign')}
          </Text>
          {children.isError && <ErrorAlert error={children.error} />}
          {children.data?.length === 0 && (
            <Text size="xs" c="dimmed">
              {t('wizard.assignNone')}
            </Text>
          )}
          {children.data && children.data.length > 0 && targets.length === 0 && (
            <Text size="xs" c="dimmed">
              {t('wizard.assignNeedsUnits')}
            </Text>
          )}
          {children.data && children.data.length > 0 && targets.length > 0 && (
            <Select
              size="xs"
              w={260}
              aria-label={t('wizard.assignAll')}
              placeholder={t('wizard.assignAll')}
              data={targetOptions}
              value={null}
              onChange={(target) => {
                if (!target) return;
                update({
                  assign: Object.fromEntries((children.data ?? []).map((child) => [child.code, target])),
                });
              }}
              comboboxProps={{ withinPortal: true }}
              data-testid="wizard-assign-all"
            />
          )}
          {children.data && children.data.length > 0 && targets.length > 0 && (
            <Table data-testid="wizard-assign">
              <Table.Tbody>
                {children.data.map((child) => (
                  <Table.Tr key={child.code}>
                    <Table.Td>
                      <Text size="sm">{child.name}</Text>
                      <Group gap={4}>
                        <Text size="xs" c="dimmed" ff="monospace">
                          {child.code}
                        </Text>
                        <KindBadge kind={child.kind} size="xs" />
                      </Group>
                    </Table.Td>
                    <Table.Td w={200}>
                      <Select
                        size="xs"
                        aria-label={`${t('wizard.assignTo')}: ${child.name}`}
                        placeholder={t('wizard.assignTo')}
                        data={targets.map((row) => ({
                          value: row.code.trim(),
                          label: row.name.trim() || row.code.trim(),
                        }))}
                        value={form.assign[child.code] ?? null}
                        onChange={(target) => {
                          const assign = { ...form.assign };
                          if (target) assign[child.code] = target;
                          else delete assign[child.code];
                          update({ assign });
                        }}
                        comboboxProps={{ withinPortal: true }}
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {errorFor('assign') && (
            <Text size="xs" c="red">
              {errorFor('assign')}
            </Text>
          )}
        </Stack>
      )}
    </>
  );
}
