import type { FC } from 'react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import {
  PrometheusEndpoint,
  Timestamp,
  usePrometheusPoll,
} from '@openshift-console/dynamic-plugin-sdk';
import {
  Card,
  CardBody,
  CardTitle,
  Content,
  Flex,
  FlexItem,
  List,
  ListItem,
  Spinner,
} from '@patternfly/react-core';
import {
  ExclamationCircleIcon,
  ExclamationTriangleIcon,
  InfoCircleIcon,
} from '@patternfly/react-icons';
import type { VirtualMachine } from '../../../../../models/types';
import {
  type AlertSeverity,
  countBySeverity,
  getVMAlerts,
  type PrometheusRulesResponse,
} from '../../../../../utils/vmAlerts';

const POLL_MS = 30_000;
const SEVERITIES: AlertSeverity[] = ['critical', 'warning', 'info'];

const SeverityIcon: FC<{ severity: AlertSeverity }> = ({ severity }) =>
  severity === 'critical' ? (
    <ExclamationCircleIcon
      aria-hidden
      color="var(--pf-t--global--icon--color--status--danger--default)"
    />
  ) : severity === 'warning' ? (
    <ExclamationTriangleIcon
      aria-hidden
      color="var(--pf-t--global--icon--color--status--warning--default)"
    />
  ) : (
    <InfoCircleIcon aria-hidden color="var(--pf-t--global--icon--color--status--info--default)" />
  );

/**
 * The VM's firing Prometheus alerts (rules endpoint: labels and annotations), most severe first,
 * with a count per severity; says so when there are none, or when metrics are not available.
 */
const AlertsCard: FC<{ vm: VirtualMachine }> = ({ vm }) => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  const cardId = useId();
  const [response, loaded, error] = usePrometheusPoll({
    endpoint: PrometheusEndpoint.RULES,
    delay: POLL_MS,
  });
  const alerts = getVMAlerts(response as PrometheusRulesResponse | undefined, {
    name: vm.metadata?.name ?? '',
    namespace: vm.metadata?.namespace ?? '',
  });
  const counts = countBySeverity(alerts);
  const severityText: Record<AlertSeverity, string> = {
    critical: t('Critical'),
    warning: t('Warning'),
    info: t('Info'),
  };

  let body;
  if (error) body = <Content component="p">{t('Alerts are not available.')}</Content>;
  else if (!loaded && !response) body = <Spinner size="md" aria-label={t('Loading alerts')} />;
  else if (alerts.length === 0) body = <Content component="p">{t('No alerts')}</Content>;
  else
    body = (
      <>
        <Flex className="pf-v6-u-mb-sm" aria-label={t('Alerts by severity')} role="group">
          {SEVERITIES.map((s) => (
            <FlexItem key={s}>
              <SeverityIcon severity={s} /> {severityText[s]} {counts[s]}
            </FlexItem>
          ))}
        </Flex>
        <List isPlain isBordered aria-label={t('Alerts')}>
          {alerts.map((a) => (
            <ListItem key={a.key}>
              <div>
                <SeverityIcon severity={a.severity} /> <span>{severityText[a.severity]}</span>
                {' · '}
                <strong>{a.name}</strong>
              </div>
              {a.summary && <Content component="p">{a.summary}</Content>}
              {a.description && <Content component="small">{a.description}</Content>}
              {a.activeAt && (
                <Content component="small" className="pf-v6-u-display-block">
                  {t('Firing since')} <Timestamp timestamp={a.activeAt} />
                </Content>
              )}
            </ListItem>
          ))}
        </List>
      </>
    );

  return (
    <Card id={cardId} component="section" aria-labelledby={`${cardId}-title`}>
      <CardTitle component="h2">{t('Alerts')}</CardTitle>
      <CardBody>{body}</CardBody>
    </Card>
  );
};

export default AlertsCard;
