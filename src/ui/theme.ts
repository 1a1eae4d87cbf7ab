import { createContext, useContext } from 'react';

/** Colours for the chat; with `color` false (NO_COLOR, TERM=dumb) only bold, dim and underline are used. */
export interface Theme {
  color: boolean;
  accent?: string;
  highlight?: string;
  error?: string;
  warn?: string;
}

export const themeFor = (env: NodeJS.ProcessEnv = process.env): Theme =>
  'NO_COLOR' in env || env.TERM === 'dumb'
    ? { color: false }
    : { color: true, accent: 'cyan', highlight: 'yellow', error: 'red', warn: 'yellow' };

export const ThemeContext = createContext<Theme>(themeFor({}));

export const useTheme = (): Theme => useContext(ThemeContext);
