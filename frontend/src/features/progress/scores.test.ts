import { describe, expect, it } from "vitest";

import { scoresForApi } from "./scores";

describe("scoresForApi", () => {
  it("sends filled-in scores, not-observed as null, and leaves out untouched items", () => {
    // An item nobody touched is not in the form's values at all (undefined).
    expect(scoresForApi({ punctuality: "3", pace: "", teamwork: "x", quality: "4", safety: undefined })).toEqual([
      { item_code: "punctuality", score: 3 },
      { item_code: "teamwork", score: null },
      { item_code: "quality", score: 4 },
    ]);
  });

  it("sends nothing when nothing was scored", () => {
    expect(scoresForApi({})).toEqual([]);
  });
});
