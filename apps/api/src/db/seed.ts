/**
 * Demo data for the embedded default (never production): one organization per plan, customers in
 * each, two agents, one admin, and requests in every status, with known demo passwords.
 * Built through the same commands the API uses, so the data obeys the domain's rules.
 */
import type { Kysely } from "kysely";
import { hashPassword } from "../auth/passwords.ts";
import { proposeQuote } from "../commands/quotes.ts";
import { addMessage, assignRequest, changeStatus, openRequest } from "../commands/requests.ts";
import { newId } from "./ids.ts";
import type { Database, User } from "./schema.ts";

export const demoPassword = "cirrus-demo-2026";

export interface DemoLogin {
  readonly email: string;
  readonly role: string;
  readonly organization: string | null;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Whether the database holds no organization and no user yet (a fresh install). */
export async function isEmpty(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom("users").select("id").limit(1).executeTakeFirst();
  return !row;
}

/** Creates the demo data; returns the logins to print. `now` anchors every demo date. */
export async function seedDemo(db: Kysely<Database>, now: Date = new Date()): Promise<DemoLogin[]> {
  const passwordHash = await hashPassword(demoPassword);
  const at = (offsetMs: number) => new Date(now.getTime() + offsetMs);
  const iso = now.toISOString();

  const orgs = {
    free: { id: newId(), name: "Atelier Dupont", tier: "free" as const, addOns: [] as string[] },
    paying: { id: newId(), name: "Boulangerie Martin SARL", tier: "paying" as const, addOns: [] as string[] },
    payingDev: {
      id: newId(),
      name: "Logiciels Moreau",
      tier: "paying" as const,
      addOns: ["developer-support"],
    },
    premium: { id: newId(), name: "Transports Lefèvre", tier: "premium" as const, addOns: [] as string[] },
  };
  for (const org of Object.values(orgs)) {
    await db
      .insertInto("organizations")
      .values({
        id: org.id,
        name: org.name,
        tier: org.tier,
        addOns: JSON.stringify(org.addOns),
        createdAt: iso,
        updatedAt: iso,
      })
      .execute();
  }

  const users: Record<string, User> = {};
  const people: Array<
    [
      key: string,
      name: string,
      email: string,
      role: User["role"],
      orgId: string | null,
      locale: User["locale"],
    ]
  > = [
    ["free", "Julie Dupont", "julie@atelier-dupont.fr", "customer", orgs.free.id, "fr"],
    ["paying", "Marc Martin", "marc@boulangerie-martin.fr", "customer", orgs.paying.id, "fr"],
    ["paying2", "Sophie Bernard", "sophie@boulangerie-martin.fr", "customer", orgs.paying.id, "fr"],
    ["payingDev", "Thomas Moreau", "thomas@logiciels-moreau.fr", "customer", orgs.payingDev.id, "en"],
    ["premium", "Claire Lefèvre", "claire@transports-lefevre.fr", "customer", orgs.premium.id, "fr"],
    ["premium2", "Karim Haddad", "karim@transports-lefevre.fr", "customer", orgs.premium.id, "fr"],
    ["agent", "Léa Support", "lea@cirrus-shield.com", "agent", null, "fr"],
    ["agent2", "Hugo Support", "hugo@cirrus-shield.com", "agent", null, "en"],
    ["admin", "Nadia Admin", "admin@cirrus-shield.com", "admin", null, "fr"],
  ];
  for (const [key, name, email, role, organizationId, locale] of people) {
    const user: User = {
      id: newId(),
      organizationId,
      email,
      emailNormalized: email.toLowerCase(),
      name,
      role,
      locale,
      passwordHash,
      disabledAt: null,
      createdAt: iso,
      updatedAt: iso,
    };
    await db.insertInto("users").values(user).execute();
    users[key] = user;
  }
  const u = (key: string) => users[key] as User;

  // Requests in every status, received at various times so SLA states differ.
  const newPremium = await openRequest(
    db,
    u("premium"),
    {
      subject: "Impossible d’accéder au module Facturation",
      category: "bug",
      criticality: "critical",
      body: "Depuis ce matin, le module Facturation affiche une page blanche pour tous nos utilisateurs. Nous ne pouvons plus émettre de factures.",
    },
    at(-2 * HOUR),
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
  );
  await addMessage(
    db,
    open,
    u("agent2"),
    { body: "Vérifier avec l’équipe produit si le curseur est documenté.", visibility: "internal" },
    at(-2 * DAY + 3 * HOUR + 60_000),
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
  );
  await changeStatus(db, closed, { user: u("paying"), as: "customer" }, "closed", null, at(-18 * DAY));

  const quote = await openRequest(
    db,
    u("premium"),
    {
      subject: "Connecteur vers notre logiciel de transport",
      category: "custom-development",
      body: "Nous souhaitons synchroniser chaque nuit les tournées de notre logiciel TMS avec les opportunités Cirrus Shield.",
    },
    at(-3 * DAY),
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
  );
  await addMessage(
    db,
    quote,
    u("agent"),
    { body: "Bonjour Claire, notre proposition est jointe à la demande.", visibility: "public" },
    at(-1 * DAY),
  );
  void newPremium;

  return people.map(([key, , email, role]) => ({
    email,
    role,
    organization: users[key]?.organizationId
      ? (Object.values(orgs).find((o) => o.id === users[key]?.organizationId)?.name ?? null)
      : null,
  }));
}
