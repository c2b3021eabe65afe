import {
  Badge,
  Button,
  Checkbox,
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Text,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FEE_CATEGORIES, type FeeAccount, type FeeArrear, type FeeCategory } from '../../api/queues-api.ts';
import {
  useFeeAccount,
  useFeeArrears,
  useRecordFeePayment,
  useSetFeeSetting,
} from '../../api/queues-queries.ts';
import { DateField } from '../../components/date-field.tsx';
import { formatDate, todayIso } from '../../components/dates.ts';
import { ErrorAlert, localize } from '../../components/error-alert.tsx';
import { fieldErrorOf } from '../../components/field-error.ts';
import { oneOf } from '../../components/form-values.ts';
import { formatCount } from '../../components/formatting.ts';
import { memberColumns } from '../../components/member-columns.tsx';
import { RuleNote } from '../../components/rule-note.tsx';
import { Section } from '../../components/section.tsx';
import { useUrlParam } from '../../components/use-url-param.ts';
import { type WindowedColumn, WindowedTable } from '../../components/windowed-table.tsx';
import { QueueActionModal } from './queue-action-modal.tsx';

/** `2026-03` → `03/2026`. */
function formatMonth(month: string): string {
  return `${month.slice(5, 7)}/${month.slice(0, 4)}`;
}

function formatVnd(amount: number): string {
  return `${formatCount(amount)} đ`;
}

/** Members of the unit with 3 or more months of Party fees unpaid in a year. */
export function FeeArrearsQueue({ org }: { org: string | null }) {
  const { t } = useTranslation();
  const thisYear = Number(todayIso().slice(0, 4));
  const years = [thisYear, thisYear - 1, thisYear - 2];
  const [yearParam, setYear] = useUrlParam('feeYear');
  const year = years.find((item) => String(item) === yearParam) ?? thisYear;
  const arrears = useFeeArrears(org, year);
  const [paying, setPaying] = useState<FeeArrear | null>(null);
  const rows = arrears.data?.results ?? [];

  const columns: WindowedColumn<FeeArrear>[] = [
    ...memberColumns<FeeArrear>(t, todayIso()),
    {
      key: 'unpaid',
      header: t('queues.fees.unpaidMonths'),
      width: 160,
      render: (item) => (
        <Badge color="red" variant="light" size="sm" tt="none" data-testid="fee-unpaid">
          {t('queues.fees.months', { count: item.unpaidMonths })}
        </Badge>
      ),
    },
    {
      key: 'action',
      header: '',
      width: 170,
      align: 'right',
      render: (item) => (
        <Button size="compact-xs" variant="light" onClick={() => setPaying(item)} data-testid="fee-pay">
          {t('queues.fees.pay')}
        </Button>
      ),
    },
  ];

  return (
    <Section title={t('queues.fees.title')} testId="due-fees">
      <RuleNote>{t('queues.fees.rule')}</RuleNote>
      <Group gap="sm" my="xs" align="center">
        <SegmentedControl
          size="xs"
          value={String(year)}
          onChange={(value) => setYear(value === String(thisYear) ? null : value)}
          data={years.map((item) => ({ value: String(item), label: String(item) }))}
          data-testid="fees-year"
        />
        {arrears.data && (
          <Text size="sm" c="dimmed" data-testid="fees-total">
            {t('queues.fees.total', {
              count: arrears.data.total,
              formatted: formatCount(arrears.data.total),
              month: formatMonth(arrears.data.asOfMonth),
            })}
          </Text>
        )}
      </Group>
      {arrears.isError && <ErrorAlert error={arrears.error} onRetry={() => void arrears.refetch()} />}
      {arrears.data &&
        (rows.length === 0 ? (
          <Text size="sm" c="dimmed" p="xs">
            {t('members.due.none')}
          </Text>
        ) : (
          <WindowedTable
            rows={rows}
            columns={columns}
            rowKey={(item) => item.id}
            maxHeight={420}
            minWidth={760}
            testId="fees-table"
            rowTestId="fee-due-row"
          />
        ))}
      {paying && <FeeModal key={paying.id} member={paying} year={year} onClose={() => setPaying(null)} />}
    </Section>
  );
}

/** The member's year: the fee level first when none is set, then the months to record as paid. */
function FeeModal({ member, year, onClose }: { member: FeeArrear; year: number; onClose: () => void }) {
  const account = useFeeAccount(member.id, year);
  if (account.isError) return <ErrorAlert error={account.error} />;
  if (!account.data) return null;
  return account.data.setting ? (
    <PaymentModal member={member} account={account.data} onClose={onClose} />
  ) : (
    <SettingModal member={member} onClose={onClose} />
  );
}

const SETTING_FIELDS = new Set(['category', 'base', 'fixedAmount']);

function SettingModal({ member, onClose }: { member: FeeArrear; onClose: () => void }) {
  const { t } = useTranslation();
  const [category, setCategory] = useState<FeeCategory | null>(null);
  const [base, setBase] = useState<number | null>(null);
  const [fixedAmount, setFixedAmount] = useState<number | null>(null);
  const [attempted, setAttempted] = useState(false);
  const mutation = useSetFeeSetting(member.id);
  const errorFor = (field: string) =>
    fieldErrorOf(mutation.error, field, attempted && field === 'category' && !category, t('wizard.required'));

  const submit = () => {
    setAttempted(true);
    if (!category) return;
    mutation
      .mutateAsync({
        category,
        ...(base !== null ? { base } : {}),
        ...(fixedAmount !== null ? { fixedAmount } : {}),
      })
      .catch(() => undefined);
  };

  return (
    <QueueActionModal
      opened
      title={`${t('queues.fees.settingTitle')}: ${member.fullName}`}
      rule={t('queues.fees.settingRule')}
      onClose={onClose}
      onSubmit={submit}
      pending={mutation.isPending}
      error={mutation.error}
      fields={SETTING_FIELDS}
      submitLabel={t('queues.save')}
      testId="fee-setting-modal"
    >
      <Select
        label={t('queues.fees.category')}
        data={FEE_CATEGORIES.map((value) => ({ value, label: t(`queues.fees.categories.${value}`) }))}
        value={category}
        onChange={(value) => setCategory(oneOf(FEE_CATEGORIES, value))}
        error={errorFor('category')}
        required
        comboboxProps={{ withinPortal: true }}
        data-testid="fee-category"
      />
      <Group grow align="flex-start" gap="sm">
        <NumberInput
          label={t('queues.fees.base')}
          description={t('queues.fees.baseHint')}
          value={base ?? ''}
          onChange={(value) => setBase(typeof value === 'number' ? value : null)}
          min={0}
          thousandSeparator="."
          decimalSeparator=","
          allowDecimal={false}
          error={errorFor('base')}
          data-testid="fee-base"
        />
        <NumberInput
          label={t('queues.fees.fixedAmount')}
          description={t('queues.fees.fixedAmountHint')}
          value={fixedAmount ?? ''}
          onChange={(value) => setFixedAmount(typeof value === 'number' ? value : null)}
          min={0}
          thousandSeparator="."
          decimalSeparator=","
          allowDecimal={false}
          error={errorFor('fixedAmount')}
          data-testid="fee-fixed"
        />
      </Group>
    </QueueActionModal>
  );
}

const PAYMENT_FIELDS = new Set(['months', 'paidOn']);

function PaymentModal({
  member,
  account,
  onClose,
}: {
  member: FeeArrear;
  account: FeeAccount;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const unpaid = account.months.filter((month) => month.paid === null && !month.exempt);
  const [months, setMonths] = useState<string[]>(unpaid.map((month) => month.month));
  const [paidOn, setPaidOn] = useState<string | null>(todayIso());
  const [attempted, setAttempted] = useState(false);
  const mutation = useRecordFeePayment(member.id);
  const missing = (field: string) =>
    attempted && ((field === 'months' && months.length === 0) || (field === 'paidOn' && !paidOn));
  const errorFor = (field: string) =>
    fieldErrorOf(mutation.error, field, missing(field), t('wizard.required'));

  const submit = () => {
    setAttempted(true);
    if (months.length === 0 || !paidOn) return;
    mutation.mutateAsync({ months, paidOn }).then(onClose, () => undefined);
  };

  return (
    <QueueActionModal
      opened
      title={`${t('queues.fees.payTitle', { year: account.year })}: ${member.fullName}`}
      rule={t('queues.fees.rule')}
      onClose={onClose}
      onSubmit={submit}
      pending={mutation.isPending}
      error={mutation.error}
      fields={PAYMENT_FIELDS}
      submitLabel={t('queues.record')}
      testId="fee-modal"
    >
      {account.warning && (
        <Text size="sm" c="red" data-testid="fee-warning">
          {localize(account.warning)}
        </Text>
      )}
      <Checkbox.Group
        label={t('queues.fees.monthsToPay')}
        value={months}
        onChange={setMonths}
        error={errorFor('months')}
        data-testid="fee-months"
      >
        <Stack gap={4} mt={4}>
          {account.months.map((month) => (
            <Group key={month.month} gap="sm" wrap="nowrap">
              <Checkbox
                value={month.month}
                label={formatMonth(month.month)}
                disabled={month.paid !== null || month.exempt}
                w={110}
              />
              <Text size="sm" c="dimmed">
                {month.exempt
                  ? t('queues.fees.exempt')
                  : month.paid !== null
                    ? t('queues.fees.paidOn', {
                        amount: formatVnd(month.paid),
                        date: formatDate(month.paidOn ?? ''),
                      })
                    : t('queues.fees.due', { amount: formatVnd(month.due) })}
              </Text>
            </Group>
          ))}
        </Stack>
      </Checkbox.Group>
      <DateField
        label={t('queues.fees.paidOnLabel')}
        value={paidOn}
        onChange={setPaidOn}
        error={errorFor('paidOn')}
        required
        data-testid="fee-paid-on"
      />
    </QueueActionModal>
  );
}
