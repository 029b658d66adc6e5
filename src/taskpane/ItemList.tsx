import * as React from 'react';
import { Button, Subtitle2, Text, mergeClasses } from '@fluentui/react-components';
import { PANE } from '../i18n/ui';
import { usePaneStyles } from './styles';

export interface ListItem {
  key: string;
  title: string;
  /** Second line: where, when, who. */
  meta: string;
  /** Tooltip and accessible description of what a click does. */
  action: string;
  onActivate: () => void;
}

export interface ItemListProps {
  id: string;
  heading: string;
  items: ListItem[];
  /** Shown when there are no items; the section is left out when undefined. */
  empty?: string;
  tone: 'danger' | 'warning';
  /** How many items to show before "Xem tất cả". */
  limit?: number;
  /** Clamp long titles to three lines. */
  clampTitles?: boolean;
  /** Heading level of the list's title in the pane's outline. */
  level?: 'h2' | 'h3';
}

/**
 * A headed list of clickable entries (tasks, problems). Each entry is a native button, so Tab reaches it and
 * Enter or Space activates it, with the focus ring visible; long lists show their first entries and a toggle.
 */
export function ItemList({
  id,
  heading,
  items,
  empty,
  tone,
  limit = 5,
  clampTitles = false,
  level = 'h3',
}: ItemListProps): React.JSX.Element | null {
  const styles = usePaneStyles();
  const [expanded, setExpanded] = React.useState(false);
  if (items.length === 0 && empty === undefined) return null;
  const shown = expanded ? items : items.slice(0, limit);
  const listId = `${id}-list`;
  return (
    <section className={styles.section} aria-labelledby={id}>
      <Subtitle2 as={level} id={id}>
        {heading}
      </Subtitle2>
      {items.length === 0 ? (
        <Text className={styles.hint}>{empty}</Text>
      ) : (
        <ul className={styles.list} id={listId}>
          {shown.map((item) => (
            <li key={item.key}>
              <button
                type="button"
                className={mergeClasses(
                  styles.item,
                  tone === 'danger' ? styles.itemDanger : styles.itemWarning,
                )}
                title={item.action}
                onClick={item.onActivate}
              >
                <span className={mergeClasses(styles.itemTitle, clampTitles && styles.clamp)}>
                  {item.title}
                </span>
                <span className={styles.itemMeta}>{item.meta}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {items.length > limit && (
        <div>
          <Button
            appearance="subtle"
            size="small"
            aria-expanded={expanded}
            aria-controls={listId}
            onClick={() => setExpanded((e) => !e)}
          >
            {expanded ? PANE.showFewer : PANE.showAll(items.length)}
          </Button>
        </div>
      )}
    </section>
  );
}
