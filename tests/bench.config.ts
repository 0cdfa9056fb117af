// The browser benchmark (scripts/bench.sh): same servers and browser as the tests.
import base from './playwright.config';
import { defineConfig } from '@playwright/test';

export default defineConfig({ ...base, testDir: './bench', workers: 1, timeout: 1_800_000 });
