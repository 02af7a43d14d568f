import type { Browser, Locator, Page } from "@playwright/test";

import {
  COACH,
  COUNSELLOR,
  DESKTOP,
  GTB_ADMIN,
  MANAGER,
  MEDIATOR,
  PASSWORD,
  TABLET,
  expect,
  expectNoSeriousA11yViolations,
  expectTouchTargets,
  logIn,
  screenshot,
  shootBoth,
  test,
} from "./helpers";

// One test per role walking its day, against the real API and the seeded demo region. Like the
// other specs, participants are found through the screens, never by a fixed name.

test.use({ viewport: DESKTOP });

const stamp = () => new Date().toISOString().replace(/\D/g, "").slice(0, 14);

async function openCaseload(page: Page, query = ""): Promise<Locator> {
  await page.goto(`/deelnemers${query}`);
  const table = page.getByRole("table", { name: "Deelnemers" });
  await expect(table.getByRole("rowheader").first()).toBeVisible();
  await expect(page.getByText("Aan het zoeken…")).toHaveCount(0);
  return table;
}

async function openTab(page: Page, name: string): Promise<void> {
  await page.getByRole("navigation", { name: "Onderdelen van het dossier" }).getByRole("link", { name, exact: true }).click();
}

/** Names in a caseload, "Achternaam, Voornaam", across every page of it. */
async function caseloadNames(page: Page, query: string): Promise<string[]> {
  const table = await openCaseload(page, query);
  const more = page.getByRole("button", { name: "Meer laden" });
  while (await more.isVisible()) {
    const count = await table.getByRole("rowheader").count();
    await more.click();
    await expect.poll(() => table.getByRole("rowheader").count()).toBeGreaterThan(count);
  }
  return table.getByRole("rowheader").getByRole("link").allTextContents();
}

async function openParticipant(page: Page, listName: string): Promise<void> {
  await openCaseload(page);
  await page.getByLabel("Zoek een deelnemer op naam").fill(listName.split(",")[0]?.trim() ?? listName);
  await expect(page.getByText("Aan het zoeken…")).toHaveCount(0);
  await page.getByRole("table", { name: "Deelnemers" }).getByRole("link", { name: listName, exact: true }).click();
  await expect(page.getByRole("navigation", { name: "Onderdelen van het dossier" })).toBeVisible();
}

async function signedInPage(browser: Browser, user: { email: string; password: string }): Promise<Page> {
  const context = await browser.newContext({ locale: "nl-BE", viewport: DESKTOP });
  const page = await context.newPage();
  await logIn(page, user);
  return page;
}

test.describe("een dag als werkvloerbegeleider", () => {
  test("marks the floor's attendance with the keyboard only, then writes a progress report", async ({ page }) => {
    test.slow();
    await logIn(page, COACH);
    await page.goto("/werkvloer");
    await expect(page.getByRole("heading", { level: 1, name: "Vandaag op de werkvloer" })).toBeVisible();
    const list = page.getByRole("form");
    const empty = page.getByText("Niemand is op deze dag op deze werkvloer geplaatst.");
    await expect(list.or(empty)).toBeVisible();
    // The demo seed places people on the coach's first floor every day: an empty floor is a bug.
    await expect(list, "the coach's first work floor has people placed today").toBeVisible();

    // From the top of the page, Tab into the first person's morning: no mouse from here on.
    await page.locator("main").focus();
    const focused = () =>
      page.evaluate(() => {
        const element = document.activeElement as HTMLInputElement | null;
        const label = element?.id ? document.querySelector(`label[for="${element.id}"]`) : null;
        return {
          type: element?.getAttribute("type") ?? element?.tagName.toLowerCase() ?? "",
          label: label?.textContent ?? element?.textContent ?? "",
          group: element?.closest("fieldset")?.querySelector("legend")?.textContent ?? "",
          outline: label ? getComputedStyle(label).outlineStyle : "",
        };
      });
    for (let i = 0; i < 40 && (await focused()).type !== "radio"; i += 1) await page.keyboard.press("Tab");
    expect((await focused()).group).toBe("Voormiddag");
    // Visible focus: the big label of the focused radio carries the focus ring.
    expect((await focused()).outline).not.toBe("none");
    for (let i = 0; i < 4 && (await focused()).label !== "Aanwezig"; i += 1) await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("Space");
    const person = list.getByRole("listitem").first();
    await expect(person.getByRole("group", { name: "Voormiddag" }).getByRole("radio", { name: "Aanwezig" })).toBeChecked();

    // Tab past the hours to the afternoon, and mark it sick with a reason.
    await page.keyboard.press("Tab");
    expect((await focused()).type).not.toBe("radio");
    await page.keyboard.press("Tab");
    expect((await focused()).group).toBe("Namiddag");
    for (let i = 0; i < 4 && (await focused()).label !== "Ziek"; i += 1) await page.keyboard.press("ArrowRight");
    for (let i = 0; i < 4 && (await focused()).label !== "Ziek"; i += 1) await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("Space");
    const afternoon = person.getByRole("group", { name: "Namiddag" });
    await expect(afternoon.getByRole("radio", { name: "Ziek" })).toBeChecked();
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Control+A");
    await page.keyboard.type("Griep (toetsenbord)");
    await expect(afternoon.getByRole("textbox", { name: "Reden (niet verplicht)" })).toHaveValue("Griep (toetsenbord)");

    // On to "Dag opslaan" and Enter.
    for (let i = 0; i < 200 && (await focused()).label.trim() !== "Dag opslaan"; i += 1) await page.keyboard.press("Tab");
    const saved = page.waitForResponse((response) => response.url().includes("/attendance") && response.request().method() === "POST");
    await page.keyboard.press("Enter");
    expect((await saved).status()).toBe(200);
    await expect(page.getByText(/^Opgeslagen: \d+ halve dag(en)? op /)).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    // The first person's dossier (a link on the floor list), then a progress report.
    await person.getByRole("link").first().click();
    await openTab(page, "Voortgang");
    await page.getByRole("button", { name: "Voortgang noteren" }).click();
    const dialog = page.getByRole("dialog", { name: "Voortgangsverslag" });
    await expect(dialog.getByRole("group", { name: "Stiptheid" })).toBeVisible();
    const text = `Werkte rustig en geconcentreerd door (e2e ${stamp()}).`;
    await dialog.getByLabel("Hoe ging het? (niet verplicht)").fill(text);
    await dialog.getByRole("group", { name: "Stiptheid" }).getByRole("radio", { name: /^3/ }).check();
    await dialog.getByRole("group", { name: "Samenwerken" }).getByRole("radio", { name: "Niet geobserveerd" }).check();
    await shootBoth(page, "progress-dialog", { fullPage: false });
    const posted = page.waitForResponse((response) => response.url().endsWith("/progress-logs") && response.request().method() === "POST");
    await dialog.getByRole("button", { name: "Verslag bewaren" }).click();
    expect((await posted).status()).toBe(201);
    await expect(page.getByText("Het voortgangsverslag is bewaard.")).toBeVisible();
    await expect(page.getByRole("article").filter({ hasText: "Laatste verslag" })).toContainText(text);
    await shootBoth(page, "dossier-voortgang-after-log");
  });
});

test.describe("een dag als trajectbegeleider", () => {
  test("adds a goal and a note, an internship and a job, and records a paid outflow", async ({ page }) => {
    test.slow();
    await logIn(page, MEDIATOR);
    const table = await openCaseload(page, "?fase=internship&status=active");
    await table.getByRole("rowheader").first().getByRole("link").click();

    // A goal, validated while typing.
    await openTab(page, "Doelen");
    await page.getByRole("button", { name: "Doel toevoegen" }).click();
    const goalDialog = page.getByRole("dialog", { name: "Doel toevoegen" });
    await goalDialog.getByRole("button", { name: "Doel bewaren" }).click();
    await expect(goalDialog.getByText("Vul dit in.")).toBeVisible();
    await expect(goalDialog.getByText("Maak een keuze.")).toBeVisible();
    const goal = `Zelfstandig met de bus naar de stageplaats (e2e ${stamp()})`;
    await goalDialog.getByRole("textbox", { name: "Doel", exact: true }).fill(goal);
    await goalDialog.getByLabel("Domein").selectOption({ label: "Mobiliteit" });
    const due = goalDialog.getByLabel("Tegen wanneer (niet verplicht)");
    await due.fill("31/02/2027");
    await expect(goalDialog.getByText(/Schrijf een bestaande datum als dd\/mm\/jjjj/)).toBeVisible();
    await due.fill("28/02/2027");
    await expect(goalDialog.getByText("zondag 28 februari 2027")).toBeVisible();
    await shootBoth(page, "goal-dialog", { fullPage: false });
    await goalDialog.getByRole("button", { name: "Doel bewaren" }).click();
    await expect(page.getByText("Het doel is toegevoegd.")).toBeVisible();
    await expect(page.getByRole("table", { name: "Doelen" })).toContainText(goal);
    await shootBoth(page, "dossier-doelen-after-goal");

    // A note for the whole mini-team: who reads it is chosen, never defaulted.
    await openTab(page, "Notities");
    const noteForm = page.getByRole("region", { name: "Nieuwe notitie" });
    const visibility = noteForm.getByRole("group", { name: "Wie mag deze notitie lezen?" });
    await expect(visibility.getByRole("radio")).toHaveCount(3);
    for (const radio of await visibility.getByRole("radio").all()) await expect(radio).not.toBeChecked();
    await expect(visibility).toContainText("Werkvloerbegeleiders lezen dit niet.");
    const note = `Telefonisch gesprek met de stagementor: positief (e2e ${stamp()}).`;
    await noteForm.getByLabel("Notitie", { exact: true }).fill(note);
    await noteForm.getByRole("button", { name: "Notitie bewaren" }).click();
    await expect(visibility.getByText("Maak een keuze.")).toBeVisible();
    await visibility.getByRole("radio", { name: /Hele miniteam/ }).check();
    await shootBoth(page, "note-form");
    await noteForm.getByRole("button", { name: "Notitie bewaren" }).click();
    await expect(page.getByText("Je notitie is bewaard. Zichtbaar voor: Hele miniteam.")).toBeVisible();
    await expect(page.getByRole("listitem").filter({ hasText: note })).toBeVisible();

    // An internship and a job, then the paid outflow that names the job.
    await openTab(page, "Stages en jobs");
    await page.getByRole("button", { name: "Stage toevoegen" }).click();
    const internship = page.getByRole("dialog", { name: "Stage toevoegen" });
    await internship.getByRole("radio", { name: "IBO", exact: true }).check();
    await internship.getByLabel("Begindatum").fill(await todayText(page));
    await shootBoth(page, "internship-dialog", { fullPage: false });
    await internship.getByRole("button", { name: "Stage bewaren" }).click();
    await expect(page.getByText("De stage is toegevoegd.")).toBeVisible();

    await page.getByRole("button", { name: "Job toevoegen" }).click();
    const job = page.getByRole("dialog", { name: "Job toevoegen" });
    const occupation = `Magazijnmedewerker (e2e ${stamp()})`;
    await job.getByLabel("Functie").fill(occupation);
    await job.getByLabel("Werkgever", { exact: true }).selectOption({ index: 1 });
    await job.getByLabel("Begindatum").fill(await todayText(page));
    await job.getByLabel("Contract").selectOption({ label: "Onbepaalde duur" });
    await job.getByLabel("Ondersteuning").selectOption({ index: 1 });
    await job.getByLabel("Uren per week (niet verplicht)").fill("19,5");
    await shootBoth(page, "job-dialog", { fullPage: false });
    await job.getByRole("button", { name: "Job bewaren" }).click();
    await expect(page.getByText("De job is toegevoegd.")).toBeVisible();
    await expect(page.getByRole("table", { name: "Jobs" })).toContainText(occupation);
    await shootBoth(page, "dossier-stages-en-jobs-after");

    await openTab(page, "Uitstroom");
    await page.getByRole("button", { name: "Uitstroom registreren" }).click();
    const outflow = page.getByRole("dialog", { name: "Uitstroom registreren" });
    await outflow.getByLabel("Categorie").selectOption({ label: "Reguliere job" });
    await outflow.getByRole("button", { name: "Uitstroom bewaren" }).click();
    await expect(outflow.getByText("Maak een keuze.")).toBeVisible();
    const jobSelect = outflow.getByLabel("Welke job?");
    const jobLabel = (await jobSelect.locator("option").allTextContents()).find((text) => text.startsWith(occupation)) ?? "";
    await jobSelect.selectOption({ label: jobLabel });
    await shootBoth(page, "outflow-dialog", { fullPage: false });
    const put = page.waitForResponse((response) => response.url().endsWith("/outflow") && response.request().method() === "PUT");
    await outflow.getByRole("button", { name: "Uitstroom bewaren" }).click();
    expect((await put).status()).toBe(201);
    await expect(page.getByText("De uitstroom is geregistreerd.")).toBeVisible();
    await expect(page.getByRole("list", { name: "Verloop van de fases" }).locator("[aria-current=step]")).toContainText("Uitstroom");
    // A paid exit schedules follow-ups at 3, 6 and 12 months; the first one gets a result.
    const followUps = page.getByRole("table", { name: "Opvolgingen" });
    await expect(followUps.locator("tbody tr")).toHaveCount(3);
    await followUps.getByRole("button", { name: /Resultaat invullen/ }).first().click();
    const result = page.getByRole("dialog", { name: "Resultaat van de opvolging" });
    await result.getByRole("radio", { name: "Zelfde job" }).check();
    await result.getByRole("button", { name: "Resultaat bewaren" }).click();
    // A situation needs the day of the contact and who told it.
    await expect(result.getByLabel("Datum van het contact (niet verplicht)")).toHaveAttribute("aria-invalid", "true");
    await result.getByLabel("Datum van het contact (niet verplicht)").fill(await todayText(page));
    await result.getByLabel("Bron").selectOption({ index: 1 });
    await shootBoth(page, "follow-up-dialog", { fullPage: false });
    await result.getByRole("button", { name: "Resultaat bewaren" }).click();
    await expect(page.getByText("Het resultaat van de opvolging is bewaard.")).toBeVisible();
    await shootBoth(page, "dossier-uitstroom-after");
  });

  test("registers a new participant past the duplicate warning and opens a trajectory", async ({ page }) => {
    await logIn(page, MEDIATOR);
    const table = await openCaseload(page);
    const listName = (await table.getByRole("rowheader").first().getByRole("link").textContent()) ?? "";
    await table.getByRole("rowheader").first().getByRole("link").click();
    const born = /Geboren op (.+)$/.exec((await page.getByText(/^Geboren op /).textContent()) ?? "")?.[1] ?? "";
    const birthDate = await page.evaluate((text) => {
      const months = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];
      const [day = "", month = "", year = ""] = text.split(" ");
      return `${day}/${months.indexOf(month) + 1}/${year}`;
    }, born);

    await page.goto("/deelnemers");
    await page.getByRole("link", { name: "Nieuwe deelnemer" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Nieuwe deelnemer" })).toBeVisible();
    const [last = "", first = ""] = listName.split(",").map((part) => part.trim());
    await page.getByLabel("Voornaam").fill(first);
    await page.getByLabel("Achternaam").fill(last);
    await page.getByLabel("Geboortedatum").fill(birthDate);
    await page.getByLabel("Rijksregisternummer (niet verplicht)").fill("12345");
    await expect(page.getByText(/Een rijksregisternummer heeft 11 cijfers/)).toBeVisible();
    await page.getByLabel("Rijksregisternummer (niet verplicht)").fill("");
    // Checked while typing: the same name and birth date are already known.
    await expect(page.getByText("Is deze persoon misschien al bekend?")).toBeVisible();
    await shootBoth(page, "participant-new-duplicate");

    // Leaving with unsaved changes asks first.
    await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Start" }).click();
    const leave = page.getByRole("dialog", { name: "Wijzigingen niet opgeslagen" });
    await expect(leave).toBeVisible();
    await expect(leave.getByRole("button", { name: "Blijven en verder werken" })).toBeFocused();
    await screenshot(page, "unsaved-dialog-desktop", { fullPage: false });
    await leave.getByRole("button", { name: "Blijven en verder werken" }).click();
    await expect(page.getByLabel("Voornaam")).toHaveValue(first);

    const created = page.waitForResponse((response) => response.url().endsWith("/api/v1/participants") && response.request().method() === "POST");
    await page.getByRole("button", { name: "Deelnemer registreren" }).click();
    expect((await created).status()).toBe(409);
    await expect(page.getByText("Deze persoon is misschien al geregistreerd")).toBeVisible();
    await page.getByLabel("Ik heb ze bekeken: het is iemand anders").check();
    await page.getByRole("button", { name: "Deelnemer registreren" }).click();
    await expect(page.getByText(/is geregistreerd\. Open nu een traject\./)).toBeVisible();
    await page.getByRole("button", { name: "Traject openen" }).click();
    const dialog = page.getByRole("dialog", { name: "Traject openen" });
    await dialog.getByLabel("Kader").selectOption({ index: 1 });
    await shootBoth(page, "open-trajectory-dialog", { fullPage: false });
    await dialog.getByRole("button", { name: "Traject openen" }).click();
    await expect(page.getByRole("list", { name: "Verloop van de fases" })).toBeVisible();
    await shootBoth(page, "dossier-new-participant");
  });
});

test.describe("zorgnotities", () => {
  test("a GGZ counsellor writes a care note; the coach on the same file does not see it", async ({ page, browser }) => {
    // A participant both the coach and the counsellor work with.
    const coach = await signedInPage(browser, COACH);
    const coachNames = new Set(await caseloadNames(coach, "?status=active"));
    await logIn(page, COUNSELLOR);
    const shared = (await caseloadNames(page, "?status=active")).find((name) => coachNames.has(name));
    expect(shared, "the demo seed has an active participant shared by coach and counsellor").toBeDefined();
    const name = shared ?? "";

    await openParticipant(page, name);
    await openTab(page, "Notities");
    const form = page.getByRole("region", { name: "Nieuwe notitie" });
    const careNote = `Zorgoverleg: medicatie aangepast, slaapt beter (e2e ${stamp()}).`;
    const teamNote = `Afspraak: volgende week samen naar de werkvloer (e2e ${stamp()}).`;
    await form.getByRole("radio", { name: /Zorg, gedeeld beroepsgeheim/ }).check();
    await form.getByLabel("Notitie", { exact: true }).fill(careNote);
    await shootBoth(page, "care-note-form");
    await form.getByRole("button", { name: "Notitie bewaren" }).click();
    await expect(page.getByText("Je notitie is bewaard. Zichtbaar voor: Zorg, gedeeld beroepsgeheim.")).toBeVisible();
    const written = page.getByRole("listitem").filter({ hasText: careNote });
    await expect(written.locator(".care-mark")).toHaveText(/Zorg/);
    await form.getByRole("radio", { name: /Hele miniteam/ }).check();
    await form.getByLabel("Notitie", { exact: true }).fill(teamNote);
    await form.getByRole("button", { name: "Notitie bewaren" }).click();
    await expect(page.getByRole("listitem").filter({ hasText: teamNote })).toBeVisible();
    await shootBoth(page, "dossier-notities-counsellor");

    await openParticipant(coach, name);
    await openTab(coach, "Notities");
    await expect(coach.getByRole("listitem").filter({ hasText: teamNote })).toBeVisible();
    await expect(coach.getByText(careNote)).toHaveCount(0);
    // The coach may write only for the whole mini-team.
    const coachForm = coach.getByRole("region", { name: "Nieuwe notitie" });
    await expect(coachForm.getByRole("radio")).toHaveCount(1);
    await expectNoSeriousA11yViolations(coach);
    await screenshot(coach, "dossier-notities-coach-desktop");
    await coach.context().close();
  });
});

test.describe("een dag als coördinator", () => {
  test("opens the caseload and a dossier but no notes, and follows the partnership", async ({ page }) => {
    await logIn(page, MANAGER);
    const table = await openCaseload(page);
    await table.getByRole("rowheader").first().getByRole("link").click();
    const tabs = page.getByRole("navigation", { name: "Onderdelen van het dossier" });
    await expect(tabs.getByRole("link", { name: "Tijdlijn" })).toBeVisible();
    await expect(tabs.getByRole("link", { name: "Notities" })).toHaveCount(0);
    // Typing the notes URL shows no note either.
    await page.goto(`${page.url().replace(/\/[a-z-]+(\?.*)?$/, "")}/notities`);
    await expect(page.getByText("Notities zijn niet zichtbaar voor jouw rol.")).toBeVisible();
    await expect(page.locator(".entry")).toHaveCount(0);
    await expect(page.getByRole("region", { name: "Nieuwe notitie" })).toHaveCount(0);
    await shootBoth(page, "dossier-notities-manager");

    await page.getByRole("button", { name: "Waarom zie ik dit?" }).click();
    await expect(page.getByText("Je leest hier geen notities.")).toBeVisible();
    await shootBoth(page, "why-panel-manager");

    await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Samenwerking" }).click();
    const summaries = page.getByRole("table", { name: "Trajecten van het samenwerkingsverband" });
    await expect(summaries.getByRole("rowheader").first()).toBeVisible();
    await shootBoth(page, "samenwerking");
    const partner = summaries.locator("tbody tr").filter({ hasText: "Partnerorganisatie" }).first();
    if ((await partner.count()) > 0) {
      await partner.getByRole("link").click();
      await expect(page.getByText(/Je ziet alleen een samenvatting/)).toBeVisible();
      await expect(page.getByRole("heading", { level: 1, name: /^Traject van [A-Z]\.[A-Z]\.$/ })).toBeVisible();
      await shootBoth(page, "summary-only");
    }
  });
});

test.describe("twee mensen tegelijk", () => {
  test("a stale edit keeps what was typed, shows what changed and applies it again", async ({ page, browser }) => {
    await logIn(page, MEDIATOR);
    const table = await openCaseload(page, "?status=active");
    await table.getByRole("rowheader").first().getByRole("link").click();
    await openTab(page, "Doelen");
    // A goal of our own, so the test does not depend on the seed's goals.
    await page.getByRole("button", { name: "Doel toevoegen" }).click();
    const add = page.getByRole("dialog", { name: "Doel toevoegen" });
    const goal = `Afspraken zelf in de agenda zetten (e2e ${stamp()})`;
    await add.getByRole("textbox", { name: "Doel", exact: true }).fill(goal);
    await add.getByLabel("Domein").selectOption({ label: "Empowerment" });
    await add.getByRole("button", { name: "Doel bewaren" }).click();
    await expect(page.getByText("Het doel is toegevoegd.")).toBeVisible();
    const url = page.url();

    const other = await signedInPage(browser, MEDIATOR);
    await other.goto(url);
    const row = (p: Page) => p.getByRole("table", { name: "Doelen" }).locator("tbody tr").filter({ hasText: goal });

    // Both open the same goal; the other person saves first.
    await row(page).getByRole("button", { name: /^Bewerken/ }).click();
    const mine = page.getByRole("dialog", { name: "Doel bewerken" });
    const myText = "Lukt elke week zonder hulp; zelf een agenda-app gekozen.";
    await mine.getByLabel("Evaluatie").fill(myText);

    await row(other).getByRole("button", { name: /^Bewerken/ }).click();
    const theirs = other.getByRole("dialog", { name: "Doel bewerken" });
    await theirs.getByLabel("Evaluatie").fill("Lukt meestal, soms nog een herinnering nodig.");
    await theirs.getByLabel("Tegen wanneer (niet verplicht)").fill("30/06/2027");
    await theirs.getByRole("button", { name: "Wijzigingen bewaren" }).click();
    await expect(other.getByText("Het doel is aangepast.")).toBeVisible();

    const refused = page.waitForResponse((response) => response.url().includes("/api/v1/goals/") && response.request().method() === "PATCH");
    await mine.getByRole("button", { name: "Wijzigingen bewaren" }).click();
    expect((await refused).status()).toBe(412);
    const notice = mine.getByRole("alert").filter({ hasText: "Iemand anders heeft dit intussen gewijzigd" });
    await expect(notice).toBeVisible();
    // Nothing typed is lost; the differences are listed field by field.
    await expect(mine.getByLabel("Evaluatie")).toHaveValue(myText);
    const differences = notice.getByRole("table", { name: "Verschillen tussen jouw versie en de opgeslagen versie" });
    await expect(differences.getByRole("row", { name: /Evaluatie/ })).toContainText(myText);
    await expect(differences.getByRole("row", { name: /Evaluatie/ })).toContainText("soms nog een herinnering nodig");
    await expect(differences.getByRole("row", { name: /Tegen/ })).toContainText("30 juni 2027");
    await expectNoSeriousA11yViolations(page);
    await shootBoth(page, "stale-edit", { fullPage: false });

    const applied = page.waitForResponse((response) => response.url().includes("/api/v1/goals/") && response.request().method() === "PATCH");
    await notice.getByRole("button", { name: "Opnieuw toepassen" }).click();
    expect((await applied).status()).toBe(200);
    await expect(page.getByText("Het doel is aangepast.")).toBeVisible();
    // Mine applied on top of theirs: my evaluation, their due date.
    await expect(row(page)).toContainText(myText);
    await expect(row(page)).toContainText("30 jun 2027");
    await other.context().close();
  });
});

test.describe("buiten je dossiers", () => {
  test("a foreign dossier is 'niet gevonden'; a counsellor may break the glass, and the admin sees it", async ({ page, browser }) => {
    test.slow();
    // A GTB dossier, and its trajectory, as the mediator sees them.
    const mediator = await signedInPage(browser, MEDIATOR);
    const hrefs = await (await openCaseload(mediator, "?status=active")).getByRole("rowheader").getByRole("link").evaluateAll((links) =>
      links.map((link) => link.getAttribute("href") ?? ""),
    );

    // The coach of another organisation: the first of those dossiers she cannot open.
    await logIn(page, COACH);
    const foreignToCoach = await firstForeign(page, hrefs);
    expect(foreignToCoach, "a GTB dossier the coach of De Werkplaats cannot see").not.toBe("");
    await expect(page.getByText("Dit dossier bestaat niet, of je hebt er geen toegang toe.")).toBeVisible();
    // A coach is not bound by professional secrecy: no emergency access is offered.
    await expect(page.getByRole("button", { name: "Noodtoegang vragen" })).toHaveCount(0);
    await shootBoth(page, "dossier-not-found");

    // A secrecy-bound counsellor of CGG: a GTB file outside his scope, opened in an emergency.
    const counsellor = await signedInPage(browser, COUNSELLOR);
    const foreign = await firstForeign(counsellor, hrefs);
    expect(foreign, "a GTB dossier the counsellor of CGG cannot see").not.toBe("");
    const loaded = mediator.waitForResponse((response) => /\/api\/v1\/trajectories\/[0-9a-f-]+$/.test(response.url()));
    await mediator.goto(foreign);
    const trajectoryId = ((await (await loaded).json()) as { id: string }).id;
    const participantId = foreign.split("/")[2] ?? "";

    await counsellor.goto(`/trajecten/${trajectoryId}`);
    await expect(counsellor.getByRole("heading", { level: 1, name: "Dossier niet gevonden" })).toBeVisible();
    await counsellor.getByRole("button", { name: "Noodtoegang vragen" }).click();
    const dialog = counsellor.getByRole("dialog", { name: "Noodtoegang vragen" });
    await dialog.getByLabel("Waarom is dit een noodsituatie?").fill("Kort");
    await dialog.getByRole("button", { name: "Noodtoegang openen" }).click();
    await expect(dialog.getByText("Schrijf minstens 20 tekens.")).toBeVisible();
    await dialog.getByLabel("Waarom is dit een noodsituatie?").fill("Crisisoproep van de deelnemer via de huisarts; behandelplan nodig (e2e).");
    await dialog.getByRole("radio", { name: "30 minuten" }).check();
    await shootBoth(counsellor, "break-glass-dialog", { fullPage: false });
    await dialog.getByRole("button", { name: "Noodtoegang openen" }).click();
    await expect(counsellor.getByRole("navigation", { name: "Onderdelen van het dossier" })).toBeVisible();
    await counsellor.getByRole("button", { name: "Waarom zie ik dit?" }).click();
    await expect(counsellor.getByText("je dit dossier opende met noodtoegang.")).toBeVisible();
    await shootBoth(counsellor, "why-panel-break-glass");
    await counsellor.getByRole("button", { name: "Noodtoegang nu beëindigen" }).click();
    await expect(counsellor.getByRole("heading", { level: 1, name: "Dossier niet gevonden" })).toBeVisible();
    await counsellor.context().close();
    await mediator.context().close();

    // GTB's admin reads who looked at this file.
    const admin = await signedInPage(browser, GTB_ADMIN);
    await admin.goto(`/beheer/toegangslog?deelnemer=${participantId}`);
    const log = admin.getByRole("table", { name: "Toegangslog" });
    await expect(log.locator("tbody tr").first()).toBeVisible();
    await expect(log).toContainText("Nadia El Amrani");
    await shootBoth(admin, "toegangslog");
    await admin.context().close();
  });
});

test.describe("sessie", () => {
  test("warns two minutes before an idle session ends, extends with one click, and returns after a new login", async ({ page }) => {
    await page.clock.install();
    await logIn(page, COACH);
    await page.goto("/deelnemers?fase=placement");
    await expect(page.getByRole("table", { name: "Deelnemers" }).getByRole("rowheader").first()).toBeVisible();

    await page.clock.fastForward("28:30");
    const warning = page.getByRole("dialog", { name: "Ben je er nog?" });
    await expect(warning).toBeVisible();
    await expect(warning.getByRole("button", { name: "Aangemeld blijven" })).toBeFocused();
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, "session-warning-desktop", { fullPage: false });
    await page.setViewportSize(TABLET);
    await expectTouchTargets(page, "dialog button");
    await screenshot(page, "session-warning-tablet", { fullPage: false });
    await page.setViewportSize(DESKTOP);
    await page.keyboard.press("Enter");
    await expect(warning).toHaveCount(0);

    // Nobody comes back: the session ends, and a new login lands on the same page.
    await page.clock.fastForward("31:00");
    await expect(page.getByRole("heading", { level: 1, name: "Aanmelden" })).toBeVisible({ timeout: 15_000 });
    await expect(page.getByText("Je sessie is verlopen. Meld je opnieuw aan.")).toBeVisible();
    await expect(page).toHaveURL(/\/login\?next=%2Fdeelnemers%3Ffase%3Dplacement$/);
    await page.getByLabel("E-mailadres").fill(COACH.email);
    await page.getByLabel("Wachtwoord", { exact: true }).fill(PASSWORD);
    await page.getByRole("button", { name: "Aanmelden" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Mijn deelnemers" })).toBeVisible();
    await expect(page).toHaveURL(/\/deelnemers\?fase=placement$/);
  });
});

test.describe("toestemmingen", () => {
  test("records a consent for a partner organisation and withdraws it", async ({ page }) => {
    await logIn(page, MEDIATOR);
    const table = await openCaseload(page, "?status=active");
    await table.getByRole("rowheader").first().getByRole("link").click();
    await openTab(page, "Toestemmingen");
    await page.getByRole("button", { name: "Toestemming registreren" }).click();
    const dialog = page.getByRole("dialog", { name: "Toestemming registreren" });
    await dialog.getByLabel("Organisatie").selectOption({ label: "CAW Oost-Vlaanderen" });
    await dialog.getByLabel("Doel", { exact: true }).fill("Afstemming over de woonsituatie (e2e)");
    await dialog.getByRole("checkbox", { name: /Werkgegevens/ }).check();
    await dialog.getByRole("radio", { name: "Schriftelijk" }).check();
    await dialog.getByLabel("Versie van de informatietekst").fill("2026-01");
    await shootBoth(page, "consent-dialog", { fullPage: false });
    await dialog.getByRole("button", { name: "Toestemming bewaren" }).click();
    await expect(page.getByText("De toestemming is geregistreerd.")).toBeVisible();
    const consents = page.getByRole("table", { name: "Toestemmingen" });
    const row = consents.locator("tbody tr").filter({ hasText: "Afstemming over de woonsituatie (e2e)" }).first();
    await expect(row).toContainText("Geldig");
    await shootBoth(page, "dossier-toestemmingen");

    await row.getByRole("button", { name: /intrekken/ }).click();
    const withdraw = page.getByRole("dialog", { name: "Toestemming intrekken" });
    await withdraw.getByRole("button", { name: "Toestemming intrekken" }).click();
    await expect(page.getByText("De toestemming is ingetrokken.")).toBeVisible();
    await expect(row).toContainText("Ingetrokken op");
  });
});

/** The first of these dossier links this user gets "Dossier niet gevonden" for ("" when none). */
async function firstForeign(page: Page, hrefs: readonly string[]): Promise<string> {
  for (const href of hrefs) {
    await page.goto(href);
    const heading = page.getByRole("heading", { level: 1 });
    await expect(heading).not.toHaveText("");
    await expect(page.getByRole("status").filter({ hasText: /wordt geladen/ })).toHaveCount(0);
    if ((await heading.textContent()) === "Dossier niet gevonden") return href;
  }
  return "";
}

/** Today as the date fields read it (dd/mm/jjjj), from the browser's own clock. */
async function todayText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const now = new Date();
    return `${String(now.getDate()).padStart(2, "0")}/${String(now.getMonth() + 1).padStart(2, "0")}/${now.getFullYear()}`;
  });
}
