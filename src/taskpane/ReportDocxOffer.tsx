/**
 * "Tải báo cáo Word (.docx)", under "Tổng hợp báo cáo" once a report is made. Loaded apart from the pane's
 * first JavaScript (ActionsPanel), with its words.
 */
import * as React from 'react';
import { Button, Text } from '@fluentui/react-components';
import { DOCX } from '../i18n/docx';
import { usePaneStyles } from './styles';

export default function ReportDocxOffer({
  busy,
  onDownload,
}: {
  busy: boolean;
  onDownload: () => void;
}): React.JSX.Element {
  const styles = usePaneStyles();
  return (
    <div className={styles.section}>
      <Text>{DOCX.downloadHint}</Text>
      <div>
        <Button disabled={busy} onClick={onDownload}>
          {DOCX.downloadButton}
        </Button>
      </div>
    </div>
  );
}
