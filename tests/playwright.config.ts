// Browser tests of the built lab: Debian's Chromium, dist/ served with the hosting
// recipe's headers (strict CSP included) at the root (port 4173) and under a sub-path
// (port 4174, /course/lab/). Host lookups other than 127.0.0.1 fail, so a request to
// any other origin cannot succeed.
import { defineConfig } from '@playwright/test';

const chromium = {
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--disable-gpu', '--disable-quic', '--disable-dev-shm-usage', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1'],
};

// LAB_PORT moves both servers (root on it, sub-path on the next) when 4173 is taken.
const port = Number(process.env.LAB_PORT ?? 4173);
export const subPathUrl = `http://127.0.0.1:${port + 1}/course/lab/`;

export default defineConfig({
  testDir: './e2e',
  timeout: 60_000,
  workers: 2,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    browserName: 'chromium',
    launchOptions: chromium,
    viewport: { width: 1280, height: 900 },
  },
  webServer: [
    {
      command: `python3 serve.py ${port} ../dist`,
      url: `http://127.0.0.1:${port}/`,
      reuseExistingServer: false,
      stdout: 'ignore',
      stderr: 'ignore',
    },
    {
      command: `python3 serve.py ${port + 1} ../target/subpath`,
      url: subPathUrl,
      reuseExistingServer: false,
      stdout: 'ignore',
      stderr: 'ignore',
    },
  ],
});
