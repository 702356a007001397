import type { FC } from 'react';
import { useTranslation } from 'react-i18next';
import { Card, CardBody, CardTitle, Content } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import type { VirtualMachineInstance } from '../../../../../models/types';
import { getErrorMessage } from '../../../../../utils/errors';
import { formatBytes } from '../../../../../utils/quantityFormat';
import { useGuestAgentLists } from './useGuestAgentLists';

const NONE = '–';

/** File systems and active users, as the guest agent reports them; why not, when it cannot. */
const GuestAgentCards: FC<{ vmi?: VirtualMachineInstance }> = ({ vmi }) => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  const { connected, fileSystems, users, error } = useGuestAgentLists(vmi);
  const unavailable = !vmi
    ? t('The VirtualMachine is not running.')
    : !connected
      ? t('The guest agent is not connected. Install and start qemu-guest-agent in the guest.')
      : error !== undefined
        ? getErrorMessage(error)
        : undefined;
  return (
    <>
      <Card>
        <CardTitle component="h2">{t('File systems')}</CardTitle>
        <CardBody>
          {unavailable ? (
            <Content component="p">{unavailable}</Content>
          ) : (
            <Table aria-label={t('File systems')} variant="compact">
              <Thead>
                <Tr>
                  <Th>{t('Mount point')}</Th>
                  <Th>{t('Disk')}</Th>
                  <Th>{t('Type')}</Th>
                  <Th>{t('Used')}</Th>
                  <Th>{t('Total')}</Th>
                </Tr>
              </Thead>
              <Tbody>
                {(fileSystems ?? []).map((fs) => (
                  <Tr key={`${fs.diskName}:${fs.mountPoint}`}>
                    <Td dataLabel={t('Mount point')}>{fs.mountPoint}</Td>
                    <Td dataLabel={t('Disk')}>{fs.diskName || NONE}</Td>
                    <Td dataLabel={t('Type')}>{fs.fileSystemType}</Td>
                    <Td dataLabel={t('Used')}>{formatBytes(fs.usedBytes) ?? NONE}</Td>
                    <Td dataLabel={t('Total')}>{formatBytes(fs.totalBytes) ?? NONE}</Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
          )}
        </CardBody>
      </Card>
      <Card>
        <CardTitle component="h2">{t('Active users')}</CardTitle>
        <CardBody>
          {unavailable ? (
            <Content component="p">{unavailable}</Content>
          ) : users?.length ? (
            <Table aria-label={t('Active users')} variant="compact">
              <Thead>
                <Tr>
                  <Th>{t('User name')}</Th>
                  <Th>{t('Domain')}</Th>
                  <Th>{t('Login time')}</Th>
                </Tr>
              </Thead>
              <Tbody>
                {users.map((user) => (
                  <Tr key={`${user.userName}@${user.loginTime ?? ''}`}>
                    <Td dataLabel={t('User name')}>{user.userName}</Td>
                    <Td dataLabel={t('Domain')}>{user.domain || NONE}</Td>
                    <Td dataLabel={t('Login time')}>
                      {user.loginTime ? new Date(user.loginTime * 1000).toLocaleString() : NONE}
                    </Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
          ) : (
            <Content component="p">{t('No users are logged in.')}</Content>
          )}
        </CardBody>
      </Card>
    </>
  );
};

export default GuestAgentCards;
