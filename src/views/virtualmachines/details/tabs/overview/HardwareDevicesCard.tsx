import type { FC } from 'react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Card, CardBody, CardTitle, Content } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import type { VirtualMachine } from '../../../../../models/types';
import { getHardwareDevices } from '../../../../../utils/hardwareDevices';

/** The GPUs and host devices the VM's template passes through, or that it has none. */
const HardwareDevicesCard: FC<{ vm: VirtualMachine }> = ({ vm }) => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  const cardId = useId();
  const devices = getHardwareDevices(vm);
  return (
    <Card id={cardId} component="section" aria-labelledby={`${cardId}-title`}>
      <CardTitle component="h2">{t('Hardware devices')}</CardTitle>
      <CardBody>
        {devices.length === 0 ? (
          <Content component="p">{t('No hardware devices')}</Content>
        ) : (
          <Table aria-label={t('Hardware devices')} variant="compact">
            <Thead>
              <Tr>
                <Th>{t('Type')}</Th>
                <Th>{t('Name')}</Th>
                <Th>{t('Device name')}</Th>
              </Tr>
            </Thead>
            <Tbody>
              {devices.map((d) => (
                <Tr key={`${d.kind}:${d.name}`}>
                  <Td dataLabel={t('Type')}>{d.kind === 'gpu' ? t('GPU') : t('Host device')}</Td>
                  <Td dataLabel={t('Name')}>{d.name}</Td>
                  <Td dataLabel={t('Device name')}>{d.deviceName}</Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        )}
      </CardBody>
    </Card>
  );
};

export default HardwareDevicesCard;
