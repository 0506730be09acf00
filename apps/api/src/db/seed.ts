/**
 * Demo data for the embedded default (never production): one organization per plan, customers in
 * each, two agents, one admin, and requests in every status, with known demo passwords.
 * Built through the same commands the API uses, so the data obeys the domain's rules.
 */

import type { Locale, RoleId, SupportOptionId, TierId } from "@cirrus/domain";
import type { Kysely } from "kysely";
import { hashPassword } from "../auth/passwords.ts";
import { proposeQuote } from "../commands/quotes.ts";
import { addMessage, assignRequest, changeStatus, openRequest } from "../commands/requests.ts";
import type { MailLinks } from "../mail/notifications.ts";
import { newId } from "./ids.ts";
import type { Database, User } from "./schema.ts";

export const demoPassword = "cirrus-demo-2026";

/** The demo organizations, by key; names are what the portal shows. */
export const demoOrganizations = {
  free: { name: "Atelier Dupont", tier: "free", addOns: [] },
  paying: { name: "Boulangerie Martin SARL", tier: "paying", addOns: [] },
  payingDev: { name: "Logiciels Moreau", tier: "paying", addOns: ["developer-support"] },
  premium: { name: "Transports Lefèvre", tier: "premium", addOns: [] },
} as const satisfies Record<string, { name: string; tier: TierId; addOns: readonly SupportOptionId[] }>;

type OrgKey = keyof typeof demoOrganizations;

/** The demo accounts (all with `demoPassword`), printed by `npm start`. */
export const demoAccounts = [
  {
    key: "free",
    name: "Julie Dupont",
    email: "julie@atelier-dupont.fr",
    role: "customer",
    org: "free",
    locale: "fr",
  },
  {
    key: "paying",
    name: "Marc Martin",
    email: "marc@boulangerie-martin.fr",
    role: "customer",
    org: "paying",
    locale: "fr",
  },
  {
    key: "paying2",
    name: "Sophie Bernard",
    email: "sophie@boulangerie-martin.fr",
    role: "customer",
    org: "paying",
    locale: "fr",
  },
  {
    key: "payingDev",
    name: "Thomas Moreau",
    email: "thomas@logiciels-moreau.fr",
    role: "customer",
    org: "payingDev",
    locale: "en",
  },
  {
    key: "premium",
    name: "Claire Lefèvre",
    email: "claire@transports-lefevre.fr",
    role: "customer",
    org: "premium",
    locale: "fr",
  },
  {
    key: "premium2",
    name: "Karim Haddad",
    email: "karim@transports-lefevre.fr",
    role: "customer",
    org: "premium",
    locale: "fr",
  },
  {
    key: "agent",
    name: "Léa Moulin",
    email: "lea@cirrus-shield.com",
    role: "agent",
    org: null,
    locale: "fr",
  },
  {
    key: "agent2",
    name: "Hugo Petit",
    email: "hugo@cirrus-shield.com",
    role: "agent",
    org: null,
    locale: "en",
  },
  {
    key: "admin",
    name: "Nadia Admin",
    email: "admin@cirrus-shield.com",
    role: "admin",
    org: null,
    locale: "fr",
  },
] as const satisfies ReadonlyArray<{
  key: string;
  name: string;
  email: string;
  role: RoleId;
  org: OrgKey | null;
  locale: Locale;
}>;

/** One line per demo account, for the console. */
export function demoLoginLines(): string[] {
  return demoAccounts.map(
    (a) =>
      `  ${a.role.padEnd(8)} ${a.email.padEnd(30)} ${a.org ? `${demoOrganizations[a.org].name} (${demoOrganizations[a.org].tier})` : "Cirrus Shield staff"}`,
  );
}

/** Whether the demo data is present (its admin account exists). */
export async function hasDemoData(db: Kysely<Database>): Promise<boolean> {
  const row = await db
    .selectFrom("users")
    .select("id")
    .where("emailNormalized", "=", "admin@cirrus-shield.com")
    .executeTakeFirst();
  return row !== undefined;
}

/** Canned replies agents can insert into their answers, in both languages. */
export const demoCannedReplies = [
  {
    title: "Demander les étapes et une capture d’écran",
    locale: "fr",
    body: [
      "Bonjour,",
      "",
      "Merci pour votre message. Pour que nous puissions reproduire le problème, pourriez-vous nous indiquer :",
      "- les étapes exactes qui y mènent (menu, objet, bouton) ;",
      "- ce que vous attendiez et ce qui s’est produit à la place ;",
      "- la date et l’heure approximatives, et le navigateur utilisé ;",
      "- une capture d’écran du message d’erreur ou de la page concernée.",
      "",
      "Dès réception, nous reprenons l’analyse.",
      "",
      "Cordialement,",
      "L’équipe support Cirrus Shield",
    ].join("\n"),
  },
  {
    title: "Ask for steps to reproduce and a screenshot",
    locale: "en",
    body: [
      "Hello,",
      "",
      "Thank you for your message. So that we can reproduce the problem, could you tell us:",
      "- the exact steps that lead to it (menu, object, button);",
      "- what you expected and what happened instead;",
      "- roughly when it happened, and which browser you use;",
      "- a screenshot of the error message or of the page concerned.",
      "",
      "We will resume our analysis as soon as we hear from you.",
      "",
      "Kind regards,",
      "The Cirrus Shield support team",
    ].join("\n"),
  },
  {
    title: "Correctif déployé — merci de confirmer",
    locale: "fr",
    body: [
      "Bonjour,",
      "",
      "Un correctif vient d’être déployé sur votre environnement. Pourriez-vous vérifier de votre côté que tout fonctionne à nouveau ?",
      "",
      "Sans nouvelle de votre part, nous considérerons la demande comme résolue ; vous pourrez la rouvrir dans les 30 jours en répondant simplement à ce message.",
      "",
      "Cordialement,",
      "L’équipe support Cirrus Shield",
    ].join("\n"),
  },
  {
    title: "Developer support is not included in your plan",
    locale: "en",
    body: [
      "Hello,",
      "",
      "Your question is about development (APIs, scripts, code). Developer support — answers to developers' questions, without writing code — is not included in the Paying plan: it is available as an add-on, and it is included in Premium support.",
      "",
      "If you would like us to write the code for you, we can also prepare a quote for custom development.",
      "",
      "Kind regards,",
      "The Cirrus Shield support team",
    ].join("\n"),
  },
] as const satisfies ReadonlyArray<{ title: string; locale: Locale; body: string }>;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Whether the database holds no organization and no user yet (a fresh install). */
export async function isEmpty(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom("users").select("id").limit(1).executeTakeFirst();
  return !row;
}

/** Why the demo's mails show as done without having been sent (see the end of `seedDemo`). */
export const demoMailNote = "Demo data: kept in the outbox, never delivered.";

/** The local portal and help center, for links in the demo's notification mails. */
const localLinks: MailLinks = { portalUrl: "http://localhost:4322", helpUrl: "http://localhost:4321" };

/**
 * Creates the demo data. `now` anchors every demo date, so SLA states vary as in real life. The
 * commands queue their notification mails as usual, so the outbox (and the development mailbox)
 * shows what the demo customers would have received — marked done, never delivered (see the end).
 */
export async function seedDemo(
  db: Kysely<Database>,
  now: Date = new Date(),
  links: MailLinks = localLinks,
): Promise<void> {
  const passwordHash = await hashPassword(demoPassword);
  const at = (offsetMs: number) => new Date(now.getTime() + offsetMs);
  const iso = now.toISOString();

  const orgIds = {} as Record<OrgKey, string>;
  for (const [key, org] of Object.entries(demoOrganizations) as Array<
    [OrgKey, (typeof demoOrganizations)[OrgKey]]
  >) {
    orgIds[key] = newId();
    await db
      .insertInto("organizations")
      .values({
        id: orgIds[key],
        name: org.name,
        tier: org.tier,
        addOns: JSON.stringify(org.addOns),
        createdAt: iso,
        updatedAt: iso,
      })
      .execute();
  }

  const users: Record<string, User> = {};
  for (const account of demoAccounts) {
    const user: User = {
      id: newId(),
      organizationId: account.org ? orgIds[account.org] : null,
      email: account.email,
      emailNormalized: account.email,
      name: account.name,
      role: account.role,
      locale: account.locale,
      passwordHash,
      disabledAt: null,
      createdAt: iso,
      updatedAt: iso,
    };
    await db.insertInto("users").values(user).execute();
    users[account.key] = user;
  }
  const u = (key: string) => users[key] as User;

  for (const reply of demoCannedReplies) {
    await db
      .insertInto("cannedReplies")
      .values({ id: newId(), ...reply, createdBy: u("agent").id, createdAt: iso, updatedAt: iso })
      .execute();
  }

  // Requests in every status, received at various times so SLA states differ.
  await openRequest(
    db,
    u("premium"),
    {
      subject: "Impossible d’accéder au module Facturation",
      category: "bug",
      criticality: "critical",
      body: "Depuis ce matin, le module Facturation affiche une page blanche pour tous nos utilisateurs. Nous ne pouvons plus émettre de factures.",
    },
    at(-2 * HOUR),
    links,
  );
  await openRequest(
    db,
    u("paying"),
    {
      subject: "Comment exporter la liste des contacts en CSV ?",
      category: "usage-question",
      body: "Bonjour, je souhaite exporter tous nos contacts avec leurs adresses. Où se trouve l’option d’export ?",
    },
    at(-3 * DAY),
    links,
  );
  const open = await openRequest(
    db,
    u("payingDev"),
    {
      subject: "API REST : pagination des objets personnalisés",
      category: "developer-question",
      body: "Hello, how do I page through more than 2,000 records of a custom object with the REST API?",
    },
    at(-2 * DAY),
    links,
  );
  await addMessage(
    db,
    open,
    u("agent2"),
    {
      body: "Hello Thomas, use the `offset` parameter together with `limit` (max 200). I am checking whether a cursor exists for custom objects.",
      visibility: "public",
    },
    at(-2 * DAY + 3 * HOUR),
    links,
  );
  await addMessage(
    db,
    open,
    u("agent2"),
    { body: "Vérifier avec l’équipe produit si le curseur est documenté.", visibility: "internal" },
    at(-2 * DAY + 3 * HOUR + 60_000),
    links,
  );
  await assignRequest(db, open, u("agent2"), u("agent2").id, at(-2 * DAY + 3 * HOUR));

  const waiting = await openRequest(
    db,
    u("premium2"),
    {
      subject: "Lenteurs sur le tableau de bord commercial",
      category: "bug",
      criticality: "major",
      body: "Le tableau de bord met plus de 30 secondes à s’afficher depuis lundi.",
    },
    at(-4 * DAY),
    links,
  );
  await addMessage(
    db,
    waiting,
    u("agent"),
    {
      body: "Bonjour Karim, pouvez-vous nous indiquer le nom du tableau de bord et le navigateur utilisé ?",
      visibility: "public",
      status: "waiting-on-customer",
    },
    at(-4 * DAY + 2 * HOUR),
    links,
  );

  const resolved = await openRequest(
    db,
    u("paying2"),
    {
      subject: "Mot de passe d’un collaborateur",
      category: "usage-question",
      body: "Un collaborateur ne reçoit pas l’e-mail de réinitialisation.",
    },
    at(-6 * DAY),
    links,
  );
  await addMessage(
    db,
    resolved,
    u("agent"),
    {
      body: "Bonjour Sophie, l’adresse contenait une faute de frappe ; elle est corrigée. Il peut réessayer.",
      visibility: "public",
      status: "resolved",
    },
    at(-5 * DAY),
    links,
  );

  const closed = await openRequest(
    db,
    u("paying"),
    {
      subject: "Ajout d’un champ sur la fiche client",
      category: "usage-question",
      body: "Comment ajouter un champ « SIRET » sur la fiche client ?",
    },
    at(-20 * DAY),
    links,
  );
  await addMessage(
    db,
    closed,
    u("agent"),
    {
      body: "Bonjour Marc, depuis Configuration > Objets > Compte > Champs, cliquez sur « Nouveau ».",
      visibility: "public",
      status: "resolved",
    },
    at(-19 * DAY),
    links,
  );
  await changeStatus(db, closed, { user: u("paying"), as: "customer" }, "closed", null, at(-18 * DAY), links);

  const quote = await openRequest(
    db,
    u("premium"),
    {
      subject: "Connecteur vers notre logiciel de transport",
      category: "custom-development",
      body: "Nous souhaitons synchroniser chaque nuit les tournées de notre logiciel TMS avec les opportunités Cirrus Shield.",
    },
    at(-3 * DAY),
    links,
  );
  await addMessage(
    db,
    quote,
    u("agent"),
    {
      body: "Bonjour Claire, nous étudions votre besoin et revenons vers vous avec un devis sous 48 heures.",
      visibility: "public",
    },
    at(-3 * DAY + 2 * HOUR),
    links,
  );
  await proposeQuote(
    db,
    quote,
    u("agent"),
    {
      amountCents: 480_000,
      effortDays: 6,
      validUntil: new Date(now.getTime() + 30 * DAY).toISOString().slice(0, 10),
      terms: "Développement du connecteur, tests et mise en production. Maintenance non incluse.",
    },
    at(-1 * DAY),
    links,
  );
  await addMessage(
    db,
    quote,
    u("agent"),
    { body: "Bonjour Claire, notre proposition est jointe à la demande.", visibility: "public" },
    at(-1 * DAY),
    links,
  );

  // The demo's notification mails stay readable in the development mailbox but are never delivered:
  // the demo addresses may belong to real companies, and SMTP_URL may point at a real relay.
  await db
    .updateTable("outbox")
    .set((eb) => ({ sentAt: eb.ref("createdAt"), lastError: demoMailNote }))
    .where("sentAt", "is", null)
    .execute();
}
