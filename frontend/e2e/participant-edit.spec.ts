import type { APIRequestContext, Page } from "@playwright/test";

import { COACH, DESKTOP, MEDIATOR, expect, logIn, shootBoth, test } from "./helpers";

// Correcting someone's record from the dossier's header, and the history of corrections. The
// participant is found through the screens (the first one in the caseload), never by name.

/** The API as the same person at another desk: signed in on its own, outside the browser. */
async function otherDesk(request: APIRequestContext, user: { email: string; password: string }) {
  const login = await request.post("/api/v1/auth/login", { form: { username: user.email, password: user.password } });
  expect(login.status()).toBe(200);
  const { access_token: token } = (await login.json()) as { access_token: string };
  return { Authorization: `Bearer ${token}` };
}

/** Opens the first person of the caseload; returns their id. */
async function openFirstDossier(page: Page): Promise<string> {
  await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Deelnemers" }).click();
  const table = page.getByRole("table", { name: "Deelnemers" });
  await table.getByRole("rowheader").first().getByRole("link").click();
  await expect(page).toHaveURL(/\/deelnemers\/[0-9a-f-]+\//);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const id = /\/deelnemers\/([0-9a-f-]+)\//.exec(page.url())?.[1];
  expect(id).toBeDefined();
  return id ?? "";
}

test.use({ viewport: DESKTOP });

test("een trajectbegeleider verbetert achternaam en adres; de wijzigingen tonen wat er stond", async ({ page, request }) => {
  await logIn(page, MEDIATOR);
  const id = await openFirstDossier(page);
  const header = page.locator("header.dossier__person");

  await page.getByRole("button", { name: "Gegevens wijzigen" }).click();
  const dialog = page.getByRole("dialog", { name: "Gegevens wijzigen" });
  const lastName = dialog.getByLabel("Achternaam", { exact: true });
  const firstName = await dialog.getByLabel("Voornaam", { exact: true }).inputValue();
  const oldLastName = await lastName.inputValue();
  const address = dialog.getByLabel("Adres (niet verplicht)", { exact: true });
  const oldAddress = await address.inputValue();
  const newLastName = `${oldLastName}-Claes`;
  const newAddress = "Veldstraat 12, 9000 Gent";
  await expect(dialog.getByLabel("Rijksregisternummer (niet verplicht)")).toBeVisible();

  // A required field left empty: the message sits next to the field, nothing is sent.
  await lastName.fill("");
  await expect(dialog.getByText("Vul dit in.")).toBeVisible();
  await expect(lastName).toHaveAttribute("aria-invalid", "true");
  await lastName.fill(newLastName);
  await address.fill(newAddress);
  await shootBoth(page, "participant-edit-dialog", { fullPage: false });

  // Leaving the page with unsaved changes asks first.
  await page.goBack();
  const guard = page.getByRole("dialog", { name: "Wijzigingen niet opgeslagen" });
  await expect(guard).toBeVisible();
  await guard.getByRole("button", { name: "Blijven en verder werken" }).click();
  await expect(guard).toHaveCount(0);
  await expect(lastName).toHaveValue(newLastName);

  // Meanwhile the phone number is corrected at another desk: the save is refused (412), what was
  // typed stays, and "Opnieuw toepassen" saves it on top of the new version.
  const headers = await otherDesk(request, MEDIATOR);
  const stored = (await (await request.get(`/api/v1/participants/${id}`, { headers })).json()) as { version: number };
  const meanwhile = await request.patch(`/api/v1/participants/${id}`, {
    headers: { ...headers, "If-Match": `"${stored.version}"` },
    data: { phone: "09 223 44 55" },
  });
  expect(meanwhile.status()).toBe(200);
  const refused = page.waitForResponse((response) => response.url().endsWith(`/participants/${id}`) && response.request().method() === "PATCH");
  await dialog.getByRole("button", { name: "Wijzigingen bewaren" }).click();
  expect((await refused).status()).toBe(412);
  const notice = dialog.getByRole("alert").filter({ hasText: "Iemand anders heeft dit intussen gewijzigd" });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText("09 223 44 55");
  await expect(lastName).toHaveValue(newLastName);
  await expect(address).toHaveValue(newAddress);
  await expect(dialog.getByLabel("Telefoon (niet verplicht)")).toHaveValue("09 223 44 55");
  await shootBoth(page, "participant-edit-stale", { fullPage: false });

  // Only what this person changed is sent.
  const bodies: unknown[] = [];
  await page.route(`**/api/v1/participants/${id}`, async (route) => {
    if (route.request().method() === "PATCH") bodies.push(route.request().postDataJSON());
    await route.continue();
  });
  await notice.getByRole("button", { name: "Opnieuw toepassen" }).click();
  await expect(dialog).toHaveCount(0);
  expect(bodies).toEqual([{ last_name: newLastName, address: newAddress }]);
  await page.unroute(`**/api/v1/participants/${id}`);
  await expect(page.getByRole("status").getByText(`De gegevens van ${firstName} ${newLastName} zijn bijgewerkt.`)).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${firstName} ${newLastName}`);

  // The detail holds the new values (opened with the keyboard this time).
  await page.getByRole("button", { name: "Gegevens wijzigen" }).focus();
  await page.keyboard.press("Enter");
  await expect(dialog.getByLabel("Adres (niet verplicht)", { exact: true })).toHaveValue(newAddress);
  await expect(dialog.getByLabel("Achternaam", { exact: true })).toHaveValue(newLastName);
  await dialog.getByRole("button", { name: "Annuleren" }).click();
  await expect(dialog).toHaveCount(0);

  // The history: newest first, who, the field in words, what it was and what it became.
  await header.getByText("Wijzigingen", { exact: true }).focus();
  await page.keyboard.press("Enter");
  const history = header.getByRole("list", { name: "Wijzigingen in de gegevens, nieuwste eerst" });
  await expect(history).toBeVisible();
  const lastNameRow = history.getByRole("listitem").filter({ hasText: "Achternaam" });
  await expect(lastNameRow).toContainText(`was ${oldLastName} → werd ${newLastName}`);
  const me = (await (await request.get("/api/v1/me", { headers })).json()) as { name: string };
  await expect(lastNameRow).toContainText(`door ${me.name}`);
  const addressRow = history.getByRole("listitem").filter({ hasText: "Adres" });
  await expect(addressRow).toContainText(`was ${oldAddress || "leeg"} → werd ${newAddress}`);
  await expect(history.getByRole("listitem").filter({ hasText: "Telefoon" })).toContainText("09 223 44 55");
  await expect(history.getByRole("listitem")).toHaveCount(3);
  await shootBoth(page, "participant-edit-history", { fullPage: false });
});

test("een werkvloerbegeleider verbetert enkel wat de werkvloer kent: geen rijksregisternummer, adres of wijzigingen", async ({ page, request }) => {
  await logIn(page, COACH);
  const id = await openFirstDossier(page);
  const header = page.locator("header.dossier__person");
  await expect(header.getByText("Wijzigingen", { exact: true })).toHaveCount(0);
  const headers = await otherDesk(request, COACH);
  expect((await request.get(`/api/v1/participants/${id}/changes`, { headers })).status()).toBe(403);

  // Coaches may correct a record (participants:write), but only what the work floor's view holds.
  await page.getByRole("button", { name: "Gegevens wijzigen" }).click();
  const dialog = page.getByRole("dialog", { name: "Gegevens wijzigen" });
  await expect(dialog.getByLabel("Achternaam", { exact: true })).toBeVisible();
  for (const hidden of ["Rijksregisternummer (niet verplicht)", "Adres (niet verplicht)", "E-mailadres (niet verplicht)", "Aangemeld via (niet verplicht)"]) {
    await expect(dialog.getByLabel(hidden, { exact: true })).toHaveCount(0);
  }
  await expect(dialog.getByRole("group", { name: /Doelgroep/ })).toHaveCount(0);
  await shootBoth(page, "participant-edit-dialog-coach", { fullPage: false });
  await dialog.getByRole("button", { name: "Annuleren" }).click();
  await expect(dialog).toHaveCount(0);
});
