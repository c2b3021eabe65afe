import { Input, SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';

type TransferKind = 'official' | 'temporary';

/** Official or temporary transfer (chuyển sinh hoạt chính thức / tạm thời). */
export function TransferKindControl({
  value,
  onChange,
}: {
  value: TransferKind;
  onChange: (kind: TransferKind) => void;
}) {
  const { t } = useTranslation();
  return (
    <Input.Wrapper label={t('memberEvents.fields.transferKind')}>
      <div>
        <SegmentedControl
          value={value}
          onChange={(next) => onChange(next === 'temporary' ? 'temporary' : 'official')}
          data={[
            { value: 'official', label: t('members.transferKinds.official') },
            { value: 'temporary', label: t('members.transferKinds.temporary') },
          ]}
          data-testid="event-transfer-kind"
        />
      </div>
    </Input.Wrapper>
  );
}
