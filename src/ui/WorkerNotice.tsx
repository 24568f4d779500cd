import { useEffect, useState } from 'react';
import type { WorkerRestart } from '../runtime/supervisor/WorkerSupervisor';
import { onWorkerRestart } from './workerClients';
import { CloseButton } from './CloseButton';

/**
 * Says so when a worker crashed and was replaced (what was resumed, what was lost): a polite live region
 * (role=status), so screen readers announce it without interrupting. The latest restart shows until dismissed.
 */
export function WorkerNotice() {
  const [restart, setRestart] = useState<WorkerRestart>();
  useEffect(() => onWorkerRestart(setRestart), []);
  return (
    <div
      className={restart ? 'notice worker-notice' : 'worker-notice'}
      role="status"
      hidden={!restart}
      data-testid="worker-notice"
    >
      {restart && (
        <>
          <span>{restart.message}</span>
          <CloseButton label="Dismiss worker notice" onClick={() => setRestart(undefined)} />
        </>
      )}
    </div>
  );
}
