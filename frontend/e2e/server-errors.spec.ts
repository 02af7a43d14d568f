import { ADMIN, expect, logIn, test } from "./helpers";

// A rule only the server knows: a partnership's name is unique. The server answers 409 with
// `errors: [{field: "name", code: "already_in_use", message: "is already in use"}]`; the form
// shows the Dutch text for the code next to the field, not the server's English.
test.describe("Server field errors in Dutch", () => {
  test("a duplicate partnership name is refused in Dutch next to the name field", async ({ page }) => {
    await logIn(page, ADMIN);
    await page.goto("/beheer/samenwerkingsverbanden");
    const table = page.getByRole("table", { name: "Samenwerkingsverbanden" });
    const taken = (await table.getByRole("rowheader").first().textContent())?.trim() ?? "";
    expect(taken).not.toBe("");

    await page.getByRole("button", { name: "Nieuw samenwerkingsverband" }).click();
    const dialog = page.getByRole("dialog", { name: "Nieuw samenwerkingsverband" });
    const name = dialog.getByLabel("Naam van het samenwerkingsverband");
    await name.fill(taken);
    await dialog.getByLabel("Organisatie (lid 1)").selectOption({ label: "Herstelacademie Gent vzw" });
    await dialog.getByLabel("Rol in het verband (lid 1)").selectOption({ label: "Zorg" });
    await dialog.getByLabel("Eindverantwoordelijke organisatie").selectOption({ label: "Herstelacademie Gent vzw" });

    const answer = page.waitForResponse((response) => response.url().endsWith("/api/v1/partnerships") && response.request().method() === "POST");
    await dialog.getByRole("button", { name: "Samenwerkingsverband aanmaken" }).click();
    const response = await answer;
    expect(response.status()).toBe(409);
    expect((await response.json()) as unknown).toMatchObject({ errors: [{ field: "name", code: "already_in_use" }] });

    await expect(name).toHaveAttribute("aria-invalid", "true");
    await expect(name).toHaveAccessibleDescription(/Dit is al in gebruik\./);
    await expect(dialog.getByText("Dit is al in gebruik.")).toBeVisible();
    await expect(dialog.getByText("is already in use")).toHaveCount(0);
    await page.keyboard.press("Escape");
    await expect(dialog).toHaveCount(0);
  });
});
