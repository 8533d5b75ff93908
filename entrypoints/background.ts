import { serveActiveConfig } from '~/src/messaging';

export default defineBackground(() => {
  serveActiveConfig();
});
