import type { APIRequestContext, Page } from "@playwright/test";

import { ADMIN, PASSWORD, expect, expectTouchTargets, logIn, shootBoth, test } from "./helpers";

// De Werkplaats' own admin: edits the organisation and manages its work floors. Later specs share
// the seeded database, so whatever this changes is undone through the API after the test, also
// when a step fails: the organisation's details go back, and the new work floor ends deactivated
// (floors are never deleted), out of the floor day and every other list of active floors.
const WERKPLAATS_ADMIN = { email: "beheer@dewerkplaats.demo", password: PASSWORD };
const ORGANISATION = "De Werkplaats vzw";

function organisationRow(page: Page) {
  return page.getByRole("table", { name: "Organisaties" }).getByRole("row").filter({ has: page.getByRole("rowheader", { name: ORGANISATION }) });
}

/** The API as the same admin at another desk, signed in outside the browser. */
async function signedIn(request: APIRequestContext, user: { email: string; password: string }) {
  const login = await request.post("/api/v1/auth/login", { form: { username: user.email, password: user.password } });
  expect(login.status()).toBe(200);
  const { access_token: token } = (await login.json()) as { access_token: string };
  return { Authorization: `Bearer ${token}` };
}

interface Versioned {
  version: number;
}

/** PATCH with the version just read, so a cleanup never trips over the test's own saves. */
async function patchCurrent(request: APIRequestContext, headers: Record<string, string>, url: string, change: (current: Versioned & Record<string, unknown>) => Record<string, unknown> | null) {
  const current = await request.get(url, { headers });
  expect(current.status(), url).toBe(200);
  const body = (await current.json()) as Versioned & Record<string, unknown>;
  const data = change(body);
  if (data === null) return;
  const saved = await request.patch(url, { headers: { ...headers, "If-Match": `"${body.version}"` }, data });
  expect(saved.status(), `${url}: ${await saved.text()}`).toBe(200);
}

/** Undone after each test, newest first; one failing step does not keep the others from running. */
const undo: (() => Promise<void>)[] = [];

test.afterEach(async () => {
  const failed: string[] = [];
  for (const step of undo.splice(0).reverse()) await step().catch((error: unknown) => failed.push(String(error)));
  expect(failed, "cleanup").toEqual([]);
});

test.describe("Organisaties en werkvloeren in Beheer", () => {
  test("edits the organisation, adds a work floor, changes its capacity and deactivates it", async ({ page, browser, request }) => {
    const api = await signedIn(request, WERKPLAATS_ADMIN);
    const me = (await (await request.get("/api/v1/me", { headers: api })).json()) as { organisation: { id: string } };
    const organisationUrl = `/api/v1/organisations/${me.organisation.id}`;
    const before = (await (await request.get(organisationUrl, { headers: api })).json()) as { kbo_number: string | null; province: string | null };
    undo.push(() =>
      patchCurrent(request, api, organisationUrl, (now) =>
        now.kbo_number === before.kbo_number && now.province === before.province ? null : { kbo_number: before.kbo_number, province: before.province },
      ),
    );

    await logIn(page, WERKPLAATS_ADMIN);
    // In the app, so that going back later stays in it (the unsaved-changes guard).
    await page.goto("/beheer/gebruikers");
    await page.getByRole("link", { name: "Organisaties" }).click();
    await expect(page).toHaveURL(/\/beheer\/organisaties$/);
    const row = organisationRow(page);
    await expect(row).toBeVisible();
    // Only platform admins add organisations.
    await expect(page.getByRole("button", { name: "Nieuwe organisatie" })).toHaveCount(0);
    await shootBoth(page, "work-floors-organisations");

    // Edit the organisation: a wrong KBO number is refused next to the field, then a province and a valid number.
    await row.getByRole("button", { name: `Bewerken ${ORGANISATION}` }).click();
    const dialog = page.getByRole("dialog", { name: "Organisatie bewerken" });
    // The kind is the platform's to change.
    await expect(dialog.getByLabel("Soort")).toHaveCount(0);
    const kbo = dialog.getByLabel("KBO-nummer");
    const province = dialog.getByLabel("Provincie");
    await kbo.fill("0123.456.789");
    await province.selectOption({ label: "West-Vlaanderen" });
    await dialog.getByRole("button", { name: "Wijzigingen bewaren" }).click();
    await expect(dialog.getByText("Het controlegetal klopt niet. Kijk het nummer na.")).toBeVisible();
    await expect(kbo).toHaveAttribute("aria-invalid", "true");
    await kbo.fill("0123.456.749");
    await expectTouchTargets(page, "dialog button, dialog select, dialog input");
    await shootBoth(page, "work-floors-organisation-edit", { fullPage: false });
    await dialog.getByRole("button", { name: "Wijzigingen bewaren" }).click();
    await expect(page.getByRole("status").getByText(`De gegevens van ‘${ORGANISATION}’ zijn bewaard.`)).toBeVisible();
    await expect(dialog).toHaveCount(0);
    await expect(row.getByRole("cell", { name: "West-Vlaanderen" })).toBeVisible();
    await expect(row.getByRole("cell", { name: "0123.456.749" })).toBeVisible();

    // The work floors, under the organisation.
    const floorsButton = row.getByRole("button", { name: `Werkvloeren ${ORGANISATION}` });
    await floorsButton.click();
    await expect(floorsButton).toHaveAttribute("aria-expanded", "true");
    const section = page.locator("section").filter({ has: page.getByRole("heading", { name: `Werkvloeren van ${ORGANISATION}` }) });
    await expect(section).toBeVisible();
    await expect(section.getByRole("heading", { name: `Werkvloeren van ${ORGANISATION}` })).toBeFocused();

    // A new work floor with capacity 8.
    const name = `Fietsatelier ${Date.now() % 100_000}`;
    await section.getByRole("button", { name: "Nieuwe werkvloer" }).click();
    const add = page.getByRole("dialog", { name: "Nieuwe werkvloer" });
    await add.getByLabel("Naam").fill(name);
    await add.getByLabel("Activiteit").fill("Fietsherstelling");
    await add.getByLabel("Capaciteit").fill("10001");
    await add.getByLabel("Naam").focus();
    await expect(add.getByText(/Kies een getal van 0 tot en met 10.?000/)).toBeVisible();
    await add.getByLabel("Capaciteit").fill("8");
    const added = page.waitForResponse((response) => response.url().endsWith("/work-floors") && response.request().method() === "POST");
    await add.getByRole("button", { name: "Werkvloer toevoegen" }).click();
    expect((await added).status()).toBe(201);
    const floorUrl = `/api/v1/work-floors/${((await (await added).json()) as { id: string }).id}`;
    undo.push(() => patchCurrent(request, api, floorUrl, (now) => (now.is_active ? { is_active: false } : null)));
    await expect(section.getByRole("status").getByText(`Werkvloer ‘${name}’ is toegevoegd.`)).toBeVisible();
    const floors = section.getByRole("table", { name: `Werkvloeren van ${ORGANISATION}` });
    const floorRow = floors.getByRole("row").filter({ has: page.getByRole("rowheader", { name }) });
    await expect(floorRow.getByRole("cell").nth(1)).toHaveText("8");
    await expect(floorRow.getByRole("cell").nth(2)).toHaveText("Ja");
    await shootBoth(page, "work-floors-list");

    // Change its capacity; leaving with unsaved changes asks first.
    await floorRow.getByRole("button", { name: `Bewerken ${name}` }).click();
    const edit = page.getByRole("dialog", { name: "Werkvloer bewerken" });
    await expect(edit.getByLabel("Capaciteit")).toHaveValue("8");
    await edit.getByLabel("Capaciteit").fill("12");
    await page.goBack();
    const unsaved = page.getByRole("dialog", { name: "Wijzigingen niet opgeslagen" });
    await expect(unsaved).toBeVisible();
    await unsaved.getByRole("button", { name: "Blijven en verder werken" }).click();
    await expect(edit.getByLabel("Capaciteit")).toHaveValue("12");

    // Meanwhile a colleague changes the activity: saving answers 412, nothing is overwritten.
    const other = await (await browser.newContext({ locale: "nl-BE" })).newPage();
    await logIn(other, WERKPLAATS_ADMIN);
    await other.goto("/beheer/organisaties");
    await organisationRow(other).getByRole("button", { name: `Werkvloeren ${ORGANISATION}` }).click();
    await other.getByRole("row").filter({ has: other.getByRole("rowheader", { name }) }).getByRole("button", { name: `Bewerken ${name}` }).click();
    const theirs = other.getByRole("dialog", { name: "Werkvloer bewerken" });
    await theirs.getByLabel("Activiteit").fill("Fietsherstelling en verhuur");
    await theirs.getByRole("button", { name: "Wijzigingen bewaren" }).click();
    await expect(theirs).toHaveCount(0);
    await other.context().close();

    await edit.getByRole("button", { name: "Wijzigingen bewaren" }).click();
    const stale = edit.getByRole("alert").filter({ hasText: "Opnieuw toepassen" });
    await expect(stale).toBeVisible();
    await shootBoth(page, "work-floors-stale", { fullPage: false });
    await expect(stale.getByRole("row", { name: /Capaciteit/ })).toContainText("12");
    await expect(edit.getByLabel("Activiteit")).toHaveValue("Fietsherstelling en verhuur");
    await stale.getByRole("button", { name: "Opnieuw toepassen" }).click();
    await expect(section.getByRole("status").getByText(`Werkvloer ‘${name}’ is bewaard.`)).toBeVisible();
    await expect(floorRow.getByRole("cell").nth(1)).toHaveText("12");
    await expect(floorRow.getByRole("cell").nth(0)).toHaveText("Fietsherstelling en verhuur");

    // Deactivate it.
    await floorRow.getByRole("button", { name: `Deactiveren ${name}` }).click();
    const confirm = page.getByRole("dialog", { name: `Werkvloer ‘${name}’ deactiveren?` });
    await expect(confirm.getByRole("button", { name: "Annuleren" })).toBeFocused();
    await confirm.getByRole("button", { name: "Deactiveren" }).click();
    await expect(section.getByRole("status").getByText(`Werkvloer ‘${name}’ is gedeactiveerd.`)).toBeVisible();
    await expect(floorRow.getByRole("cell").nth(2)).toHaveText("Nee");
    await expect(floorRow.getByRole("button", { name: `Heractiveren ${name}` })).toBeVisible();
    expect(((await (await request.get(floorUrl, { headers: api })).json()) as { is_active: boolean }).is_active).toBe(false);
  });

  test("a platform admin adds an organisation (and sets its kind)", async ({ page }) => {
    await logIn(page, ADMIN);
    await page.goto("/beheer/organisaties");
    await page.getByRole("button", { name: "Nieuwe organisatie" }).click();
    const dialog = page.getByRole("dialog", { name: "Nieuwe organisatie" });
    // Nothing filled in: each required field says so.
    await dialog.getByRole("button", { name: "Organisatie toevoegen" }).click();
    await expect(dialog.getByText("Vul dit in.")).toBeVisible();
    await expect(dialog.getByText("Maak een keuze.")).toBeVisible();
    await expect(dialog.getByLabel("Naam")).toBeFocused();
    const name = `Leerwerkplaats Zuid ${Date.now() % 100_000}`;
    await dialog.getByLabel("Naam").fill(name);
    await dialog.getByLabel("Soort").selectOption({ label: "Maatwerkbedrijf" });
    await dialog.getByLabel("Provincie").selectOption({ label: "Limburg" });
    await shootBoth(page, "work-floors-organisation-new", { fullPage: false });
    await dialog.getByRole("button", { name: "Organisatie toevoegen" }).click();
    await expect(page.getByRole("status").getByText(`‘${name}’ is toegevoegd.`)).toBeVisible();
    const row = page.getByRole("table", { name: "Organisaties" }).getByRole("row").filter({ has: page.getByRole("rowheader", { name }) });
    await expect(row.getByRole("cell", { name: "Maatwerkbedrijf" })).toBeVisible();
    await expect(row.getByRole("cell", { name: "Limburg" })).toBeVisible();
    // Its work floors: none yet, and the platform admin may add them.
    await row.getByRole("button", { name: `Werkvloeren ${name}` }).click();
    await expect(page.getByText(`${name} heeft nog geen werkvloeren.`)).toBeVisible();
    await expect(page.getByRole("button", { name: "Nieuwe werkvloer" })).toBeVisible();
  });
});
