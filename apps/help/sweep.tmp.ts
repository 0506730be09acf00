import { chromium } from "@playwright/test";
const base = process.argv[2];
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu"] });
const page = await browser.newPage();
const qs = { fr: [["jour ouvré","delais-de-reponse"],["délai de réponse","delais-de-reponse"],["criticité","choisir-la-criticite"],["devis","demander-un-devis"],["mot de passe","invitation-et-mot"]], en: [["business day","response-times"],["response time","response-times"],["criticality","choosing-criticality"],["quote","request-a-custom"],["password","invitation-and-password"]] };
const grid = [];
for (const keywords of [0, 10, 40]) grid.push({ pageLength: 0.75, metaWeights: { keywords, title: 1 } });
for (const ranking of grid) {
  let ok = 0; const margins = []; const fails = [];
  for (const [lang, list] of Object.entries(qs)) {
    await page.goto(`${base}${lang === "en" ? "/en" : ""}/search/`);
    for (const [q, exp] of list) {
      const r = await page.evaluate(async ([q, ranking]) => {
        const pf = await import(document.documentElement.lang === "en" ? "/en/pagefind/pagefind.js" : "/pagefind/pagefind.js");
        await pf.options({ ranking, noWorker: true });
        await pf.init();
        const res = await pf.search(q);
        const d = await Promise.all(res.results.slice(0, 2).map((x) => x.data()));
        return d.map((x, i) => [x.url, res.results[i].score]);
      }, [q, ranking]);
      if (r[0][0].includes(exp)) { ok++; margins.push(r[0][1] / (r[1]?.[1] ?? 1)); } else fails.push(q);
      console.log("   ", q, r.map(([u, sc]) => `${sc.toFixed(1)} ${u}`).join(" | "));
    }
  }
  console.log(ok, JSON.stringify(ranking), "min margin", Math.min(...margins).toFixed(2), fails.join(","));
}
await browser.close();
