/** The part of Office.OfficeTheme the pane looks at (isDarkTheme is missing on older hosts). */
export interface OfficeThemeLike {
  isDarkTheme?: boolean;
  bodyBackgroundColor?: string;
}

/** Relative luminance (0 black … 1 white) of a "#rrggbb" colour, or undefined if it is not one. */
function luminance(hex: string): number | undefined {
  const match = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!match) return undefined;
  const [r, g, b] = match.slice(1).map((part) => {
    const c = parseInt(part, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * Whether Office shows a dark theme: the host's own flag where it has one, else the darkness of the task
 * pane's background colour. No theme information means light.
 */
export function isDarkOfficeTheme(theme: OfficeThemeLike | undefined | null): boolean {
  if (!theme) return false;
  if (typeof theme.isDarkTheme === 'boolean') return theme.isDarkTheme;
  const l = theme.bodyBackgroundColor ? luminance(theme.bodyBackgroundColor) : undefined;
  return l !== undefined && l < 0.2;
}
