/**
 * Entry of the web app (npm run build → dist/app/): the task pane on the user's own workbook in any browser,
 * with no add-in to install. The first screen is this shell only; the .xlsx adapter, the pane and the sheet
 * view load when a file is opened (WebApp.tsx, workspace.tsx).
 *
 * URL parameter ?today=2026-10-05 sets the day deadlines are judged against (the end-to-end tests use it).
 */
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { todayIso, type IsoDate } from '../domain/dates';
import { WEBAPP } from '../i18n/webapp';
import { registerServiceWorker, wasUpdated } from './serviceWorker';
import { WebApp, readToday } from './WebApp';

/** The build's id (webpack.app.config.js): a different one remembered means a new release was taken up. */
declare const __APP_RELEASE__: string;

function Root(): React.JSX.Element {
  const fixedToday = React.useMemo(() => readToday(window.location.search), []);
  const today = React.useCallback((): IsoDate => fixedToday ?? todayIso(new Date()), [fixedToday]);
  const [updateWaiting, setUpdateWaiting] = React.useState<(() => void) | null>(null);
  const initialNotice = React.useMemo(
    () => (wasUpdated(__APP_RELEASE__) ? { intent: 'success' as const, text: WEBAPP.updated } : null),
    [],
  );
  React.useEffect(() => {
    if (process.env.NODE_ENV !== 'production') return;
    registerServiceWorker({
      onOfflineReady: () => undefined,
      onUpdateWaiting: (apply) => setUpdateWaiting(() => apply),
    });
  }, []);
  return <WebApp today={today} updateWaiting={updateWaiting} initialNotice={initialNotice} />;
}

const container = document.getElementById('app');
if (container) {
  container.textContent = '';
  createRoot(container).render(
    <React.StrictMode>
      <FluentProvider theme={webLightTheme}>
        <Root />
      </FluentProvider>
    </React.StrictMode>,
  );
}
