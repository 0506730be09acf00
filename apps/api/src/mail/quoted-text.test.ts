// The quoted history of replies as the common mail clients write it, and what must stay.
import { describe, expect, it } from "vitest";
import { stripQuotedHistory } from "./quoted-text.ts";

describe("stripQuotedHistory", () => {
  it.each([
    [
      "Gmail, French, attribution wrapped over two lines",
      "Merci !\n\nLe jeu. 26 nov. 2026 à 10:05, Support Cirrus Shield <\nsupport@cirrus-shield.com> a écrit :\n> Bonjour",
      "Merci !",
    ],
    [
      "Gmail, English",
      "Works now.\n\nOn Thu, 26 Nov 2026 at 10:05, Cirrus Shield Support <support@cirrus-shield.com> wrote:\n> Hello\n> there",
      "Works now.",
    ],
    [
      "Apple Mail, French",
      "D’accord.\n\nLe 26 nov. 2026 à 10:05, Support <support@cirrus-shield.com> a écrit :\n\n> Bonjour",
      "D’accord.",
    ],
    [
      "Outlook, Original Message",
      "Done.\r\n\r\n-----Original Message-----\r\nFrom: Support\r\nSent: Thursday\r\nHello",
      "Done.",
    ],
    ["Outlook, French", "C’est bon.\n\n-----Message d'origine-----\nDe : Support\nBonjour", "C’est bon."],
    [
      "Outlook, header block under a rule",
      "Vu.\n\n________________________________\nDe : Support Cirrus Shield <support@cirrus-shield.com>\nEnvoyé : jeudi 26 novembre 2026 10:05\nObjet : [CS-000001] Export",
      "Vu.",
    ],
    ["signature delimiter", "Merci\n\n-- \nClaire Lefèvre\nTransports Lefèvre", "Merci"],
    ["interleaved quotes keep the new lines", "> Question ?\nRéponse.\n> Autre ?\nOui.", "Réponse.\nOui."],
    ["no history", "Bonjour,\n\nle module est vide.\n\nClaire", "Bonjour,\n\nle module est vide.\n\nClaire"],
    [
      "a sentence starting with On is not an attribution",
      "On the export page, nothing happens.",
      "On the export page, nothing happens.",
    ],
    ["a reply that only quotes is kept whole", "> Bonjour\n> Merci", "> Bonjour\n> Merci"],
  ])("%s", (_name, input, expected) => {
    expect(stripQuotedHistory(input)).toBe(expected);
  });
});
