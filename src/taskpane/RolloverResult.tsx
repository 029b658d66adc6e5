/**
 * What "Chuyển sang năm mới" leaves in the pane after it ran: the new workbook to download (also where Excel
 * opened it, in case that window was closed unsaved) and the rows carried over, each selecting its row in this
 * workbook.
 */
import * as React from 'react';
import { Button } from '@fluentui/react-components';
import { formatVnDate } from '../domain/dates';
import { PANE } from '../i18n/ui';
import { STATE_LABEL } from '../i18n/vi';
import type { RolloverView } from './actions';
import { saveBytes } from './download';
import { ItemList } from './ItemList';

export interface RolloverResultProps {
  rollover: RolloverView;
  /** Selects a row of this workbook's tracker (a carried row where it was). */
  onSelectRow: (row: number) => void;
}

export function RolloverResult({ rollover, onSelectRow }: RolloverResultProps): React.JSX.Element {
  const { file, from } = rollover;
  const carried = rollover.carried ?? [];
  return (
    <>
      {file && rollover.downloadable !== false && (
        <div>
          <Button
            appearance={rollover.opened ? 'secondary' : 'primary'}
            onClick={() => saveBytes(file.bytes, file.name)}
          >
            {PANE.rolloverDownloadButton(file.name)}
          </Button>
        </div>
      )}
      {from !== undefined && (
        <ItemList
          id="carried-heading"
          heading={PANE.carriedHeading(carried.length, from)}
          items={carried.map((c) => ({
            key: String(c.row),
            title: c.task || PANE.carriedRow(c.row, c.newRow),
            meta: [
              PANE.carriedRow(c.row, c.newRow),
              c.deadline ? PANE.taskDeadline(formatVnDate(c.deadline)) : PANE.noDeadline,
              STATE_LABEL[c.state],
            ].join(' · '),
            action: PANE.goToTask(c.row),
            onActivate: () => onSelectRow(c.row),
          }))}
          tone="warning"
          limit={10}
          clampTitles
        />
      )}
    </>
  );
}
