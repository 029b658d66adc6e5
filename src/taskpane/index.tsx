/**
 * Entry of taskpane.html: waits for Office.js, then renders the pane under Fluent UI's provider, in the
 * dark theme when Office shows one.
 */
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import {
  FluentProvider,
  MessageBar,
  MessageBarBody,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import { PANE } from '../i18n/ui';
import { App, startWithOf } from './App';
import { createOfficeActions } from './officeActions';
import { isDarkOfficeTheme } from './theme';

const containerId = 'container';

Office.onReady((info) => {
  const container = document.getElementById(containerId);
  if (!container) return;
  const dark = isDarkOfficeTheme(Office.context?.officeTheme);
  const inExcel = info.host === Office.HostType.Excel;
  createRoot(container).render(
    <React.StrictMode>
      <FluentProvider theme={dark ? webDarkTheme : webLightTheme} style={{ minHeight: '100vh' }}>
        {inExcel ? (
          <App actions={createOfficeActions()} startWith={startWithOf(window.location.search)} />
        ) : (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>{PANE.notInExcel}</MessageBarBody>
          </MessageBar>
        )}
      </FluentProvider>
    </React.StrictMode>,
  );
});
