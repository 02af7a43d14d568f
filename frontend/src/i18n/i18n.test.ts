import { describe, expect, it } from "vitest";

import en from "./en.json";
import nl from "./nl.json";

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? "").sort();
}

const nlLeaves = leaves(nl);
const enLeaves = leaves(en);

describe("translations", () => {
  it("nl and en have exactly the same keys", () => {
    expect([...enLeaves.keys()].sort()).toEqual([...nlLeaves.keys()].sort());
  });

  it("every translation is filled in", () => {
    for (const [key, text] of [...nlLeaves, ...enLeaves]) {
      expect(text.trim(), key).not.toBe("");
    }
  });

  it("nl and en use the same placeholders for each key", () => {
    for (const [key, text] of nlLeaves) {
      expect(placeholders(enLeaves.get(key) ?? ""), key).toEqual(placeholders(text));
    }
  });

  it("every role, organisation kind and province has a label", () => {
    const roles = ["coach", "mediator", "counsellor", "manager", "admin"];
    for (const role of roles) expect(nlLeaves.get(`role.${role}`)).toBeTruthy();
    expect(nlLeaves.get("role.coach")).toBe("Werkvloerbegeleider");
    expect(nlLeaves.get("role.mediator")).toBe("Trajectbegeleider");
    expect(nlLeaves.get("role.counsellor")).toBe("GGZ-begeleider");
    expect(nlLeaves.get("role.manager")).toBe("Coördinator");
    expect(nlLeaves.get("role.admin")).toBe("Beheerder");
  });
});
