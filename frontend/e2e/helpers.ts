import path from "node:path";
import { fileURLToPath } from "node:url";

import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";

/**
 * Every test also fails on an uncaught script error or a Content-Security-Policy violation
 * (the backend's CSP forbids inline scripts and styles). Expected 401/429 answers are logged by
 * Chromium as "Failed to load resource" and are not counted.
 */
export const test = base.extend<{ pageProblems: string[] }>({
  pageProblems: [
    async ({ page }, use) => {
      const problems: string[] = [];
      page.on("pageerror", (error) => problems.push(`uncaught: ${error.message}`));
      page.on("console", (message) => {
        const text = message.text();
        if (message.type() === "error" && !text.startsWith("Failed to load resource")) {
          problems.push(`console: ${text}`);
        }
      });
      await use(problems);
      expect(problems, problems.join("\n")).toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

export const PASSWORD = "werkpad-demo";
export const ADMIN = { email: "admin@werkpad.demo", password: PASSWORD };
export const COACH = { email: "coach@dewerkplaats.demo", password: PASSWORD };
export const MEDIATOR = { email: "trajectbegeleider@gtb.demo", password: PASSWORD };
export const COUNSELLOR = { email: "ggz@cggscheldeland.demo", password: PASSWORD };
export const MANAGER = { email: "coordinator@dewerkplaats.demo", password: PASSWORD };
/** The admin of GTB, whose access log covers GTB's case files. */
export const GTB_ADMIN = { email: "tuur.de.clercq@gtb.demo", password: PASSWORD };

export async function logIn(page: Page, user: { email: string; password: string }): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("E-mailadres").fill(user.email);
  await page.getByLabel("Wachtwoord", { exact: true }).fill(user.password);
  await page.getByRole("button", { name: "Aanmelden" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Dag / })).toBeVisible();
}

/** WCAG 2.1 A/AA rules: any serious or critical violation fails the test, with the details. */
export async function expectNoSeriousA11yViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
    .analyze();
  const serious = results.violations.filter(
    (violation) => violation.impact === "serious" || violation.impact === "critical",
  );
  const report = serious.map((violation) => ({
    id: violation.id,
    impact: violation.impact,
    help: violation.help,
    targets: violation.nodes.map((node) => node.target.join(" ")),
  }));
  expect(report, JSON.stringify(report, null, 2)).toEqual([]);
}

const SCREENSHOTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../test-results/screenshots");

/**
 * Full-page picture in frontend/test-results/screenshots/, to look at after a run.
 * `fullPage: false` for a modal dialog, which covers the viewport, not the page.
 */
export async function screenshot(page: Page, name: string, { fullPage = true } = {}): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage });
}

export const DESKTOP = { width: 1366, height: 900 };
export const TABLET = { width: 1024, height: 768 };

/** Every visible button, link, input and label-as-button in main is at least 44 px high. */
export async function expectTouchTargets(page: Page, selector = "main button, main input:not([type=radio]), main select, .toggle label"): Promise<void> {
  const controls = page.locator(selector);
  const count = await controls.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i += 1) {
    const control = controls.nth(i);
    if (!(await control.isVisible())) continue;
    const box = await control.boundingBox();
    const label = ((await control.textContent()) ?? (await control.getAttribute("name")) ?? "").trim();
    expect(box?.height ?? 0, `height of "${label}"`).toBeGreaterThanOrEqual(44);
  }
}

/**
 * Checks a screen (nothing loading, no serious axe violation) and photographs it at desktop size
 * and on a 1024×768 tablet, where nothing may stick out sideways. The viewport is restored after.
 */
export async function shootBoth(page: Page, name: string, { fullPage = true } = {}): Promise<void> {
  const before = page.viewportSize() ?? DESKTOP;
  await expect(page.getByRole("status").filter({ hasText: /wordt geladen|worden geladen|Wordt nagekeken/ })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
  await page.setViewportSize(DESKTOP);
  await screenshot(page, `${name}-desktop`, { fullPage });
  await page.setViewportSize(TABLET);
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(TABLET.width);
  await screenshot(page, `${name}-tablet`, { fullPage });
  await page.setViewportSize(before);
}
