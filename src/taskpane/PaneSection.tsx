/** The layout every titled part of the pane's tabs shares. */
import * as React from 'react';
import { Subtitle2, Text } from '@fluentui/react-components';
import { usePaneStyles } from './styles';

/**
 * A part of a tab named by its heading (h2, or h3 inside another part; `id` ties the two for assistive
 * technology), with a hint under the heading when it has one, then its content.
 */
export function PaneSection({
  id,
  heading,
  hint,
  level = 'h2',
  children,
}: {
  id: string;
  heading: string;
  hint?: string;
  level?: 'h2' | 'h3';
  children?: React.ReactNode;
}): React.JSX.Element {
  const styles = usePaneStyles();
  return (
    <section className={styles.section} aria-labelledby={id}>
      <Subtitle2 as={level} id={id}>
        {heading}
      </Subtitle2>
      {hint !== undefined && <Text className={styles.hint}>{hint}</Text>}
      {children}
    </section>
  );
}
