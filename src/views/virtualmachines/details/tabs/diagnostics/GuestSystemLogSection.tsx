import type { FC } from 'react';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { consoleFetchText } from '@openshift-console/dynamic-plugin-sdk';
import {
  Alert,
  AlertActionLink,
  Button,
  Checkbox,
  Content,
  Skeleton,
  Switch,
  Title,
  Toolbar,
  ToolbarContent,
  ToolbarItem,
} from '@patternfly/react-core';
import { DownloadIcon, SyncAltIcon } from '@patternfly/react-icons';
import { LogViewer, LogViewerSearch } from '@patternfly/react-log-viewer';
import { ensureLogViewerStyles } from '../../../../../components/styles/logViewerStyles';
import type { VirtualMachine, VirtualMachineInstance } from '../../../../../models/types';
import { vmDetailsPath } from '../../../../../utils/clone';
import { downloadFile } from '../../../../../utils/downloadFile';
import { getErrorMessage } from '../../../../../utils/errors';
import {
  guestLogFileName,
  guestLogLines,
  guestLogUrl,
  isGuestLogEnabled,
} from '../../../../../utils/guestSystemLog';
import { useGuestLogDisabledByCluster } from '../../useGuestLogClusterDefault';
import { useGuestSystemLog } from './useGuestSystemLog';

type GuestSystemLogSectionProps = {
  vm: VirtualMachine;
  vmi?: VirtualMachineInstance;
};

/**
 * Diagnostics → Guest system log: what the guest wrote to its serial console (boot messages,
 * kernel panics), read from the launcher pod's `guest-console-log` container, with search,
 * follow and download; or why there is none and how to get it.
 */
const GuestSystemLogSection: FC<GuestSystemLogSectionProps> = ({ vm, vmi }) => {
  const { t, i18n } = useTranslation('plugin__virt-console-plugin');
  const headingId = useId();
  const [follow, setFollow] = useState(false);
  const [wrap, setWrap] = useState(true);
  const [downloadError, setDownloadError] = useState<unknown>();
  const log = useGuestSystemLog(vmi, follow);
  const clusterDisabled = useGuestLogDisabledByCluster();
  const namespace = vm.metadata?.namespace ?? '';
  const name = vm.metadata?.name ?? '';

  useEffect(ensureLogViewerStyles, []);

  const download = (pod: string) =>
    consoleFetchText(guestLogUrl(namespace, pod, 'all'))
      .then((text: string) => {
        setDownloadError(undefined);
        downloadFile(
          guestLogFileName(namespace, name, new Date()),
          `${guestLogLines(text).join('\n')}\n`,
          'text/plain;charset=utf-8',
        );
      })
      .catch(setDownloadError);

  const configurationLink = (
    <Link to={`${vmDetailsPath(namespace, name)}/configuration?subtab=details`}>
      {t('Open Configuration → Details')}
    </Link>
  );

  const body = () => {
    if (!vmi)
      return (
        <Content component="p">
          {t('The guest system log is available while the VirtualMachine is running.')}
        </Content>
      );
    if (!log.podLoaded) return <Skeleton height="8rem" screenreaderText={t('Loading')} />;
    if (!log.available)
      return isGuestLogEnabled(vm, clusterDisabled) ? (
        <Alert variant="info" isInline title={t('Restart to get the guest system log')}>
          {t(
            'Guest system log access is on, but the running instance started without it. Restart the VirtualMachine to apply it.',
          )}
        </Alert>
      ) : (
        <Alert
          variant="info"
          isInline
          title={t('Guest system log access is off')}
          actionLinks={configurationLink}
        >
          {vm.spec?.template?.spec?.domain?.devices?.autoattachSerialConsole === false
            ? t(
                'The guest system log needs the serial console, which this VirtualMachine turns off.',
              )
            : t(
                'Turn on Guest system log access in the Configuration tab, then restart the VirtualMachine.',
              )}
        </Alert>
      );
    const lines = log.lines;
    return (
      <>
        {log.error !== undefined && (
          <Alert
            variant="danger"
            isInline
            title={t('The guest system log could not be loaded')}
            actionLinks={<AlertActionLink onClick={log.refresh}>{t('Try again')}</AlertActionLink>}
            className="pf-v6-u-mb-sm"
          >
            {getErrorMessage(log.error)}
          </Alert>
        )}
        {downloadError !== undefined && (
          <Alert
            variant="danger"
            isInline
            title={t('The guest system log could not be downloaded')}
            className="pf-v6-u-mb-sm"
          >
            {getErrorMessage(downloadError)}
          </Alert>
        )}
        {lines === undefined ? (
          log.error === undefined && <Skeleton height="8rem" screenreaderText={t('Loading')} />
        ) : (
          <LogViewer
            data={lines}
            hasLineNumbers
            isTextWrapped={wrap}
            height={420}
            theme="dark"
            scrollToRow={follow ? lines.length : undefined}
            hasToolbar
            toolbar={
              <Toolbar>
                <ToolbarContent>
                  <ToolbarItem>
                    <LogViewerSearch
                      placeholder={t('Search the log')}
                      aria-label={t('Search the log')}
                      minSearchChars={1}
                      resultsCountContext={` ${t('matching lines')}`}
                      previousNavigationButtonAriaLabel={t('Previous match')}
                      nextNavigationButtonAriaLabel={t('Next match')}
                      resetButtonLabel={t('Clear search')}
                    />
                  </ToolbarItem>
                  <ToolbarItem alignSelf="center">
                    <Switch
                      id={`${headingId}-follow`}
                      label={t('Follow')}
                      isChecked={follow}
                      onChange={(_e, checked) => setFollow(checked)}
                    />
                  </ToolbarItem>
                  <ToolbarItem alignSelf="center">
                    <Checkbox
                      id={`${headingId}-wrap`}
                      label={t('Wrap lines')}
                      isChecked={wrap}
                      onChange={(_e, checked) => setWrap(checked)}
                    />
                  </ToolbarItem>
                  <ToolbarItem>
                    <Button
                      variant="secondary"
                      icon={<SyncAltIcon />}
                      onClick={log.refresh}
                      isLoading={log.fetching}
                    >
                      {t('Refresh')}
                    </Button>
                  </ToolbarItem>
                  <ToolbarItem>
                    <Button
                      variant="secondary"
                      icon={<DownloadIcon />}
                      onClick={() => log.podName && download(log.podName)}
                    >
                      {t('Download')}
                    </Button>
                  </ToolbarItem>
                </ToolbarContent>
              </Toolbar>
            }
            footer={
              <Content component="small">
                {lines.length
                  ? t('Last {{count}} lines, loaded at {{time}}', {
                      count: lines.length,
                      time: log.fetchedAt?.toLocaleTimeString(i18n.language) ?? '',
                    })
                  : t('The guest has not written to its serial console yet.')}
              </Content>
            }
          />
        )}
      </>
    );
  };

  return (
    <section aria-labelledby={headingId}>
      <Title headingLevel="h2" className="pf-v6-u-mt-lg pf-v6-u-mb-sm" id={headingId}>
        {t('Guest system log')}
      </Title>
      {body()}
    </section>
  );
};

export default GuestSystemLogSection;
