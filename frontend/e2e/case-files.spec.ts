import type { Locator, Page } from "@playwright/test";

import {
  COACH,
  DESKTOP,
  MEDIATOR,
  TABLET,
  expect,
  expectNoSeriousA11yViolations,
  expectTouchTargets,
  logIn,
  screenshot,
  test,
} from "./helpers";

// The demo data grows with the seed: these tests find their participant through the screens
// (filters, first row) and never rely on a name or a count, only on the demo logins.

const TABS = [
  { name: "Aanwezigheid", path: "aanwezigheid" },
  { name: "Voortgang", path: "voortgang" },
  { name: "Doelen", path: "doelen" },
  { name: "Notities", path: "notities" },
  { name: "Stages en jobs", path: "stages-en-jobs" },
  { name: "Uitstroom", path: "uitstroom" },
  { name: "Tijdlijn", path: "tijdlijn" },
];

async function checkPage(page: Page, name: string, { fullPage = true } = {}): Promise<void> {
  await expect(page.getByRole("status").filter({ hasText: /wordt geladen|worden geladen/ })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
  await screenshot(page, name, { fullPage });
}

/** Narrow the caseload with the filter controls; the URL keeps them. */
async function filterCaseload(page: Page, phase: string, status: string): Promise<Locator> {
  await page.getByLabel("Fase", { exact: true }).selectOption({ label: phase });
  await page.getByLabel("Status", { exact: true }).selectOption({ label: status });
  const table = page.getByRole("table", { name: "Deelnemers" });
  // The previous list stays on screen while the filtered one loads: wait for the new one.
  await expect(page.getByText("Aan het zoeken…")).toHaveCount(0);
  await expect(table.locator("tbody tr").first()).toContainText(phase);
  await expect(table.locator("tbody tr").last()).toContainText(phase);
  return table;
}

/** "Benali, Fatima" in the list is "Fatima Benali" in the dossier's heading. */
function headingName(listName: string): string {
  const [last = "", first = ""] = listName.split(",").map((part) => part.trim());
  return `${first} ${last}`;
}

/** The work floor select shows the first floor; pick the first one that has people today. */
async function floorWithPeople(page: Page): Promise<Locator> {
  const list = page.getByRole("form");
  const select = page.getByLabel("Werkvloer", { exact: true });
  const options = (await select.count()) > 0 ? await select.locator("option").allTextContents() : [];
  for (const option of options.length > 0 ? options : [null]) {
    if (option !== null) {
      await select.selectOption({ label: option });
      await expect(page.getByRole("heading", { level: 2, name: new RegExp(`^${option} · `) })).toBeVisible();
    }
    const empty = page.getByText("Niemand is op deze dag op deze werkvloer geplaatst.");
    await expect(list.or(empty)).toBeVisible();
    if (await list.isVisible()) return list;
  }
  throw new Error("no work floor of the coach has anybody placed today");
}

test.describe("als werkvloerbegeleider", () => {
  test.use({ viewport: DESKTOP });

  test("caseload, search, dossier with every tab, and today's attendance saved", async ({ page }) => {
    await logIn(page, COACH);

    // The coach's menu starts with the work floor.
    const nav = page.getByRole("navigation", { name: "Hoofdmenu" });
    await expect(nav.getByRole("link")).toHaveText(["Werkvloer", "Start", "Deelnemers", "Rapportering"]);
    await checkPage(page, "start-coach-desktop");

    // Caseload: filters and search live in the URL.
    await nav.getByRole("link", { name: "Deelnemers" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Mijn deelnemers" })).toBeVisible();
    const table = await filterCaseload(page, "Werkvloer", "Actief");
    await expect(page).toHaveURL(/fase=placement/);
    await expect(page).toHaveURL(/status=active/);
    await expect(table.getByRole("columnheader", { name: "Laatste contact" })).toBeVisible();
    await expect(table.locator("tbody")).toContainText("Werkvloer");
    await checkPage(page, "caseload-desktop");

    const link = table.getByRole("rowheader").first().getByRole("link");
    const listName = (await link.textContent()) ?? "";
    const lastName = listName.split(",")[0]?.trim() ?? "";
    await page.getByLabel("Zoek een deelnemer op naam").fill(lastName);
    await expect(page).toHaveURL(/[?&]q=/);
    await expect(page.getByText("Aan het zoeken…")).toHaveCount(0);
    await expect(table.getByRole("link", { name: listName })).toBeVisible();
    await expect(table.getByRole("rowheader").last()).toContainText(lastName);
    await page.reload();
    await expect(page.getByLabel("Zoek een deelnemer op naam")).toHaveValue(lastName);
    await expect(page.getByLabel("Fase", { exact: true })).toHaveValue("placement");

    // Dossier: a coach lands on attendance.
    await table.getByRole("link", { name: listName }).click();
    await expect(page).toHaveURL(/\/deelnemers\/[0-9a-f-]+\/aanwezigheid/);
    await expect(page.getByRole("heading", { level: 1, name: headingName(listName) })).toBeVisible();
    const steps = page.getByRole("list", { name: "Verloop van de fases" });
    await expect(steps.getByRole("listitem")).toHaveCount(5);
    await expect(steps.locator("[aria-current=step]")).toContainText("Werkvloer");
    await expect(page.getByRole("heading", { name: "Miniteam" })).toBeVisible();
    // A coach leads no trajectory: no phase change offered.
    await expect(page.getByRole("button", { name: "Fase wijzigen" })).toHaveCount(0);
    await expect(page.getByRole("heading", { name: "Uren per week" })).toBeVisible();
    await expect(page.getByRole("img", { name: "Uren per week" })).toBeVisible();
    await checkPage(page, "dossier-aanwezigheid-desktop");
    await page.getByRole("button", { name: "Toon als tabel" }).click();
    await expect(page.getByRole("table", { name: "Uren per week" })).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    const tabs = page.getByRole("navigation", { name: "Onderdelen van het dossier" });
    // Consents tell what help the person gets: administration, not the work floor's.
    await expect(tabs.getByRole("link", { name: "Toestemmingen" })).toHaveCount(0);
    for (const tab of TABS.slice(1)) {
      await tabs.getByRole("link", { name: tab.name }).click();
      await expect(page).toHaveURL(new RegExp(`/${tab.path}$`));
      await expect(tabs.getByRole("link", { name: tab.name })).toHaveAttribute("aria-current", "page");
      await checkPage(page, `dossier-${tab.path}-desktop`);
    }

    // Vandaag op de werkvloer: mark two half-days of the first person and save the day.
    await nav.getByRole("link", { name: "Werkvloer" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Vandaag op de werkvloer" })).toBeVisible();
    const form = await floorWithPeople(page);
    const person = form.getByRole("listitem").first();
    const morning = person.getByRole("group", { name: "Voormiddag" });
    const afternoon = person.getByRole("group", { name: "Namiddag" });
    await morning.getByRole("radio", { name: "Aanwezig" }).check();
    await expect(morning.getByRole("textbox", { name: "Uren" })).toBeEnabled();
    await afternoon.getByRole("radio", { name: "Ziek" }).check();
    await expect(afternoon.getByRole("textbox", { name: "Uren" })).toHaveValue("0");
    await afternoon.getByRole("textbox", { name: "Reden (niet verplicht)" }).fill("Griep (e2e)");
    await checkPage(page, "werkvloer-desktop");

    const saved = page.waitForResponse((response) => response.url().includes("/attendance") && response.request().method() === "POST");
    await page.getByRole("button", { name: "Dag opslaan" }).click();
    expect((await saved).status()).toBe(200);
    await expect(page.getByText(/^Opgeslagen: \d+ halve dag(en)? op /)).toBeVisible();
    await expect(page.getByText("Alles is opgeslagen.")).toHaveCount(0);
    await screenshot(page, "werkvloer-saved-desktop");

    // Saved on the server: a reload shows the same marks.
    await page.reload();
    const again = (await floorWithPeople(page)).getByRole("listitem").first();
    await expect(again.getByRole("group", { name: "Voormiddag" }).getByRole("radio", { name: "Aanwezig" })).toBeChecked();
    await expect(again.getByRole("group", { name: "Namiddag" }).getByRole("radio", { name: "Ziek" })).toBeChecked();
    await expect(again.getByRole("group", { name: "Namiddag" }).getByRole("textbox", { name: "Reden (niet verplicht)" })).toHaveValue(
      "Griep (e2e)",
    );
  });
});

test.describe("als trajectbegeleider", () => {
  test.use({ viewport: DESKTOP });

  test("moves a participant back to the work floor, with a reason", async ({ page }) => {
    await logIn(page, MEDIATOR);
    await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Deelnemers" }).click();
    const table = await filterCaseload(page, "Activering", "Actief");
    const link = table.getByRole("rowheader").first().getByRole("link");
    const listName = (await link.textContent()) ?? "";
    await link.click();
    await expect(page.getByRole("heading", { level: 1, name: headingName(listName) })).toBeVisible();
    await expect(page).toHaveURL(/\/tijdlijn$/);
    await checkPage(page, "dossier-tijdlijn-mediator-desktop");

    await page.getByRole("button", { name: "Fase wijzigen" }).click();
    const dialog = page.getByRole("dialog", { name: "Fase wijzigen" });
    await expect(dialog).toBeVisible();
    // Only the moves the machine allows from activation; outflow goes through its own form.
    await expect(dialog.getByRole("radio")).toHaveCount(2);
    await expect(dialog.getByRole("radio", { name: /Stage/ })).toBeVisible();
    await dialog.getByRole("radio", { name: /Werkvloer/ }).check();
    await expect(dialog.getByLabel("Datum van de overgang")).toHaveValue(/^\d{2}\/\d{2}\/\d{4}$/);
    await dialog.getByRole("button", { name: "Fase wijzigen" }).click();
    const reason = dialog.getByRole("textbox", { name: "Reden" });
    await expect(dialog.getByText("Geef een reden voor deze stap terug.")).toBeVisible();
    await expect(reason).toHaveAttribute("aria-invalid", "true");
    await expect(reason).toBeFocused();
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, "phase-dialog-desktop", { fullPage: false });

    await reason.fill("Activering was te zwaar; eerst terug naar de vertrouwde werkvloer (e2e).");
    const posted = page.waitForResponse((response) => response.url().endsWith("/phase-changes") && response.request().method() === "POST");
    await dialog.getByRole("button", { name: "Fase wijzigen" }).click();
    expect((await posted).status()).toBe(201);
    await expect(dialog).toHaveCount(0);
    await expect(page.getByText("De fase is gewijzigd naar Werkvloer.")).toBeVisible();
    await expect(page.getByRole("list", { name: "Verloop van de fases" }).locator("[aria-current=step]")).toContainText("Werkvloer");
    await page.getByText(/^Faseovergangen/).click();
    await expect(page.getByText("Activering was te zwaar; eerst terug naar de vertrouwde werkvloer (e2e).").first()).toBeVisible();
    await expect(page.getByRole("button", { name: "Pauzeren" })).toBeVisible();
    await checkPage(page, "dossier-after-phase-change-desktop");
  });
});

test.describe("op een tablet (1024×768)", () => {
  test.use({ viewport: TABLET, hasTouch: true });

  test("the new pages fit and keep 44 px touch targets", async ({ page }) => {
    await logIn(page, COACH);
    const nav = page.getByRole("navigation", { name: "Hoofdmenu" });

    await nav.getByRole("link", { name: "Werkvloer" }).click();
    const form = await floorWithPeople(page);
    await expect(form.getByRole("listitem").first()).toBeVisible();
    await expectTouchTargets(page);
    // Nothing sticks out sideways at 1024 px.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1024);
    await checkPage(page, "werkvloer-tablet");

    await nav.getByRole("link", { name: "Deelnemers" }).click();
    const table = page.getByRole("table", { name: "Deelnemers" });
    await expect(table.getByRole("rowheader").first()).toBeVisible();
    await expectTouchTargets(page, "main button, main input[type=search], main select, main .checkbox, main tbody a");
    await checkPage(page, "caseload-tablet");
    // English too: every label comes from en.json.
    await page.getByRole("button", { name: "English" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "My participants" })).toBeVisible();
    await expect(page.getByRole("table", { name: "Participants" }).getByRole("columnheader", { name: "Last contact" })).toBeVisible();
    await screenshot(page, "caseload-tablet-en");
    await page.getByRole("button", { name: "Nederlands" }).click();

    await filterCaseload(page, "Werkvloer", "Actief");
    await table.getByRole("rowheader").first().getByRole("link").click();
    await expect(page).toHaveURL(/\/aanwezigheid$/);
    await expect(page.getByRole("heading", { name: "Uren per week" })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1024);
    await checkPage(page, "dossier-aanwezigheid-tablet");
    for (const tab of TABS.slice(1)) {
      await page.getByRole("navigation", { name: "Onderdelen van het dossier" }).getByRole("link", { name: tab.name }).click();
      await expect(page).toHaveURL(new RegExp(`/${tab.path}$`));
      await checkPage(page, `dossier-${tab.path}-tablet`);
    }
  });

  test("the phase dialog on a tablet", async ({ page }) => {
    await logIn(page, MEDIATOR);
    await page.goto("/deelnemers?fase=internship&status=active");
    const table = page.getByRole("table", { name: "Deelnemers" });
    await expect(table.locator("tbody tr").first()).toContainText("Stage");
    await table.getByRole("rowheader").first().getByRole("link").click();
    await page.getByRole("button", { name: "Fase wijzigen" }).click();
    const dialog = page.getByRole("dialog", { name: "Fase wijzigen" });
    await expect(dialog.getByRole("radio", { name: /Werkvloer/ })).toBeVisible();
    await expect(dialog.getByRole("radio", { name: /Activering/ })).toBeVisible();
    await expectTouchTargets(page, "dialog button, dialog input:not([type=radio]), dialog textarea, .choice label");
    await checkPage(page, "phase-dialog-tablet", { fullPage: false });
    await dialog.getByRole("button", { name: "Annuleren" }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Fase wijzigen" })).toBeFocused();
  });
});
