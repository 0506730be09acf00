// The feedback form posts to the configured API and loads its script only when submitted.
import { describe, expect, it } from "vitest";
import { feedbackUrl } from "../config.ts";
import { render } from "../test/render.ts";
import FeedbackWidget from "./FeedbackWidget.astro";

describe("FeedbackWidget", () => {
  it("targets the API's feedback endpoint and names the article", async () => {
    const html = await render(FeedbackWidget, { locale: "fr", article: "fr/delais-de-reponse" });
    expect(html).toContain(`action="${feedbackUrl}"`);
    expect(feedbackUrl).toMatch(/\/v1\/feedback$/);
    expect(html).toContain('data-article="fr/delais-de-reponse"');
    expect(html).toContain("Cet article vous a-t-il été utile");
    expect(html).toMatch(/onsubmit="event\.preventDefault\(\);import\(/);
    expect(html).toContain('role="status"');
    expect(html).not.toContain("<script");
  });

  it("speaks English on English pages", async () => {
    const html = await render(FeedbackWidget, { locale: "en", article: "en/response-times" });
    expect(html).toContain("Was this article helpful?");
    expect(html).toContain(">Yes<");
  });
});
