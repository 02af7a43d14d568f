import type { APIRequestContext } from "@playwright/test";

import { ADMIN, DESKTOP, MEDIATOR, TABLET, expect, expectNoSeriousA11yViolations, logIn, screenshot, test } from "./helpers";

/**
 * The staff lookup in the mini-team's add dialog: a GTB trajectbegeleider on a De Werkplaats
 * file finds a counsellor of CGG Scheldeland (a partner of De Werkplaats) by typing part of
 * the name without accents, and adds her. Beheerders, staff of organisations outside the
 * partnership and e-mail addresses never show up.
 */

const NEW_COLLEAGUE = "Thérèse Vanhoorebeke";

async function token(request: APIRequestContext, user: { email: string; password: string }): Promise<Record<string, string>> {
  const response = await request.post("/api/v1/auth/login", { form: { username: user.email, password: user.password } });
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { access_token: string };
  return { Authorization: `Bearer ${body.access_token}` };
}

async function organisationId(request: APIRequestContext, headers: Record<string, string>, name: string): Promise<string> {
  const response = await request.get("/api/v1/organisations", { headers, params: { q: name } });
  expect(response.status()).toBe(200);
  const page = (await response.json()) as { items: { id: string; name: string }[] };
  const found = page.items.find((organisation) => organisation.name === name);
  expect(found, name).toBeTruthy();
  return found?.id ?? "";
}

/** A counsellor with accents in her name, at CGG Scheldeland (created once per run). */
async function hireCounsellor(request: APIRequestContext): Promise<void> {
  const headers = await token(request, ADMIN);
  const cgg = await organisationId(request, headers, "CGG Scheldeland");
  const existing = await request.get("/api/v1/users", { headers, params: { q: "vanhoorebeke" } });
  if (((await existing.json()) as { items: unknown[] }).items.length > 0) return;
  const created = await request.post("/api/v1/users", {
    headers: { ...headers, "Idempotency-Key": `e2e-team-${Date.now()}` },
    data: {
      email: "therese.vanhoorebeke@cggscheldeland.demo",
      name: NEW_COLLEAGUE,
      password: "werkpad-demo-e2e-ggz",
      role: "counsellor",
      organisation_id: cgg,
      bound_by_professional_secrecy: true,
    },
  });
  expect(created.status(), await created.text()).toBe(201);
}

/** An active De Werkplaats trajectory the mediator works on (as a GTB member of its team). */
async function werkplaatsTrajectory(request: APIRequestContext, index: number): Promise<string> {
  const headers = await token(request, MEDIATOR);
  const werkplaats = await organisationId(request, headers, "De Werkplaats vzw");
  const response = await request.get("/api/v1/trajectories", { headers, params: { status: "active", limit: 100 } });
  expect(response.status()).toBe(200);
  const page = (await response.json()) as { items: { id: string; organisation_id: string }[] };
  const trajectory = page.items.filter((item) => item.organisation_id === werkplaats)[index];
  expect(trajectory, "the GTB mediator is on a De Werkplaats team").toBeTruthy();
  return trajectory?.id ?? "";
}

for (const [label, viewport, fileIndex] of [
  ["desktop", DESKTOP, 0],
  ["tablet", TABLET, 1],
] as const) {
  test.describe(`miniteam, ${label}`, () => {
    test.use({ viewport });

    test(`a mediator finds a counsellor of a partner organisation by name and adds her (${label})`, async ({ page, request }) => {
      await hireCounsellor(request);
      const trajectoryId = await werkplaatsTrajectory(request, fileIndex);
      await logIn(page, MEDIATOR);
      await page.goto(`/trajecten/${trajectoryId}`);
      const team = page.getByRole("region", { name: "Miniteam" });
      await expect(team).toBeVisible();
      await team.getByRole("button", { name: "Lid toevoegen" }).click();
      const dialog = page.getByRole("dialog", { name: "Iemand aan het miniteam toevoegen" });
      await expect(dialog).toBeVisible();

      const search = dialog.getByRole("combobox", { name: "Wie" });
      // A beheerder of a partner (VDAB's Zoë Raes) and a counsellor outside the partnership
      // (CAW's Wannes D'Hooge) are not offered.
      await search.fill("zoe raes");
      await expect(dialog.locator(".staff-picker__empty")).toHaveText("Niemand gevonden met die naam.");
      await search.fill("wannes");
      await expect(dialog.locator(".staff-picker__empty")).toHaveText("Niemand gevonden met die naam.");
      // Nor does part of an e-mail address find anyone.
      await search.fill("cggscheldeland");
      await expect(dialog.locator(".staff-picker__empty")).toHaveText("Niemand gevonden met die naam.");

      // Without accents, lower case, part of the name.
      await search.fill("therese vanhoo");
      const results = dialog.getByRole("listbox", { name: "Gevonden personen" });
      const option = results.getByRole("option", { name: new RegExp(NEW_COLLEAGUE) });
      await expect(option).toBeVisible();
      await expect(option).toContainText("CGG Scheldeland · GGZ-begeleider · beroepsgeheim");
      await expect(results).not.toContainText("@");
      await expect(search).toHaveAttribute("aria-expanded", "true");
      await expectNoSeriousA11yViolations(page);
      await screenshot(page, `team-lookup-${label}`, { fullPage: false });

      // Keyboard: arrow down onto the result, Enter picks it (and does not submit).
      await search.press("ArrowDown");
      await expect(search).toHaveAttribute("aria-activedescendant", /.+/);
      await search.press("Enter");
      await expect(search).toHaveValue(NEW_COLLEAGUE);
      await expect(search).toHaveAttribute("aria-expanded", "false");
      await expect(dialog.getByText(`Gekozen: ${NEW_COLLEAGUE}, GGZ-begeleider bij CGG Scheldeland.`)).toBeVisible();

      await dialog.getByRole("radio", { name: "Casemanager Zorg" }).check();
      const posted = page.waitForResponse((response) => /\/team$/.test(response.url()) && response.request().method() === "POST");
      await dialog.getByRole("button", { name: "Toevoegen" }).click();
      expect((await posted).status()).toBe(201);
      await expect(dialog).toHaveCount(0);
      await expect(page.getByText(`${NEW_COLLEAGUE} is toegevoegd aan het miniteam.`)).toBeVisible();
      const member = team.getByRole("listitem").filter({ hasText: NEW_COLLEAGUE });
      await expect(member).toContainText("Casemanager Zorg");
      await expect(member).toContainText("CGG Scheldeland");

      // Looked up again, she is on this team already: shown, but not to be picked twice.
      await team.getByRole("button", { name: "Lid toevoegen" }).click();
      await dialog.getByRole("combobox", { name: "Wie" }).fill("vanhoorebeke");
      const again = dialog.getByRole("option", { name: new RegExp(NEW_COLLEAGUE) });
      await expect(again).toContainText("al in het miniteam");
      await expect(again).toHaveAttribute("aria-disabled", "true");
    });
  });
}
