// Browser tests of the built lab: Debian's Chromium, dist/ served by a plain static
// server at the root (port 4173) and under a sub-path (port 4174, /course/lab/).
import { defineConfig } from '@playwright/test';

const chromium = {
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--disable-gpu', '--disable-quic', '--disable-dev-shm-usage', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};

export default defineConfig({
  testDir: './e2e',
  timeout: 60_000,
  workers: 2,
  reporter: [['list']],
  use: {
    baseURL: 'http://127.0.0.1:4173/',
    browserName: 'chromium',
    launchOptions: chromium,
    viewport: { width: 1280, height: 900 },
  },
  webServer: [
    {
      command: 'python3 -m http.server 4173 --bind 127.0.0.1 --directory ../dist',
      url: 'http://127.0.0.1:4173/',
      reuseExistingServer: false,
      stdout: 'ignore',
      stderr: 'ignore',
    },
    {
      command: 'python3 -m http.server 4174 --bind 127.0.0.1 --directory ../target/subpath',
      url: 'http://127.0.0.1:4174/course/lab/',
      reuseExistingServer: false,
      stdout: 'ignore',
      stderr: 'ignore',
    },
  ],
});
