import type { Page } from "@playwright/test";

import { ADMIN, COACH, MANAGER, MEDIATOR, expect, logIn, screenshot, test } from "./helpers";

// 200 % zoom on a 1366×900 screen leaves a 683×450 CSS-pixel viewport (WCAG 1.4.10 reflow).
// Every page must then fit its width: no sideways scrolling of the page itself. A data table
// may scroll inside its own box (the reflow criterion exempts two-dimensional tables).
test.use({ viewport: { width: 683, height: 450 } });

async function expectNoSidewaysScroll(page: Page, name: string): Promise<void> {
  await expect(page.locator("main")).toBeVisible();
  await expect(page.getByText(/Aan het (zoeken|laden)…/)).toHaveCount(0);
  const overflow = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    viewport: document.documentElement.clientWidth,
    // What sticks out, for the failure message.
    wide: Array.from(document.querySelectorAll("body *"))
      .filter((element) => {
        const box = element.getBoundingClientRect();
        const scroller = element.closest(".table-scroll, [data-scroll-x]");
        return box.right > document.documentElement.clientWidth + 1 && !scroller;
      })
      .slice(0, 5)
      .map((element) => `${element.tagName.toLowerCase()}.${Array.from(element.classList).join(".")}`),
  }));
  await screenshot(page, `zoom-200-${name}`, { fullPage: false });
  expect(overflow.page, `${name}: ${overflow.wide.join(", ")}`).toBeLessThanOrEqual(overflow.viewport + 1);
}

async function menuLink(page: Page, name: string): Promise<void> {
  await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name, exact: true }).click();
}

test("a mediator's caseload and case file reflow at 200 % zoom", async ({ page }) => {
  await logIn(page, MEDIATOR);
  await expectNoSidewaysScroll(page, "mediator-start");
  await menuLink(page, "Deelnemers");
  await expect(page.getByRole("table", { name: "Deelnemers" }).getByRole("rowheader").first()).toBeVisible();
  await expectNoSidewaysScroll(page, "mediator-caseload");
  await page.getByRole("table", { name: "Deelnemers" }).getByRole("rowheader").first().getByRole("link").click();
  await expect(page.getByRole("navigation", { name: "Onderdelen van het dossier" })).toBeVisible();
  await expectNoSidewaysScroll(page, "mediator-dossier");
});

test("a coach's floor day reflows at 200 % zoom", async ({ page }) => {
  await logIn(page, COACH);
  await menuLink(page, "Werkvloer");
  await expectNoSidewaysScroll(page, "coach-floor-day");
});

test("the manager's dashboard reflows at 200 % zoom", async ({ page }) => {
  await logIn(page, MANAGER);
  await menuLink(page, "Rapportering");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectNoSidewaysScroll(page, "manager-dashboard");
});

test("Beheer reflows at 200 % zoom", async ({ page }) => {
  await logIn(page, ADMIN);
  await menuLink(page, "Beheer");
  await expectNoSidewaysScroll(page, "admin-beheer");
});
