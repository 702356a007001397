import type { FC } from 'react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Alert,
  Button,
  List,
  ListItem,
  Modal,
  ModalBody,
  ModalFooter,
  ModalHeader,
} from '@patternfly/react-core';
import { BULK_ACTION_REQUESTS } from '../../../components/actions/vmRequests';
import { getErrorMessage } from '../../../utils/errors';
import type { VMBulkActionId } from '../../../utils/vmActionRules';
import type { BulkResult } from '../../../utils/vmList/bulk';
import { planBulkAction, runBulkAction } from '../../../utils/vmList/bulk';
import type { VMListEntry } from '../../../utils/vmList/entries';

export type BulkActionModalProps = {
  closeOverlay: () => void;
  action: VMBulkActionId;
  /** Its menu label, e.g. "Stop". */
  actionLabel: string;
  entries: VMListEntry[];
  /** Called once the requests are sent (the list clears its selection). */
  onDone: () => void;
};

const vmName = (entry: VMListEntry) => `${entry.namespace}/${entry.name}`;

/**
 * Confirms a bulk action listing the VMs it applies to (and those it skips), sends one request per
 * VM, and when some fail lists each VM's outcome instead of closing.
 */
const BulkActionModal: FC<BulkActionModalProps> = ({
  closeOverlay,
  action,
  actionLabel,
  entries,
  onDone,
}) => {
  const { t } = useTranslation('plugin__virt-console-plugin');
  const { apply, skip } = useMemo(() => planBulkAction(entries, action), [entries, action]);
  const [busy, setBusy] = useState(false);
  const [results, setResults] = useState<BulkResult[]>();
  const failed = results?.filter((r) => r.error !== undefined) ?? [];
  const destructive = action === 'delete' || action === 'stop';

  const confirm = async () => {
    setBusy(true);
    const outcome = await runBulkAction(apply, (entry) => BULK_ACTION_REQUESTS[action](entry.vm));
    setBusy(false);
    onDone();
    if (outcome.every((r) => r.error === undefined)) closeOverlay();
    else setResults(outcome);
  };

  return (
    <Modal isOpen onClose={closeOverlay} variant="medium" aria-labelledby="bulk-action-title">
      <ModalHeader
        title={t('{{action}} {{count}} VirtualMachines?', {
          action: actionLabel,
          count: apply.length,
        })}
        labelId="bulk-action-title"
        titleIconVariant={destructive ? 'warning' : undefined}
      />
      <ModalBody>
        {results ? (
          <Alert
            variant="danger"
            isInline
            title={t('{{failed}} of {{total}} requests failed', {
              failed: failed.length,
              total: results.length,
            })}
          >
            <List aria-label={t('Results')}>
              {results.map(({ entry, error }) => (
                <ListItem key={entry.key}>
                  {vmName(entry)}: {error === undefined ? t('Done') : getErrorMessage(error)}
                </ListItem>
              ))}
            </List>
          </Alert>
        ) : (
          <>
            {apply.length ? (
              <List aria-label={t('VirtualMachines to change')}>
                {apply.map((entry) => (
                  <ListItem key={entry.key}>{vmName(entry)}</ListItem>
                ))}
              </List>
            ) : (
              <p>{t('The action applies to none of the selected VirtualMachines.')}</p>
            )}
            {skip.length > 0 && (
              <Alert
                variant="info"
                isInline
                isPlain
                title={t('Skipped, because the action does not apply in their state:')}
              >
                {skip.map((entry) => `${vmName(entry)} (${entry.status.status})`).join(', ')}
              </Alert>
            )}
          </>
        )}
      </ModalBody>
      <ModalFooter>
        {results ? (
          <Button variant="primary" onClick={closeOverlay}>
            {t('Close')}
          </Button>
        ) : (
          <>
            <Button
              variant={destructive ? 'danger' : 'primary'}
              onClick={confirm}
              isLoading={busy}
              isDisabled={busy || !apply.length}
            >
              {actionLabel}
            </Button>
            <Button variant="link" onClick={closeOverlay}>
              {t('Cancel')}
            </Button>
          </>
        )}
      </ModalFooter>
    </Modal>
  );
};

export default BulkActionModal;
