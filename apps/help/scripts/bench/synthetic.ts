/**
 * Synthetic help articles for the benchmark: plausible support prose in French or English,
 * deterministic (seeded), with headings, lists, links and some of the shared components.
 */

const categories = ["support-offer", "requests", "sla", "account"] as const;

const words = {
  fr: {
    subjects: [
      "l’administrateur",
      "votre équipe",
      "le support",
      "chaque utilisateur",
      "le responsable commercial",
      "le portail",
      "votre organisation",
      "le gestionnaire de comptes",
    ],
    verbs: [
      "configure",
      "vérifie",
      "exporte",
      "partage",
      "met à jour",
      "consulte",
      "archive",
      "importe",
      "synchronise",
      "valide",
    ],
    objects: [
      "les contacts",
      "le tableau de bord",
      "les opportunités",
      "le rapport mensuel",
      "les droits d’accès",
      "les champs personnalisés",
      "la liste des comptes",
      "les modèles d’e-mail",
      "les workflows",
      "les tâches planifiées",
    ],
    tails: [
      "avant la clôture du trimestre.",
      "depuis l’onglet Paramètres.",
      "sans interrompre le travail des autres.",
      "en quelques minutes.",
      "dès la fin de la migration.",
      "pour toute l’équipe commerciale.",
      "à partir d’un fichier CSV.",
      "selon les règles de votre organisation.",
    ],
    topics: [
      "Importer des contacts",
      "Personnaliser un tableau de bord",
      "Gérer les droits d’accès",
      "Automatiser un workflow",
      "Suivre les opportunités",
      "Exporter un rapport",
      "Configurer les notifications",
      "Archiver des comptes",
      "Fusionner des doublons",
      "Préparer une migration",
    ],
    headings: [
      "Avant de commencer",
      "Étapes",
      "Vérifier le résultat",
      "Problèmes fréquents",
      "Pour aller plus loin",
    ],
    keywords: [
      "import",
      "export",
      "tableau de bord",
      "workflow",
      "doublons",
      "notifications",
      "rapport",
      "droits",
    ],
    tip: "Enregistrez vos paramètres avant de quitter la page.",
  },
  en: {
    subjects: [
      "the administrator",
      "your team",
      "support",
      "each user",
      "the sales manager",
      "the portal",
      "your organization",
      "the account owner",
    ],
    verbs: [
      "configures",
      "checks",
      "exports",
      "shares",
      "updates",
      "reviews",
      "archives",
      "imports",
      "synchronizes",
      "approves",
    ],
    objects: [
      "the contacts",
      "the dashboard",
      "the opportunities",
      "the monthly report",
      "the access rights",
      "the custom fields",
      "the account list",
      "the e-mail templates",
      "the workflows",
      "the scheduled tasks",
    ],
    tails: [
      "before the quarter closes.",
      "from the Settings tab.",
      "without interrupting anyone else.",
      "in a few minutes.",
      "as soon as the migration ends.",
      "for the whole sales team.",
      "from a CSV file.",
      "following your organization’s rules.",
    ],
    topics: [
      "Importing contacts",
      "Customizing a dashboard",
      "Managing access rights",
      "Automating a workflow",
      "Tracking opportunities",
      "Exporting a report",
      "Setting up notifications",
      "Archiving accounts",
      "Merging duplicates",
      "Preparing a migration",
    ],
    headings: ["Before you start", "Steps", "Check the result", "Common problems", "Going further"],
    keywords: [
      "import",
      "export",
      "dashboard",
      "workflow",
      "duplicates",
      "notifications",
      "report",
      "rights",
    ],
    tip: "Save your settings before you leave the page.",
  },
} as const;

/** A small deterministic random generator (mulberry32). */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticArticle {
  readonly slug: string;
  readonly mdx: string;
}

/** Article number `n` of a language (translations share `n`, so they share a translationKey). */
export function syntheticArticle(locale: "fr" | "en", n: number): SyntheticArticle {
  const w = words[locale];
  const random = seeded(n * 7919 + 17);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const sentence = () => {
    const s = `${pick(w.subjects)} ${pick(w.verbs)} ${pick(w.objects)} ${pick(w.tails)}`;
    return s.charAt(0).toUpperCase() + s.slice(1);
  };
  const paragraph = () => Array.from({ length: 3 + Math.floor(random() * 3) }, sentence).join(" ");
  const topic = `${pick(w.topics)} (${n})`;
  const sections = w.headings.map((heading, i) => {
    const body = [
      paragraph(),
      i === 1 ? Array.from({ length: 4 }, () => `- ${sentence()}`).join("\n") : paragraph(),
    ];
    return `## ${heading}\n\n${body.join("\n\n")}`;
  });
  if (n % 3 === 0) sections.splice(2, 0, `<Callout type="tip">\n${w.tip}\n</Callout>`);
  if (n % 10 === 0) sections.push(`<ServiceLevels locale="${locale}" />`);
  const prefix = locale === "en" ? "/en" : "";
  sections.push(`[${locale === "fr" ? "Retour à l’accueil" : "Back to the help center"}](${prefix}/)`);
  const keywords = [pick(w.keywords), pick(w.keywords)];
  const frontmatter = [
    "---",
    `title: ${JSON.stringify(topic)}`,
    `description: ${JSON.stringify(sentence())}`,
    `category: ${categories[n % categories.length]}`,
    `translationKey: synthetic-${n}`,
    `order: ${100 + n}`,
    `keywords: ${JSON.stringify(keywords)}`,
    "---",
  ].join("\n");
  return {
    slug: `${locale === "fr" ? "article-synthetique" : "synthetic-article"}-${n}`,
    mdx: `${frontmatter}\n\n${paragraph()}\n\n${sections.join("\n\n")}\n`,
  };
}
