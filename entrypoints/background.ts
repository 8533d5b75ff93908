import { serveImageChecks } from '~/src/images/check-service';
import { detectFaces } from '~/src/images/faces';
import { serveActiveConfig } from '~/src/messaging';
import { getActiveConfig } from '~/src/settings/active';
import { openFirstRunOnce } from '~/src/settings/first-run-open';
import { watchManagedPolicy } from '~/src/settings/managed-sync';
import { openPostCheckDb } from '~/src/store/db';
import { serveEventLog } from '~/src/store/serve';

export default defineBackground(() => {
  serveActiveConfig(getActiveConfig);
  serveImageChecks(async () => (await getActiveConfig()).pack, detectFaces);
  serveEventLog(openPostCheckDb());
  watchManagedPolicy();
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void openFirstRunOnce();
  });
});
