import {
  ADMIN,
  COACH,
  expect,
  expectNoSeriousA11yViolations,
  logIn,
  screenshot,
  test,
} from "./helpers";

test.describe("aanmelden", () => {
  test("the login page is Dutch, accessible and switches to English", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "nl");
    await expect(page.getByRole("heading", { level: 1, name: "Aanmelden" })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, "login");

    await page.getByRole("button", { name: "English" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
    await expect(page.getByLabel("E-mail address")).toBeVisible();
    await page.getByRole("button", { name: "Nederlands" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "nl");
  });

  test("a wrong password shows a clear error and no session", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("E-mailadres").fill(ADMIN.email);
    await page.getByLabel("Wachtwoord", { exact: true }).fill("not-the-password");
    await page.getByRole("button", { name: "Aanmelden" }).click();
    const alert = page.getByRole("alert");
    await expect(alert).toContainText("Het e-mailadres of het wachtwoord klopt niet");
    await expect(page).toHaveURL(/\/login$/);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, "login-error");
  });

  test("too many failed attempts say how long to wait", async ({ page }) => {
    // An address that does not exist: throttling answers the same as for a real account.
    await page.goto("/login");
    await page.getByLabel("E-mailadres").fill("niemand@voorbeeld.be");
    const password = page.getByLabel("Wachtwoord", { exact: true });
    const submit = page.getByRole("button", { name: "Aanmelden" });
    const alert = page.getByRole("alert");
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      await password.fill(`fout-${attempt}`);
      const answered = page.waitForResponse("**/api/v1/auth/login");
      await submit.click();
      expect((await answered).status()).toBe(401);
    }
    await password.fill("fout-6");
    const answered = page.waitForResponse("**/api/v1/auth/login");
    await submit.click();
    const response = await answered;
    expect(response.status()).toBe(429);
    const waitSeconds = Number(response.headers()["retry-after"]);
    expect(waitSeconds).toBeGreaterThan(0);
    await expect(alert).toContainText("Te veel mislukte pogingen");
    await expect(alert).toContainText(
      waitSeconds > 90 ? `${Math.ceil(waitSeconds / 60)} minuten` : `${waitSeconds} seconde`,
    );
    await screenshot(page, "login-throttled");
  });

  test("empty fields are explained next to the field", async ({ page }) => {
    await page.goto("/login");
    await page.getByRole("button", { name: "Aanmelden" }).click();
    await expect(page.getByText("Vul je e-mailadres in.")).toBeVisible();
    await expect(page.getByText("Vul je wachtwoord in.")).toBeVisible();
    await expect(page.getByLabel("E-mailadres")).toBeFocused();
    await expect(page.getByLabel("E-mailadres")).toHaveAttribute("aria-invalid", "true");
  });
});

test.describe("als beheerder", () => {
  test("start page, beheer, search, and sign out", async ({ page }) => {
    await logIn(page, ADMIN);

    // Start page: name, translated role and organisation.
    await expect(page).toHaveURL(/\/$/);
    const main = page.getByRole("main");
    await expect(main.getByText("Beheerder", { exact: true })).toBeVisible();
    const banner = page.getByRole("banner");
    await expect(banner.getByRole("link", { name: "Beheer" })).toBeVisible();
    await expect(banner.getByRole("button", { name: "Afmelden" })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, "start");

    // Beheer → Organisaties.
    await banner.getByRole("link", { name: "Beheer" }).click();
    await expect(page).toHaveURL(/\/beheer\/organisaties$/);
    await expect(page.getByRole("heading", { level: 1, name: "Beheer" })).toBeVisible();
    const organisations = page.getByRole("table", { name: "Organisaties" });
    for (const name of ["De Werkplaats vzw", "GTB Oost-Vlaanderen", "CGG Scheldeland"]) {
      await expect(organisations.getByRole("rowheader", { name })).toBeVisible();
    }
    await expect(organisations.getByRole("columnheader", { name: "Soort" })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, "beheer");

    // Search narrows the list and is kept in the URL.
    await page.getByLabel("Zoek een organisatie op naam").fill("Scheldeland");
    await expect(page).toHaveURL(/\/beheer\/organisaties\?q=Scheldeland$/);
    await expect(organisations.getByRole("rowheader", { name: "CGG Scheldeland" })).toBeVisible();
    await expect(organisations.getByRole("rowheader", { name: "De Werkplaats vzw" })).toHaveCount(0);
    await page.reload();
    await expect(page.getByLabel("Zoek een organisatie op naam")).toHaveValue("Scheldeland");
    await expect(organisations.getByRole("rowheader")).toHaveCount(1);

    // A search without hits says so.
    await page.getByLabel("Zoek een organisatie op naam").fill("bestaat-niet-xyz");
    await expect(page.getByText("Geen organisaties gevonden voor ‘bestaat-niet-xyz’.")).toBeVisible();

    // Gebruikers.
    await page.getByRole("navigation", { name: "Onderdelen van beheer" }).getByRole("link", { name: "Gebruikers" }).click();
    await expect(page).toHaveURL(/\/beheer\/gebruikers$/);
    const users = page.getByRole("table", { name: "Gebruikers" });
    await expect(users.getByRole("cell", { name: ADMIN.email })).toBeVisible();
    await expect(users.getByRole("cell", { name: COACH.email })).toBeVisible();
    await expect(users.getByRole("columnheader", { name: "Beroepsgeheim" })).toBeVisible();
    await expect(users.getByRole("cell", { name: "Werkvloerbegeleider" }).first()).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, "beheer-gebruikers");

    await page.getByLabel("Zoek een gebruiker op naam").fill("zzz-niemand");
    await expect(page.getByText("Geen gebruikers gevonden voor ‘zzz-niemand’.")).toBeVisible();

    // Sign out: back on the login page, and the app no longer lets you in.
    await page.getByRole("button", { name: "Afmelden" }).click();
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByText("Je bent afgemeld.")).toBeVisible();
    await page.goto("/beheer");
    await expect(page).toHaveURL(/\/login\?next=%2Fbeheer$/);
  });

  test("a reload keeps the session through the refresh cookie", async ({ page }) => {
    await logIn(page, ADMIN);
    await page.goto("/beheer/gebruikers");
    await expect(page.getByRole("table", { name: "Gebruikers" })).toBeVisible();
    await page.reload();
    await expect(page).toHaveURL(/\/beheer\/gebruikers$/);
    await expect(page.getByRole("table", { name: "Gebruikers" })).toBeVisible();
    // The access token lives in memory only.
    const stored = await page.evaluate(() => {
      const values: string[] = [];
      for (const storage of [window.localStorage, window.sessionStorage]) {
        for (let i = 0; i < storage.length; i += 1) {
          const key = storage.key(i);
          if (key !== null) values.push(`${key}=${storage.getItem(key) ?? ""}`);
        }
      }
      return values.join("\n");
    });
    expect(stored).not.toMatch(/eyJ/);
  });

  test("a deep link survives the login detour", async ({ page }) => {
    await page.goto("/beheer/gebruikers?q=coach");
    await expect(page).toHaveURL(/\/login\?next=/);
    await page.getByLabel("E-mailadres").fill(ADMIN.email);
    await page.getByLabel("Wachtwoord", { exact: true }).fill(ADMIN.password);
    await page.getByRole("button", { name: "Aanmelden" }).click();
    await expect(page).toHaveURL(/\/beheer\/gebruikers\?q=coach$/);
    await expect(page.getByLabel("Zoek een gebruiker op naam")).toHaveValue("coach");
  });
});

test.describe("als werkvloerbegeleider", () => {
  test("the coach sees the start page without Beheer", async ({ page }) => {
    await logIn(page, COACH);
    await expect(page.getByRole("main").getByText("Werkvloerbegeleider", { exact: true })).toBeVisible();
    await expect(page.getByRole("main").getByText("De Werkplaats vzw").first()).toBeVisible();
    await expect(page.getByRole("link", { name: "Beheer" })).toHaveCount(0);
    await page.goto("/beheer");
    await expect(page.getByRole("heading", { level: 1, name: "Geen toegang" })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, "start-coach");
  });
});

test.describe("op een tablet", () => {
  test.use({ viewport: { width: 768, height: 1024 }, hasTouch: true });

  test("every control in the header and the list is at least 44 px high", async ({ page }) => {
    await logIn(page, ADMIN);
    await page.goto("/beheer/organisaties");
    await expect(page.getByRole("table", { name: "Organisaties" })).toBeVisible();
    const controls = page.locator("header a, header button, main button, main input, main nav a");
    const count = await controls.count();
    expect(count).toBeGreaterThan(6);
    for (let i = 0; i < count; i += 1) {
      const control = controls.nth(i);
      const box = await control.boundingBox();
      const label = (await control.textContent()) ?? "";
      expect(box?.height ?? 0, `height of "${label}"`).toBeGreaterThanOrEqual(44);
    }
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, "beheer-tablet");
  });
});
