import type { FC } from 'react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Card, CardBody, CardTitle, Content, Skeleton } from '@patternfly/react-core';
import type { VirtualMachine, VirtualMachineInstance } from '../../../../../models/types';
import { vmDetailsPath } from '../../../../../utils/clone';
import { getErrorMessage } from '../../../../../utils/errors';
import { getScreenPreviewBlock } from '../../../../../utils/vncScreenshot';
import { useVNCScreenshot } from './useVNCScreenshot';

/**
 * A small picture of the guest's screen (VNC screenshot, refreshed every 10 s while the page is
 * visible) and a link to the Console tab; a short text when the VM is stopped or headless.
 */
const ConsolePreviewCard: FC<{ vm: VirtualMachine; vmi?: VirtualMachineInstance }> = ({
  vm,
  vmi,
}) => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  const cardId = useId();
  const namespace = vm.metadata?.namespace ?? '';
  const name = vm.metadata?.name ?? '';
  const block = getScreenPreviewBlock(vm, vmi);
  const { url, error } = useVNCScreenshot(namespace, name, !block);

  let body;
  if (block === 'not-running')
    body = (
      <Content component="p">
        {t('The screen is shown while the VirtualMachine is running.')}
      </Content>
    );
  else if (block === 'headless')
    body = (
      <Content component="p">{t('No screen preview: the VirtualMachine runs headless.')}</Content>
    );
  else if (url)
    body = (
      <img
        src={url}
        alt={t('Screen of VirtualMachine {{name}}', { name })}
        style={{ display: 'block', width: '100%', maxWidth: 480, height: 'auto' }}
      />
    );
  else if (error)
    body = (
      <Content component="p">
        {t('The screen preview is not available: {{message}}', {
          message: getErrorMessage(error),
        })}
      </Content>
    );
  else
    body = (
      <Skeleton
        height="180px"
        style={{ maxWidth: 480 }}
        screenreaderText={t('Loading the screen preview')}
      />
    );

  return (
    <Card id={cardId} component="section" aria-labelledby={`${cardId}-title`}>
      <CardTitle component="h2">{t('Console')}</CardTitle>
      <CardBody>
        {body}
        <Content component="p" className="pf-v6-u-mt-sm">
          <Link to={`${vmDetailsPath(namespace, name)}/console`}>{t('Open console')}</Link>
        </Content>
      </CardBody>
    </Card>
  );
};

export default ConsolePreviewCard;
