/** @jest-environment jsdom */
import { isDarkOfficeTheme } from '../../src/taskpane/theme';

describe('isDarkOfficeTheme', () => {
  it('uses the host flag where there is one', () => {
    expect(isDarkOfficeTheme({ isDarkTheme: true, bodyBackgroundColor: '#ffffff' })).toBe(true);
    expect(isDarkOfficeTheme({ isDarkTheme: false, bodyBackgroundColor: '#000000' })).toBe(false);
  });

  it('falls back on the darkness of the background colour', () => {
    expect(isDarkOfficeTheme({ bodyBackgroundColor: '#262626' })).toBe(true);
    expect(isDarkOfficeTheme({ bodyBackgroundColor: '#FFFFFF' })).toBe(false);
    expect(isDarkOfficeTheme({ bodyBackgroundColor: '#E6E6E6' })).toBe(false);
  });

  it('is light when Office says nothing', () => {
    expect(isDarkOfficeTheme(undefined)).toBe(false);
    expect(isDarkOfficeTheme(null)).toBe(false);
    expect(isDarkOfficeTheme({})).toBe(false);
    expect(isDarkOfficeTheme({ bodyBackgroundColor: 'black' })).toBe(false);
  });
});
