import type { Page } from "@playwright/test";

import { ADMIN, DESKTOP, MANAGER, PASSWORD, TABLET, expect, logIn, screenshot, test } from "./helpers";

/**
 * The header and Beheer's users table at the two sizes the organisations use: a 1366 px
 * laptop and a 1024×768 tablet. The manager has the longest menu (with "Rapportering").
 */

const BEHEERDER = { email: "beheer@dewerkplaats.demo", password: PASSWORD };

/** The header's parts each sit on one line: every menu link at the same height. */
async function expectMenuOnOneLine(page: Page): Promise<void> {
  const menu = page.getByRole("navigation", { name: "Hoofdmenu" });
  const links = menu.getByRole("link");
  const tops = new Set<number>();
  for (const box of await Promise.all((await links.all()).map((link) => link.boundingBox()))) {
    expect(box).not.toBeNull();
    tops.add(Math.round(box?.y ?? 0));
  }
  expect([...tops], "every menu link on the same line").toHaveLength(1);
  const header = await page.locator(".header").boundingBox();
  expect(header?.height ?? 999, "the header is one row high").toBeLessThan(100);
}

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, "the page does not scroll sideways").toBeLessThanOrEqual(0);
}

/** Tab through the header: each control shows a visible focus ring. */
async function expectKeyboardReachableMenu(page: Page): Promise<void> {
  const menu = page.getByRole("navigation", { name: "Hoofdmenu" });
  const first = menu.getByRole("link").first();
  // From the brand, the keyboard moves into the menu; the focused link shows its ring.
  await page.getByRole("banner").getByRole("link", { name: "Werkpad" }).focus();
  await page.keyboard.press("Tab");
  await expect(first).toBeFocused();
  const ring = await first.evaluate((element) => ({
    visible: element.matches(":focus-visible"),
    style: getComputedStyle(element).outlineStyle,
    width: getComputedStyle(element).outlineWidth,
  }));
  expect(ring.visible).toBe(true);
  expect(ring.style).not.toBe("none");
  expect(ring.width).not.toBe("0px");
  const count = await menu.getByRole("link").count();
  for (let step = 1; step < count; step += 1) await page.keyboard.press("Tab");
  await expect(menu.getByRole("link").last()).toBeFocused();
  await page.keyboard.press("Tab");
  // After the menu: the user menu / tools, still in the header.
  const focusedInHeader = await page.evaluate(() => Boolean(document.activeElement?.closest(".header")));
  expect(focusedInHeader).toBe(true);
}

for (const [label, viewport] of [
  ["1366", DESKTOP],
  ["1024", TABLET],
] as const) {
  test.describe(`layout at ${label} px`, () => {
    test.use({ viewport });

    test(`the manager's menu fits on one line (${label})`, async ({ page }) => {
      await logIn(page, MANAGER);
      await expect(page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Rapportering" })).toBeVisible();
      await screenshot(page, `layout-manager-start-${label}`, { fullPage: false });
      await expectMenuOnOneLine(page);
      await expectNoSidewaysScroll(page);
      await expectKeyboardReachableMenu(page);
      // Logging out and the language stay one step away; who is signed in sits behind a button.
      await expect(page.getByRole("button", { name: "Afmelden" })).toBeVisible();
      await expect(page.getByRole("button", { name: "English" })).toBeVisible();
      const account = page.getByRole("banner").getByRole("button", { name: /^Je account: / });
      await account.focus();
      await page.keyboard.press("Enter");
      await expect(account).toHaveAttribute("aria-expanded", "true");
      await expect(page.getByRole("banner")).toContainText("Coördinator · De Werkplaats vzw");
      await screenshot(page, `layout-manager-usermenu-${label}`, { fullPage: false });
      await page.keyboard.press("Escape");
      await expect(account).toHaveAttribute("aria-expanded", "false");
      await expect(account).toBeFocused();
    });

    test(`Beheer's users table fits without scrolling sideways (${label})`, async ({ page }) => {
      await logIn(page, BEHEERDER);
      await page.goto("/beheer/gebruikers");
      const table = page.getByRole("table").first();
      await expect(table).toBeVisible();
      await screenshot(page, `layout-beheer-users-${label}`, { fullPage: false });
      const overflow = await table.evaluate((element) => {
        const box = element.parentElement ?? element;
        return box.scrollWidth - box.clientWidth;
      });
      expect(overflow, "the users table does not scroll sideways inside its box").toBeLessThanOrEqual(0);
      await expectNoSidewaysScroll(page);
      await expectMenuOnOneLine(page);
    });

    test(`the platform admin's users of every organisation fit too (${label})`, async ({ page }) => {
      await logIn(page, ADMIN);
      await page.goto("/beheer/gebruikers");
      const table = page.getByRole("table").first();
      await expect(table).toBeVisible();
      // The widest rows: long organisation names and addresses.
      const rows = table.getByRole("row");
      const firstPage = await rows.count();
      await page.getByRole("button", { name: "Meer laden" }).click();
      await expect.poll(() => rows.count()).toBeGreaterThan(firstPage);
      await screenshot(page, `layout-platform-users-${label}`);
      const overflow = await table.evaluate((element) => {
        const box = element.parentElement ?? element;
        return box.scrollWidth - box.clientWidth;
      });
      expect(overflow, "the users table does not scroll sideways inside its box").toBeLessThanOrEqual(0);
    });
  });
}
