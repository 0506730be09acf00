// LifecycleDays prints the domain's lifecycle delays, so articles never type them.
import { autoCloseAfterDays, reopenWindowDays } from "@cirrus/domain";
import { describe, expect, it } from "vitest";
import { render, textOf } from "../test/render.ts";
import LifecycleDays from "./LifecycleDays.astro";

describe("LifecycleDays", () => {
  it("prints the auto-close delay and the reopen window in both languages", async () => {
    const nbsp = "\u00a0";
    expect(textOf(await render(LifecycleDays, { locale: "fr", of: "autoClose" }))).toBe(
      `${autoCloseAfterDays}${nbsp}jours`,
    );
    expect(textOf(await render(LifecycleDays, { locale: "en", of: "reopenWindow" }))).toBe(
      `${reopenWindowDays}${nbsp}days`,
    );
  });
});
