import type { APIRequestContext, Locator, Page } from "@playwright/test";

import { COACH, DESKTOP, MEDIATOR, expect, logIn, shootBoth, test } from "./helpers";

// The actions on a trajectory against the real API and the seeded demo region: start one from
// the waiting list, move its phase (forward, then back with a reason), pause and resume it, and
// a pause that meets a change someone else made meanwhile (the 412 flow: nothing typed is lost).

test.use({ viewport: DESKTOP });

/** A day as the date fields take it: dd/mm/jjjj. */
function dayFirst(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${pad(date.getDate())}/${pad(date.getMonth() + 1)}/${date.getFullYear()}`;
}

function isoDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The API as a colleague at another desk: signed in on its own, outside the browser. */
async function colleague(request: APIRequestContext, user: { email: string; password: string }) {
  const login = await request.post("/api/v1/auth/login", { form: { username: user.email, password: user.password } });
  expect(login.status()).toBe(200);
  const { access_token: token } = (await login.json()) as { access_token: string };
  return { Authorization: `Bearer ${token}` };
}

async function openDialog(page: Page, button: string, title: string): Promise<Locator> {
  await page.getByRole("group", { name: "Acties" }).getByRole("button", { name: button }).click();
  const dialog = page.getByRole("dialog", { name: title });
  await expect(dialog).toBeVisible();
  return dialog;
}

function facts(page: Page): Locator {
  return page.locator(".dossier__trajectory .facts");
}

test("a mediator starts a waiting-list trajectory, moves its phase, pauses and resumes it, and re-applies a pause after someone else's change", async ({
  page,
  request,
}) => {
  test.slow();
  await logIn(page, MEDIATOR);
  await page.goto("/deelnemers?status=referred");
  const table = page.getByRole("table", { name: "Deelnemers" });
  await expect(table.locator("tbody tr").first(), "the demo seed has people on the mediator's waiting list").toContainText("Wachtlijst");
  await table.getByRole("rowheader").first().getByRole("link").click();
  await expect(facts(page)).toContainText("Wachtlijst");

  // --- start: off the waiting list ---------------------------------------------------------
  let dialog = await openDialog(page, "Traject starten", "Traject starten");
  const date = dialog.getByLabel("Gestart op");
  await expect(date).toHaveValue(dayFirst(new Date()));
  // Checked as you type: an impossible day is named before anything is sent.
  await date.fill("31/02/2026");
  await expect(dialog.getByText("Schrijf een bestaande datum als dd/mm/jjjj")).toBeVisible();
  await expect(date).toHaveAttribute("aria-invalid", "true");
  await date.fill(dayFirst(new Date()));
  await expect(date).not.toHaveAttribute("aria-invalid", "true");
  await expect(dialog.getByText(/staat op de wachtlijst sinds/)).toBeVisible();
  await shootBoth(page, "trajectory-start-dialog", { fullPage: false });
  const started = page.waitForResponse((response) => response.url().endsWith("/start") && response.request().method() === "POST");
  await dialog.getByRole("button", { name: "Traject starten" }).click();
  const startResponse = await started;
  expect(startResponse.status()).toBe(200);
  expect(startResponse.request().headers()["if-match"]).toMatch(/^"\d+"$/);
  const trajectoryId = /trajectories\/([^/]+)\/start$/.exec(startResponse.url())?.[1] ?? "";
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText("Het traject is gestart.")).toBeVisible();
  await expect(facts(page)).toContainText("Actief");
  await expect(page.getByRole("group", { name: "Acties" }).getByRole("button", { name: "Traject starten" })).toHaveCount(0);

  // --- phase: forward without a reason, back with one -----------------------------------------
  dialog = await openDialog(page, "Fase wijzigen", "Fase wijzigen");
  await expect(dialog.getByRole("radio", { name: /Uitstroom|Intake/ })).toHaveCount(0);
  await dialog.getByRole("radio", { name: /Activering/ }).check();
  await dialog.getByRole("textbox", { name: "Reden (niet verplicht)" }).fill("Intake rond, klaar voor activering (e2e).");
  let posted = page.waitForResponse((response) => response.url().endsWith("/phase-changes") && response.request().method() === "POST");
  await dialog.getByRole("button", { name: "Fase wijzigen" }).click();
  expect((await posted).status()).toBe(201);
  await expect(page.getByText("De fase is gewijzigd naar Activering.")).toBeVisible();

  dialog = await openDialog(page, "Fase wijzigen", "Fase wijzigen");
  await dialog.getByRole("radio", { name: /Werkvloer/ }).check();
  const reason = dialog.getByRole("textbox", { name: "Reden", exact: true });
  await expect(dialog.getByText("Een stap terug vraagt altijd een reden.")).toBeVisible();
  await dialog.getByRole("button", { name: "Fase wijzigen" }).click();
  await expect(dialog.getByText("Geef een reden voor deze stap terug.")).toBeVisible();
  await expect(reason).toBeFocused();
  await shootBoth(page, "trajectory-phase-dialog-reason", { fullPage: false });
  await reason.fill("Activering was te zwaar; eerst terug naar de werkvloer (e2e).");
  await expect(dialog.getByText("Geef een reden voor deze stap terug.")).toHaveCount(0);
  posted = page.waitForResponse((response) => response.url().endsWith("/phase-changes") && response.request().method() === "POST");
  await dialog.getByRole("button", { name: "Fase wijzigen" }).click();
  expect((await posted).status()).toBe(201);
  await expect(page.getByText("De fase is gewijzigd naar Werkvloer.")).toBeVisible();
  await expect(page.getByRole("list", { name: "Verloop van de fases" }).locator("[aria-current=step]")).toContainText("Werkvloer");

  // --- pause and resume ------------------------------------------------------------------------
  const inAMonth = new Date();
  inAMonth.setDate(inAMonth.getDate() + 30);
  dialog = await openDialog(page, "Pauzeren", "Traject pauzeren");
  await dialog.getByRole("button", { name: "Traject pauzeren" }).click();
  await expect(dialog.getByText("Geef een reden voor de pauze.")).toBeVisible();
  await dialog.getByRole("textbox", { name: /Reden/ }).fill("Ziekenhuisopname (e2e).");
  await dialog.getByLabel("Verwachte terugkeer (niet verplicht)").fill(dayFirst(inAMonth));
  await shootBoth(page, "trajectory-pause-dialog", { fullPage: false });
  await dialog.getByRole("button", { name: "Traject pauzeren" }).click();
  await expect(page.getByText("Het traject is gepauzeerd.")).toBeVisible();
  await expect(facts(page)).toContainText("Gepauzeerd");
  await expect(facts(page)).toContainText("Ziekenhuisopname (e2e).");

  dialog = await openDialog(page, "Hervatten", "Traject hervatten");
  await expect(dialog.getByLabel("Hervat op")).toHaveValue(dayFirst(new Date()));
  await shootBoth(page, "trajectory-resume-dialog", { fullPage: false });
  await dialog.getByRole("button", { name: "Traject hervatten" }).click();
  await expect(page.getByText("Het traject is hervat.")).toBeVisible();
  await expect(facts(page)).toContainText("Actief");
  await shootBoth(page, "trajectory-after-actions");

  // --- the 412 flow: someone else moves the phase while the pause is being written -------------
  dialog = await openDialog(page, "Pauzeren", "Traject pauzeren");
  const typed = "Crisisopname, terugkeer nog onzeker (e2e).";
  await dialog.getByRole("textbox", { name: /Reden/ }).fill(typed);
  const headers = await colleague(request, MEDIATOR);
  const meanwhile = await request.post(`/api/v1/trajectories/${trajectoryId}/phase-changes`, {
    headers,
    data: { to_phase: "internship", date: isoDay(new Date()) },
  });
  expect(meanwhile.status()).toBe(201);
  // The dialog sends the version it was opened on; the server refuses it (nothing is paused).
  const refused = page.waitForResponse((response) => response.url().endsWith("/pause") && response.request().method() === "POST");
  await dialog.getByRole("button", { name: "Traject pauzeren" }).click();
  const refusal = await refused;
  expect(refusal.status()).toBe(412);
  const sentVersion = Number((refusal.request().headers()["if-match"] ?? "").replaceAll('"', ""));
  expect(sentVersion).toBeGreaterThan(0);
  expect(((await refusal.json()) as { current_version: number }).current_version).toBe(sentVersion + 1);
  const notice = dialog.getByRole("alert").filter({ hasText: "Iemand anders heeft dit intussen gewijzigd" });
  await expect(notice).toBeVisible();
  await expect(notice.getByRole("row").filter({ hasText: "Fase" })).toContainText("Stage");
  // The case file behind the dialog shows the new version too; nothing typed is lost.
  await expect(facts(page)).toContainText("Stage");
  await expect(dialog.getByRole("textbox", { name: /Reden/ })).toHaveValue(typed);
  await shootBoth(page, "trajectory-stale-pause", { fullPage: false });
  const paused = page.waitForResponse((response) => response.url().endsWith("/pause") && response.request().method() === "POST");
  await notice.getByRole("button", { name: "Opnieuw toepassen" }).click();
  const reapplied = await paused;
  expect(reapplied.status()).toBe(200);
  expect(reapplied.request().headers()["if-match"]).toBe(`"${sentVersion + 1}"`);
  await expect(page.getByText("Het traject is gepauzeerd.")).toBeVisible();
  await expect(facts(page)).toContainText(typed);
  await expect(facts(page)).toContainText("Stage");
});

test("a coach sees that a trajectory paused, not why, and no actions", async ({ page }) => {
  await logIn(page, COACH);
  await page.goto("/deelnemers?status=paused");
  const table = page.getByRole("table", { name: "Deelnemers" });
  await expect(table.locator("tbody tr").first(), "the demo seed has a paused trajectory in the coach's caseload").toContainText("Gepauzeerd");
  await table.getByRole("rowheader").first().getByRole("link").click();
  await expect(facts(page)).toContainText("Gepauzeerd");
  await expect(facts(page)).toContainText("reden niet zichtbaar");
  await expect(page.locator("main")).not.toContainText("null");
  await expect(page.getByRole("group", { name: "Acties" })).toHaveCount(0);
});
