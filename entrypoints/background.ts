import { serveActiveConfig } from '~/src/messaging';
import { watchManagedPolicy } from '~/src/settings/managed-sync';
import { openPostCheckDb } from '~/src/store/db';
import { serveEventLog } from '~/src/store/serve';

export default defineBackground(() => {
  serveActiveConfig();
  serveEventLog(openPostCheckDb());
  watchManagedPolicy();
});
