import type { APIRequestContext, Browser, Page } from "@playwright/test";

import { ADMIN, PASSWORD, expect, expectTouchTargets, logIn, shootBoth, test } from "./helpers";

// Accounts and organisations no other browser test relies on: every change here is undone
// before the test ends, except the new partnership, which only these two organisations share.
const TOM = "Tom Verhaeghe";
const WENDY = { name: "Wendy Goossens", email: "wendy.goossens@dewerkplaats.demo", password: PASSWORD };

async function adminPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ locale: "nl-BE" });
  const page = await context.newPage();
  await logIn(page, ADMIN);
  return page;
}

function userRow(page: Page, name: string) {
  return page.getByRole("table", { name: "Gebruikers" }).getByRole("row").filter({ has: page.getByRole("rowheader", { name }) });
}

async function setSecrecy(page: Page, name: string, on: boolean): Promise<void> {
  await page.goto(`/beheer/gebruikers?q=${encodeURIComponent(name)}`);
  await userRow(page, name).getByRole("button", { name: `Bewerken ${name}` }).click();
  const dialog = page.getByRole("dialog", { name: "Gebruiker bewerken" });
  await dialog.getByLabel("Gebonden door beroepsgeheim").setChecked(on);
  await dialog.getByRole("button", { name: "Wijzigingen bewaren" }).click();
  await expect(page.getByRole("status").getByText(`De gegevens van ${name} zijn bewaard.`)).toBeVisible();
}

test.describe("Beheer als platformbeheerder", () => {
  test("edits a user's role and secrecy, with a colleague's save in between", async ({ page, browser }) => {
    await logIn(page, ADMIN);
    await page.goto(`/beheer/gebruikers?q=${encodeURIComponent(TOM)}`);
    const row = userRow(page, TOM);
    await expect(row.getByRole("cell", { name: "Nee" }).first()).toBeVisible();

    // Professional secrecy on.
    await row.getByRole("button", { name: `Bewerken ${TOM}` }).click();
    const dialog = page.getByRole("dialog", { name: "Gebruiker bewerken" });
    await expect(dialog.getByLabel("Rol")).toHaveValue("coach");
    await dialog.getByLabel("Gebonden door beroepsgeheim").check();
    await expectTouchTargets(page, "dialog button, dialog select");
    await shootBoth(page, "admin-user-edit", { fullPage: false });
    await dialog.getByRole("button", { name: "Wijzigingen bewaren" }).click();
    await expect(page.getByRole("status").getByText(`De gegevens van ${TOM} zijn bewaard.`)).toBeVisible();
    await expect(dialog).toHaveCount(0);
    await expect(row.getByRole("cell").nth(3)).toHaveText("Ja");

    // Open the form again; meanwhile another admin switches secrecy off (If-Match: the version moves).
    await row.getByRole("button", { name: `Bewerken ${TOM}` }).click();
    await dialog.getByLabel("Rol").selectOption({ label: "Coördinator" });
    const other = await adminPage(browser);
    await setSecrecy(other, TOM, false);
    await other.context().close();

    // Saving now answers 412: nothing is overwritten; the form shows both versions.
    await dialog.getByRole("button", { name: "Wijzigingen bewaren" }).click();
    const stale = dialog.getByRole("alert").filter({ hasText: "Opnieuw toepassen" });
    await expect(stale).toBeVisible();
    await expect(stale.getByRole("row", { name: /Rol/ })).toContainText("Coördinator");
    await expect(stale.getByRole("row", { name: /beroepsgeheim/ })).toContainText("Nee");
    await expect(dialog.getByLabel("Gebonden door beroepsgeheim")).not.toBeChecked();
    await shootBoth(page, "admin-user-stale", { fullPage: false });
    await stale.getByRole("button", { name: "Opnieuw toepassen" }).click();
    await expect(page.getByRole("status").getByText(`De gegevens van ${TOM} zijn bewaard.`)).toBeVisible();
    await expect(row.getByRole("cell", { name: "Coördinator" })).toBeVisible();
    await expect(row.getByRole("cell").nth(3)).toHaveText("Nee");

    // Back to how the demo had it.
    await row.getByRole("button", { name: `Bewerken ${TOM}` }).click();
    await dialog.getByLabel("Rol").selectOption("coach");
    await dialog.getByRole("button", { name: "Wijzigingen bewaren" }).click();
    await expect(row.getByRole("cell", { name: "Werkvloerbegeleider" })).toBeVisible();

    // An admin is not offered to deactivate themselves, nor to change their own role.
    await page.goto("/beheer/gebruikers?q=Ann%20Beheerder");
    const self = userRow(page, "Ann Beheerder");
    await expect(self.getByRole("button", { name: /^Deactiveren/ })).toHaveCount(0);
    await self.getByRole("button", { name: "Bewerken Ann Beheerder" }).click();
    await expect(dialog.getByLabel("Rol")).toHaveCount(0);
    await expect(dialog.getByText("Je eigen rol kan je niet wijzigen")).toBeVisible();
  });

  test("deactivates a user, who is refused at once, and reactivates them", async ({ page, browser }) => {
    // Wendy is signed in elsewhere.
    const wendyContext = await browser.newContext({ locale: "nl-BE" });
    const wendy = await wendyContext.newPage();
    await logIn(wendy, WENDY);

    await logIn(page, ADMIN);
    await page.goto(`/beheer/gebruikers?q=${encodeURIComponent(WENDY.name)}`);
    const row = userRow(page, WENDY.name);
    await row.getByRole("button", { name: `Deactiveren ${WENDY.name}` }).click();
    const dialog = page.getByRole("dialog", { name: `${WENDY.name} deactiveren?` });
    await expect(dialog).toContainText("verliest de toegang tot Werkpad bij de volgende handeling");
    // The safe choice has the focus.
    await expect(dialog.getByRole("button", { name: "Annuleren" })).toBeFocused();
    await shootBoth(page, "admin-user-deactivate", { fullPage: false });
    await dialog.getByRole("button", { name: "Deactiveren" }).click();
    await expect(page.getByRole("status").getByText(`${WENDY.name} is gedeactiveerd en heeft geen toegang meer.`)).toBeVisible();
    await expect(row.getByRole("cell").nth(4)).toHaveText("Nee");

    // Her next request is refused: the session ends and she is back at the login page.
    await wendy.reload();
    await expect(wendy).toHaveURL(/\/login/);
    await wendyContext.close();

    await row.getByRole("button", { name: `Heractiveren ${WENDY.name}` }).click();
    const again = page.getByRole("dialog", { name: `${WENDY.name} heractiveren?` });
    await again.getByRole("button", { name: "Heractiveren" }).click();
    await expect(page.getByRole("status").getByText(`${WENDY.name} is weer actief en kan zich aanmelden.`)).toBeVisible();
    await expect(row.getByRole("cell").nth(4)).toHaveText("Ja");

    const back = await browser.newContext({ locale: "nl-BE" });
    await logIn(await back.newPage(), WENDY);
    await back.close();
  });

  test("creates and edits a partnership, and lists the competence items", async ({ page }) => {
    await logIn(page, ADMIN);
    await page.goto("/beheer");
    const sections = page.getByRole("navigation", { name: "Onderdelen van beheer" });
    await sections.getByRole("link", { name: "Samenwerkingsverbanden" }).click();
    await expect(page).toHaveURL(/\/beheer\/samenwerkingsverbanden$/);
    const table = page.getByRole("table", { name: "Samenwerkingsverbanden" });
    await expect(table.getByRole("rowheader").first()).toBeVisible();
    await shootBoth(page, "admin-partnerships");

    await page.getByRole("button", { name: "Nieuw samenwerkingsverband" }).click();
    const dialog = page.getByRole("dialog", { name: "Nieuw samenwerkingsverband" });
    // Nothing filled in: the form says what is missing, next to each field.
    await dialog.getByRole("button", { name: "Samenwerkingsverband aanmaken" }).click();
    await expect(dialog.getByText("Vul dit in.")).toBeVisible();
    await expect(dialog.getByText("Maak een keuze.").first()).toBeVisible();

    const name = "W² Herstel en ontmoeting";
    await dialog.getByLabel("Naam van het samenwerkingsverband").fill(name);
    await dialog.getByLabel("Organisatie (lid 1)").selectOption({ label: "Herstelacademie Gent vzw" });
    await dialog.getByLabel("Rol in het verband (lid 1)").selectOption({ label: "Empowerment" });
    await dialog.getByRole("button", { name: "Lid toevoegen" }).click();
    await dialog.getByLabel("Organisatie (lid 2)").selectOption({ label: "Herstelacademie Gent vzw" });
    await expect(dialog.getByText("Deze organisatie staat al in de lijst.")).toBeVisible();
    await dialog.getByLabel("Organisatie (lid 2)").selectOption({ label: "Ontmoetingshuis Het Anker vzw" });
    await dialog.getByLabel("Rol in het verband (lid 2)").selectOption({ label: "Zorg" });
    await dialog.getByLabel("Eindverantwoordelijke organisatie").selectOption({ label: "Herstelacademie Gent vzw" });
    await expectTouchTargets(page, "dialog button, dialog input, dialog select");
    await shootBoth(page, "admin-partnership-create", { fullPage: false });
    await dialog.getByRole("button", { name: "Samenwerkingsverband aanmaken" }).click();
    await expect(page.getByRole("status").getByText(`Samenwerkingsverband ‘${name}’ is aangemaakt.`)).toBeVisible();
    const row = table.getByRole("row").filter({ has: page.getByRole("rowheader", { name }) });
    await expect(row).toContainText("Ontmoetingshuis Het Anker vzw");
    await expect(row.getByRole("cell").first()).toHaveText("Herstelacademie Gent vzw");

    // The same name twice: the server's 409 sits next to the name field.
    await page.getByRole("button", { name: "Nieuw samenwerkingsverband" }).click();
    await dialog.getByLabel("Naam van het samenwerkingsverband").fill(name);
    await dialog.getByLabel("Organisatie (lid 1)").selectOption({ label: "Herstelacademie Gent vzw" });
    await dialog.getByLabel("Rol in het verband (lid 1)").selectOption({ label: "Zorg" });
    await dialog.getByLabel("Eindverantwoordelijke organisatie").selectOption({ label: "Herstelacademie Gent vzw" });
    await dialog.getByRole("button", { name: "Samenwerkingsverband aanmaken" }).click();
    await expect(dialog.getByLabel("Naam van het samenwerkingsverband")).toHaveAttribute("aria-invalid", "true");
    await expect(dialog.getByLabel("Naam van het samenwerkingsverband")).toBeFocused();
    // Escape closes the dialog (a click could land while the field's message moves the buttons).
    await page.keyboard.press("Escape");
    await expect(dialog).toHaveCount(0);

    // Edit: Het Anker's role changes.
    await row.getByRole("button", { name: `Bewerken ${name}` }).click();
    const edit = page.getByRole("dialog", { name: "Samenwerkingsverband bewerken" });
    await expect(edit.getByLabel("Naam van het samenwerkingsverband")).toHaveValue(name);
    await edit.getByLabel("Rol in het verband (lid 2)").selectOption({ label: "Bemiddeling" });
    await edit.getByRole("button", { name: "Wijzigingen bewaren" }).click();
    await expect(page.getByRole("status").getByText(`Samenwerkingsverband ‘${name}’ is bewaard.`)).toBeVisible();
    await expect(row).toContainText("Bemiddeling");

    // Competence items: the platform keeps the default set, which organisations without a list
    // of their own score.
    await sections.getByRole("link", { name: "Competenties" }).click();
    await expect(page).toHaveURL(/\/beheer\/competenties$/);
    await expect(page.getByText("Dit is de standaardlijst: organisaties zonder eigen lijst scoren deze items.")).toBeVisible();
    const items = page.getByRole("table", { name: "Competentie-items" });
    await expect(items.getByRole("rowheader").first()).toBeVisible();
    expect(await items.getByRole("rowheader").count()).toBeGreaterThan(3);
    await expect(items.getByRole("button", { name: "Bewerken Stiptheid" })).toBeVisible();
    await shootBoth(page, "admin-competence-items");
  });
});

// --- competence items, as an organisation's admin -------------------------------------------

const ORG_ADMIN = { email: "beheer@dewerkplaats.demo", password: PASSWORD };

/** The API as a colleague at another desk: signed in on its own, outside the browser. */
async function colleague(request: APIRequestContext, user: { email: string; password: string }) {
  const login = await request.post("/api/v1/auth/login", { form: { username: user.email, password: user.password } });
  expect(login.status()).toBe(200);
  const { access_token: token } = (await login.json()) as { access_token: string };
  return { Authorization: `Bearer ${token}` };
}

function itemRow(page: Page, name: string) {
  return page.getByRole("table", { name: "Competentie-items" }).getByRole("row").filter({ has: page.getByRole("rowheader", { name, exact: true }) });
}

test.describe("Beheer als beheerder van een organisatie", () => {
  // De Werkplaats keeps the list this makes (the default items, as its own, and one more, left
  // deactivated): items are never deleted, and every other test scores the same codes.
  test("adds a competence item, edits it past a colleague's save and deactivates it", async ({ page, request }) => {
    await logIn(page, ORG_ADMIN);
    await page.goto("/beheer/competenties");
    await expect(page.getByText(/Je organisatie gebruikt de standaardlijst van Werkpad\. Voeg je een item toe/)).toBeVisible();
    const items = page.getByRole("table", { name: "Competentie-items" });
    await expect(items.getByRole("rowheader")).toHaveCount(12);
    // The default set is the platform's: nothing to edit in it here.
    await expect(items.getByRole("button")).toHaveCount(0);

    // --- add: the form checks the code, the server refuses one the list has -------------------
    await page.getByRole("main").getByRole("button", { name: "Item toevoegen" }).click();
    const add = page.getByRole("dialog", { name: "Competentie-item toevoegen" });
    await expect(add.getByText(/Je organisatie krijgt hiermee een eigen lijst/)).toBeVisible();
    await add.getByLabel("Naam in het Nederlands").fill("Klantencontact");
    await add.getByLabel("Naam in het Engels").fill("Customer contact");
    await add.getByLabel("Code", { exact: true }).fill("Klanten contact");
    await add.getByRole("button", { name: "Item toevoegen" }).click();
    await expect(add.getByText("Gebruik kleine letters, cijfers en _, en begin met een letter.")).toBeVisible();
    await add.getByLabel("Code", { exact: true }).fill("punctuality");
    await add.getByRole("button", { name: "Item toevoegen" }).click();
    await expect(add.getByText("Dit is al in gebruik.")).toBeVisible();
    await add.getByLabel("Code", { exact: true }).fill("klantencontact");
    await shootBoth(page, "admin-competence-add", { fullPage: false });
    await add.getByRole("button", { name: "Item toevoegen" }).click();
    await expect(page.getByRole("status").getByText("‘Klantencontact’ is toegevoegd.")).toBeVisible();
    await expect(items.getByRole("rowheader")).toHaveCount(13);
    await expect(page.getByText(/standaardlijst/)).toHaveCount(0);
    await expect(itemRow(page, "Klantencontact")).toContainText("klantencontact");

    // --- edit, while a colleague saves the same item: nothing typed is lost --------------------
    await itemRow(page, "Klantencontact").getByRole("button", { name: "Bewerken Klantencontact" }).click();
    const edit = page.getByRole("dialog", { name: "Competentie-item bewerken" });
    await edit.getByLabel("Naam in het Nederlands").fill("Omgaan met klanten");
    const headers = await colleague(request, ORG_ADMIN);
    const listed = await request.get("/api/v1/competence-items", { headers });
    const item = ((await listed.json()) as { id: string; code: string; version: number }[]).find((row) => row.code === "klantencontact");
    expect(item).toBeDefined();
    const meanwhile = await request.patch(`/api/v1/competence-items/${item?.id}`, {
      headers: { ...headers, "If-Match": `"${item?.version}"` },
      data: { name_en: "Dealing with customers" },
    });
    expect(meanwhile.status()).toBe(200);
    const refused = page.waitForResponse((response) => response.url().includes("/competence-items/") && response.request().method() === "PATCH");
    await edit.getByRole("button", { name: "Wijzigingen bewaren" }).click();
    expect((await refused).status()).toBe(412);
    const notice = edit.getByRole("alert").filter({ hasText: "Iemand anders heeft dit intussen gewijzigd" });
    await expect(notice).toBeVisible();
    await expect(notice).toContainText("Dealing with customers");
    await expect(edit.getByLabel("Naam in het Nederlands")).toHaveValue("Omgaan met klanten");
    await expect(edit.getByLabel("Naam in het Engels")).toHaveValue("Dealing with customers");
    await shootBoth(page, "admin-competence-stale", { fullPage: false });
    await notice.getByRole("button", { name: "Opnieuw toepassen" }).click();
    await expect(page.getByRole("status").getByText("‘Omgaan met klanten’ is bewaard.")).toBeVisible();
    await expect(itemRow(page, "Omgaan met klanten")).toBeVisible();

    // --- deactivate: no longer scored, never deleted -------------------------------------------
    await itemRow(page, "Omgaan met klanten").getByRole("button", { name: "Deactiveren Omgaan met klanten" }).click();
    const confirm = page.getByRole("dialog", { name: "‘Omgaan met klanten’ deactiveren?" });
    await expect(confirm).toContainText("De scores die al gegeven zijn, blijven bewaard.");
    await confirm.getByRole("button", { name: "Deactiveren" }).click();
    await expect(page.getByRole("status").getByText("‘Omgaan met klanten’ is gedeactiveerd.")).toBeVisible();
    await expect(itemRow(page, "Omgaan met klanten").getByRole("cell", { name: "Nee" })).toBeVisible();
    const scored = await request.get("/api/v1/competence-items", { headers });
    expect(((await scored.json()) as { code: string }[]).map((row) => row.code)).not.toContain("klantencontact");
    await shootBoth(page, "admin-competence-items");
  });
});
