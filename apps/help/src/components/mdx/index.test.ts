// The component map articles get and the list the content loader checks against are the same.
import { describe, expect, it } from "vitest";
import { mdxComponents } from "./index.ts";
import { articleComponentNames } from "./names.ts";

describe("article components", () => {
  it("match the names the loader accepts", () => {
    expect(Object.keys(mdxComponents).sort()).toEqual([...articleComponentNames].sort());
  });
});
