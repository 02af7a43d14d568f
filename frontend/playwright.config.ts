import path from "node:path";
import { fileURLToPath } from "node:url";

import { defineConfig } from "@playwright/test";

// Browser tests drive Debian's chromium against the real API and a freshly seeded SQLite
// database: no browser download, no mocked API. `npm run e2e` builds the SPA first, because
// the backend serves frontend/dist.
const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, "..");
// WERKPAD_E2E_PORT and WERKPAD_E2E_DB (a path relative to the repository) let two runs in one
// checkout test side by side without sharing a server or a database.
const PORT = Number(process.env.WERKPAD_E2E_PORT ?? 8765);
const BASE_URL = `http://127.0.0.1:${PORT}`;
const DB_FILE = process.env.WERKPAD_E2E_DB ?? "var/e2e.db";
if (!/^[\w./-]+$/.test(DB_FILE)) throw new Error(`WERKPAD_E2E_DB: a plain path, not ${DB_FILE}`);
const DB = `WERKPAD_DATABASE_URL=sqlite:///${DB_FILE}`;

export default defineConfig({
  testDir: "./e2e",
  outputDir: process.env.WERKPAD_E2E_OUTPUT ?? "./test-results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: "list",
  timeout: 30_000,
  expect: { timeout: 7_000 },
  use: {
    baseURL: BASE_URL,
    locale: "nl-BE",
    viewport: { width: 1280, height: 800 },
    trace: "off",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-quic",
        "--disable-sync",
      ],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: {
    command: [
      "sh -c '",
      `rm -f ${DB_FILE}* && mkdir -p ${path.posix.dirname(DB_FILE)}`,
      `&& ${DB} .venv/bin/werkpad migrate`,
      `&& ${DB} .venv/bin/werkpad seed-demo`,
      `&& exec env ${DB} .venv/bin/werkpad serve --port ${PORT}`,
      "'",
    ].join(" "),
    cwd: repoRoot,
    url: `${BASE_URL}/api/v1/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "ignore",
    stderr: "pipe",
  },
});
