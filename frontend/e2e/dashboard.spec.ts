import { readFile } from "node:fs/promises";

import type { Download, Locator, Page } from "@playwright/test";

import { ADMIN, DESKTOP, MANAGER, expect, expectNoSeriousA11yViolations, logIn, screenshot, shootBoth, test } from "./helpers";

// The managers' dashboard against the real API and the seeded demo region: figures are read from
// the screen and checked against each other (tiles, charts' tables, drill-down lists), never
// against numbers written into the test.

test.use({ viewport: DESKTOP });

const PANELS = [
  "Deelnemers per fase",
  "Uitstroombestemmingen",
  "In- en uitstroom per maand",
  "Werk binnen 6 tot 24 maanden",
  "Aan het werk na 3, 6 en 12 maanden",
  "Competitieve tewerkstelling (IPS)",
  "Caseload per medewerker",
];

async function openDashboard(page: Page, query = ""): Promise<void> {
  await page.goto(`/rapportering${query}`);
  await expect(page.getByRole("heading", { level: 1, name: "Rapportering" })).toBeVisible();
  await expect(page.getByText(/^Cijfers over .+, berekend op .+\.$/)).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: /worden geladen/ })).toHaveCount(0);
}

function panel(page: Page, title: string): Locator {
  return page.getByRole("region", { name: title, exact: true });
}

/** "Deelnemers in traject": the big number of the first key figure. */
async function activeCount(page: Page): Promise<number> {
  const text = await page.getByRole("region", { name: "Kerncijfers" }).locator(".kpi__value").first().innerText();
  return Number(text.replace(/\D/g, ""));
}

/** The number on a count's drill-down button ("37 – toon de trajecten: …" → 37). */
async function countOf(button: Locator): Promise<number> {
  const text = (await button.textContent()) ?? "";
  return Number(/^\s*(\d+)/.exec(text)?.[1] ?? Number.NaN);
}

/** A chart's table: rows of cell texts, header row first. */
async function tableOf(region: Locator): Promise<string[][]> {
  await region.getByRole("button", { name: "Toon als tabel" }).click();
  const table = region.getByRole("table");
  await expect(table).toBeVisible();
  // What a sighted reader sees: the drill-down buttons' extra words for screen readers left out.
  return table.getByRole("row").evaluateAll((rows) =>
    rows.map((row) =>
      Array.from(row.querySelectorAll("th, td"), (cell) => {
        const copy = cell.cloneNode(true) as Element;
        copy.querySelectorAll(".visually-hidden").forEach((hidden) => {
          hidden.remove();
        });
        return copy.textContent.trim();
      }),
    ),
  );
}

async function csvOf(download: Download): Promise<string> {
  const file = await download.path();
  return readFile(file, "utf8");
}

test.describe("rapportering voor een coördinator", () => {
  test("shows key figures and every chart, consistent with each other, on desktop and tablet", async ({ page }) => {
    test.slow();
    await logIn(page, MANAGER);
    await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Rapportering" }).click();
    await openDashboard(page);
    await expect(page).toHaveURL(/\/rapportering$/);

    for (const title of PANELS) await expect(panel(page, title)).toBeVisible();
    const kpis = page.getByRole("region", { name: "Kerncijfers" });
    await expect(kpis.getByRole("heading", { level: 3 })).toHaveText([
      "Deelnemers in traject",
      "Doorstroom naar betaald werk",
      "Mediane duur tot betaald werk",
      "Aan het werk na 6 maanden",
    ]);
    const active = await countOf(kpis.getByRole("button", { name: /toon de trajecten: Deelnemers in traject/ }));
    expect(active, "the demo region has running trajectories").toBeGreaterThan(0);
    const started = await countOf(kpis.getByRole("button", { name: /toon de trajecten: Gestarte trajecten/ }));
    const exited = await countOf(kpis.getByRole("button", { name: /toon de trajecten: Uitstroom ·/ }));

    // Every chart's meaning is also in words: a title and a description on each SVG.
    const charts = page.locator("main svg.chart");
    expect(await charts.count()).toBeGreaterThanOrEqual(PANELS.length);
    for (const chart of await charts.all()) {
      await expect(chart.locator("title").first()).not.toBeEmpty();
      await expect(chart.locator("desc").first()).not.toBeEmpty();
    }

    await shootBoth(page, "dashboard");

    // The months add up to the period: the monthly table's columns sum to the tiles' counts.
    const flow = await tableOf(panel(page, "In- en uitstroom per maand"));
    expect(flow[0]).toEqual(["Periode", "Van", "Tot en met", "Gestart", "Uitgestroomd"]);
    expect(flow.length - 1, "twelve calendar months by default").toBe(12);
    const sum = (column: number) => flow.slice(1).reduce((total, row) => total + Number(row[column]), 0);
    expect(sum(3)).toBe(started);
    expect(sum(4)).toBe(exited);

    // Funnel: the phases are the trajectories running on the last day.
    const funnel = await tableOf(panel(page, "Deelnemers per fase"));
    expect(funnel.slice(1).map((row) => row[0])).toEqual(["Intake", "Werkvloer", "Activering", "Stage", "Uitstroom"]);
    const running = funnel.slice(1).reduce((total, row) => total + Number(row[1]), 0);
    await expect(panel(page, "Deelnemers per fase").getByText(`Op die dag liepen ${running} trajecten;`)).toBeVisible();
    expect(running).toBeLessThanOrEqual(active);

    await screenshot(page, "dashboard-tables-desktop");
  });

  test("opens the trajectories behind a count, names only where the case file may be opened", async ({ page }) => {
    await logIn(page, MANAGER);
    await openDashboard(page);
    const button = page.getByRole("region", { name: "Kerncijfers" }).getByRole("button", { name: /toon de trajecten: Deelnemers in traject/ });
    const count = await countOf(button);
    await button.click();

    const dialog = page.getByRole("dialog", { name: /^Deelnemers in traject · / });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByText(`${count} trajecten, met dezelfde filters.`, { exact: false })).toBeVisible();
    const rows = dialog.getByRole("table").getByRole("rowheader");
    await expect(rows.first()).toBeVisible();
    const more = dialog.getByRole("button", { name: "Meer laden" });
    while (await more.isVisible()) {
      const shown = await rows.count();
      await more.click();
      await expect.poll(() => rows.count()).toBeGreaterThan(shown);
    }
    await expect(rows).toHaveCount(count);
    await expect(dialog.getByText(`${count} van ${count} getoond`)).toBeVisible();

    // Own organisation: a name that links to the case file. Partners' trajectories (the manager's
    // organisation leads the partnership): initials, no link.
    const linked = rows.getByRole("link");
    expect(await linked.count(), "the manager's own participants have names").toBeGreaterThan(0);
    await expect(linked.first()).toHaveAttribute("href", /^\/deelnemers\/[0-9a-f-]{36}$/);
    const initials = rows.filter({ hasText: /initialen$/ });
    expect(await initials.count(), "partners' participants appear with initials").toBeGreaterThan(0);
    await expect(initials.getByRole("link")).toHaveCount(0);
    await expect(initials.first()).toHaveText(/^([A-Z]\.)+initialen$/);

    await expectNoSeriousA11yViolations(page);
    await screenshot(page, "dashboard-drill-down-desktop", { fullPage: false });
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(button).toBeFocused();
  });

  test("a bar of the funnel and of the destinations opens the trajectories behind it", async ({ page }) => {
    await logIn(page, MANAGER);
    await openDashboard(page);

    // The funnel's bars are buttons named after their phase and count; the busiest one opens.
    const funnel = panel(page, "Deelnemers per fase");
    const bars = funnel.getByRole("group", { name: /^Lopende trajecten per fase op / }).getByRole("button");
    expect(await bars.count(), "some phases have running trajectories").toBeGreaterThan(0);
    const labels = await bars.evaluateAll((all) => all.map((bar) => bar.getAttribute("aria-label") ?? ""));
    const counted = labels.map((label) => {
      const [, phase = "", count = "0"] = /^(.+): (\d+)$/.exec(label) ?? [];
      return { phase, count: Number(count) };
    });
    const busiest = counted.reduce((best, bar) => (bar.count > best.count ? bar : best));
    await bars.nth(counted.indexOf(busiest)).click();
    const dialog = page.getByRole("dialog", { name: new RegExp(`^In fase ${busiest.phase} op `) });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByText(`${busiest.count} traject`, { exact: false })).toBeVisible();
    const rows = dialog.getByRole("table").getByRole("rowheader");
    await expect(rows.first()).toBeVisible();
    expect(await rows.count()).toBe(Math.min(busiest.count, 25));
    await screenshot(page, "dashboard-phase-drill-desktop", { fullPage: false });
    await dialog.getByRole("button", { name: "Sluiten" }).last().click();
    await expect(dialog).toBeHidden();

    // The same count opens from the funnel's table.
    const table = await tableOf(funnel);
    const row = table.find((cells) => cells[0] === busiest.phase);
    expect(Number(row?.[1])).toBe(busiest.count);

    // A destination: the first bar, with as many rows as its count.
    const destinations = panel(page, "Uitstroombestemmingen").getByRole("group", { name: "Uitstroombestemmingen" }).getByRole("button");
    if ((await destinations.count()) > 0) {
      const label = (await destinations.first().getAttribute("aria-label")) ?? "";
      const [, category = "", count = "0"] = /^(.+): (\d+)$/.exec(label) ?? [];
      await destinations.first().click();
      const exits = page.getByRole("dialog", { name: new RegExp(`^Uitstroom: ${category} · `) });
      await expect(exits).toBeVisible();
      await expect(exits.getByText(`${count} traject`, { exact: false })).toBeVisible();
      await exits.getByRole("button", { name: "Sluiten" }).last().click();
    }
  });

  test("shows the caseload per staff member, highest first, as a table and a CSV", async ({ page }) => {
    await logIn(page, MANAGER);
    await openDashboard(page);
    const caseload = panel(page, "Caseload per medewerker");
    await expect(caseload.getByText(/^Op de laatste dag van de periode: per medewerker/)).toBeVisible();
    await expect(caseload.getByText(/^Arbeidsspecialisten \(casemanager Werk\): /)).toBeVisible();
    const chart = caseload.getByRole("img", { name: "Lopende trajecten per medewerker" });
    await expect(chart).toBeVisible();
    await expect(chart.locator(".limit-line")).toHaveCount(1);

    const table = await tableOf(caseload);
    expect(table[0]).toEqual(["Medewerker", "Lopende trajecten", "Organisatie", "Functie"]);
    const staff = table.slice(1);
    expect(staff.length, "the demo region has staff with running trajectories").toBeGreaterThan(0);
    const counts = staff.map((cells) => Number(cells[1]));
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(counts.every((count) => count > 0)).toBe(true);
    await expect(caseload.getByText(new RegExp(`^${staff.length} medewerkers? op `))).toBeVisible();

    const [file] = await Promise.all([page.waitForEvent("download"), caseload.getByRole("button", { name: /^CSV downloaden/ }).click()]);
    const lines = (await csvOf(file)).replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines[0]).toBe("Medewerker;Lopende trajecten;Organisatie;Functie");
    expect(lines.slice(1).map((line) => line.split(";")[0])).toEqual(staff.map((cells) => cells[0]));
    await screenshot(page, "dashboard-caseload-table-desktop");
  });

  test("charts are reachable by keyboard: one Tab stop, arrows between bars, Enter opens the list", async ({ page }) => {
    await logIn(page, MANAGER);
    await openDashboard(page);
    const chart = panel(page, "In- en uitstroom per maand").getByRole("group", { name: "In- en uitstroom" });
    const bars = chart.getByRole("button");
    expect(await bars.count()).toBeGreaterThan(1);
    await expect(chart.locator('[tabindex="0"]')).toHaveCount(1);

    // Tab from the panel's last control ("CSV downloaden") lands on the chart's first bar.
    await panel(page, "In- en uitstroom per maand").getByRole("button", { name: /^CSV downloaden/ }).focus();
    await page.keyboard.press("Tab");
    await expect(bars.first()).toBeFocused();
    await page.keyboard.press("ArrowRight");
    await expect(bars.nth(1)).toBeFocused();
    await page.keyboard.press("End");
    await expect(bars.last()).toBeFocused();
    const label = (await bars.last().getAttribute("aria-label")) ?? "";
    const [, series = "", period = "", count = ""] = /^(Gestart|Uitgestroomd) in (.+): (\d+)$/.exec(label) ?? [];
    expect(series, label).not.toBe("");
    await page.keyboard.press("Enter");

    const dialog = page.getByRole("dialog", { name: new RegExp(`· ${period}$`) });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole("table").getByRole("rowheader")).toHaveCount(Number(count));
    await dialog.getByRole("button", { name: "Sluiten" }).last().click();
    await expect(bars.last()).toBeFocused();
  });

  test("filters live in the URL, survive a reload, and narrow every figure", async ({ page }) => {
    test.slow();
    await logIn(page, MANAGER);
    await openDashboard(page);
    const allActive = await activeCount(page);

    const floors = page.getByLabel("Werkvloer", { exact: true });
    const floorOptions = await floors.locator("option").allTextContents();
    expect(floorOptions.length, "the manager's organisation has work floors with trajectories").toBeGreaterThan(1);
    const floorName = floorOptions[1] ?? "";
    await floors.selectOption({ label: floorName });
    await expect(page).toHaveURL(/[?&]werkvloer=[0-9a-f-]{36}/);
    await openDashboard(page, new URL(page.url()).search);
    await expect(floors.locator("option:checked")).toHaveText(floorName);
    expect(await activeCount(page)).toBeLessThan(allActive);

    // The period: a quick choice writes both dates.
    await page.getByLabel("Periode").selectOption({ label: "Vorig jaar" });
    const lastYear = new Date().getFullYear() - 1;
    await expect.poll(() => new URL(page.url()).searchParams.get("van")).toBe(`${lastYear}-01-01`);
    expect(new URL(page.url()).searchParams.get("tot")).toBe(`${lastYear}-12-31`);
    expect(new URL(page.url()).searchParams.get("werkvloer")).not.toBeNull();
    await expect(page.getByLabel("Van", { exact: true })).toHaveValue(`01/01/${lastYear}`);
    await expect(page.getByText(new RegExp(`^Cijfers over 1 jan\\.? ${lastYear} – 31 dec\\.? ${lastYear}`))).toBeVisible();

    // A period the API would refuse is explained next to the field and not sent.
    await page.getByLabel("Tot en met").fill(`01/01/${lastYear - 1}`);
    await expect(page.getByText("De einddatum ligt voor de begindatum.")).toBeVisible();
    await expect(page.getByText("Pas de periode aan om cijfers te zien.")).toBeVisible();

    await page.getByRole("button", { name: "Filters wissen" }).click();
    await expect(page).toHaveURL(/\/rapportering$/);
    await openDashboard(page);
    expect(await activeCount(page)).toBe(allActive);
  });

  test("downloads a chart's figures and the API's export as CSV for Belgian Excel", async ({ page }) => {
    await logIn(page, MANAGER);
    await openDashboard(page);

    const retention = panel(page, "Aan het werk na 3, 6 en 12 maanden");
    const [chartFile] = await Promise.all([page.waitForEvent("download"), retention.getByRole("button", { name: /^CSV downloaden/ }).click()]);
    expect(chartFile.suggestedFilename()).toMatch(/^werkpad-aan-het-werk-na-3-6-en-12-maanden-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
    const chartCsv = await csvOf(chartFile);
    expect(chartCsv.startsWith("\uFEFF")).toBe(true);
    const lines = chartCsv.replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines[0]).toBe("Opvolging;Aan het werk (%);Aan het werk;Niet aan het werk;Onbekend (apart);Nog niet vervallen (apart)");
    expect(lines.slice(1).map((line) => line.split(";")[0])).toEqual(["Na 3 maanden", "Na 6 maanden", "Na 12 maanden"]);

    const [apiFile] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("group", { name: "Alle cijfers downloaden" }).getByRole("button", { name: "CSV" }).click(),
    ]);
    expect(apiFile.suggestedFilename()).toMatch(/^werkpad-indicatoren-.+\.csv$/);
    const apiCsv = await csvOf(apiFile);
    expect(apiCsv.startsWith("\uFEFF")).toBe(true);
    expect(apiCsv).toContain(";flow.participants_in_trajectory;Deelnemers in traject;");
    await expect(page.getByText(`${apiFile.suggestedFilename()} is gedownload.`)).toBeVisible();

    const [pdf] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("group", { name: "Alle cijfers downloaden" }).getByRole("button", { name: "PDF" }).click(),
    ]);
    expect((await readFile(await pdf.path())).subarray(0, 5).toString()).toBe("%PDF-");
  });

  test("speaks English when asked", async ({ page }) => {
    await logIn(page, MANAGER);
    await openDashboard(page);
    await page.getByRole("button", { name: "English" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Reports" })).toBeVisible();
    await expect(panel(page, "Inflow and outflow per month")).toBeVisible();
    await expect(page.getByRole("button", { name: "Show as table" }).first()).toBeVisible();
    await page.getByRole("button", { name: "Nederlands" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Rapportering" })).toBeVisible();
  });
});

test("a platform admin, who may not read reports, has no Rapportering in the menu", async ({ page }) => {
  await logIn(page, ADMIN);
  const nav = page.getByRole("navigation", { name: "Hoofdmenu" });
  await expect(nav.getByRole("link", { name: "Beheer" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Rapportering" })).toHaveCount(0);
});
