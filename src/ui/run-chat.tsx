import { render } from 'ink';
import { App, type AppProps } from './App.js';

/** Renders the chat and resolves when the user leaves; rejects with the error that stopped it, if any. */
export async function runChat(props: AppProps): Promise<void> {
  const instance = render(<App {...props} />, { exitOnCtrlC: false });
  try {
    await instance.waitUntilExit();
  } finally {
    instance.cleanup();
  }
}
