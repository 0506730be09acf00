import { chromium } from "@playwright/test";
const base = process.argv[2];
const ranking = JSON.parse(process.argv[3] ?? "{}");
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu"] });
const page = await browser.newPage();
const qs = { fr: [["jour ouvré","delais-de-reponse"],["délai de réponse","delais-de-reponse"],["criticité","choisir-la-criticite"],["devis","demander-un-devis"],["mot de passe","invitation-et-mot"]], en: [["business day","response-times"],["response time","response-times"],["criticality","choosing-criticality"],["quote","request-a-custom"],["password","invitation-and-password"]] };
for (const [lang, list] of Object.entries(qs)) {
  await page.goto(`${base}${lang === "en" ? "/en" : ""}/search/`);
  for (const [q, exp] of list) {
    const r = await page.evaluate(async ([q, ranking, verbose]) => {
      const pf = await import(document.documentElement.lang === "en" ? "/en/pagefind/pagefind.js" : "/pagefind/pagefind.js");
      await pf.options({ ranking, noWorker: true });
      await pf.init();
      const res = await pf.search(q);
      const data = await Promise.all(res.results.slice(0, 3).map((x) => x.data()));
      return data.map((d, i) => `${res.results[i].score.toFixed(2)} ${d.url}` + (verbose ? ` ${JSON.stringify(d.weighted_locations.slice(0,12).map(w=>[w.weight,+w.balanced_score.toFixed(1)]))}` : ""));
    }, [q, ranking, process.env.VERBOSE === "1"]);
    console.log(r[0].includes(exp) ? "✓" : "✗", lang, JSON.stringify(q), r.join(" | "));
  }
}
await browser.close();
