/**
 * Delivery guarantees of the outbox sender, against a real SMTP relay on loopback: while the relay
 * is down mails wait (attempts, backoff, last error) and none is lost; once it is back each goes out
 * exactly once — also with several senders draining the same outbox at the same time.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createLogger } from "../logger.ts";
import { createTestApp, type TestApp } from "../test-support/app.ts";
import { startTestRelay, type TestRelay } from "../test-support/smtp-relay.ts";
import { enqueueMail } from "./outbox.ts";
import { createSmtpTransport, drainOutbox, pendingCount, retryDelayMs, type SenderDeps } from "./sender.ts";

let t: TestApp;
let relay: TestRelay;
beforeAll(async () => {
  t = await createTestApp();
  relay = await startTestRelay();
});
afterAll(async () => {
  await relay.close();
  await t.close();
});
beforeEach(async () => {
  // Each test starts with an empty outbox and a listening relay.
  await t.db.deleteFrom("outbox").execute();
  relay.mails.length = 0;
});

function sender(extra: Partial<SenderDeps> = {}): SenderDeps {
  return {
    db: t.db,
    engine: t.engine,
    clock: t.clock.now,
    logger: createLogger("silent"),
    transport: createSmtpTransport(relay.url),
    from: "Cirrus Shield Support <support@cirrus-shield.com>",
    ...extra,
  };
}

async function queue(count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    ids.push(
      await enqueueMail(
        t.db,
        { kind: "test", to: `to-${i}@example.test`, locale: "fr", subject: `Mail ${i}`, text: `Texte ${i}` },
        t.clock.now(),
      ),
    );
  }
  return ids;
}

/** How many times the relay received each of our Message-IDs. */
function receivedCounts(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const mail of relay.mails) {
    const id = mail.parsed.messageId ?? "?";
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

describe("retry delays", () => {
  it("double from 30 s and stop growing at one hour", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 50].map(retryDelayMs)).toEqual([
      30_000, 60_000, 120_000, 240_000, 480_000, 960_000, 1_920_000, 3_600_000, 3_600_000,
    ]);
  });
});

describe("when the relay is down for a while", () => {
  it("keeps the mails with attempts, backoff and the error, then sends each exactly once when it is back", async () => {
    const ids = await queue(3);
    await relay.stop();
    try {
      const first = await drainOutbox(sender());
      expect(first).toEqual({ sent: 0, failed: 3 });
      let rows = await t.db.selectFrom("outbox").selectAll().orderBy("subject").execute();
      const start = t.clock.now().getTime();
      for (const row of rows) {
        expect(row).toMatchObject({ sentAt: null, attempts: 1, claimedUntil: null });
        expect(row.lastError).toMatch(/ECONNREFUSED|connect/i);
        expect(row.nextAttemptAt).toBe(new Date(start + 30_000).toISOString());
      }
      // Not due yet: nothing is tried.
      expect(await drainOutbox(sender())).toEqual({ sent: 0, failed: 0 });

      t.clock.advance(30_000);
      expect(await drainOutbox(sender())).toEqual({ sent: 0, failed: 3 });
      rows = await t.db.selectFrom("outbox").selectAll().execute();
      for (const row of rows) {
        expect(row.attempts).toBe(2);
        expect(row.nextAttemptAt).toBe(new Date(start + 30_000 + 60_000).toISOString());
      }
      expect(await pendingCount(t.db)).toBe(3);
    } finally {
      await relay.start();
    }
    expect(relay.mails).toEqual([]);

    t.clock.advance(60_000);
    const sentAt = t.clock.now().toISOString();
    expect(await drainOutbox(sender())).toEqual({ sent: 3, failed: 0 });
    expect(await drainOutbox(sender())).toEqual({ sent: 0, failed: 0 });
    t.clock.advance(3_600_000);
    expect(await drainOutbox(sender())).toEqual({ sent: 0, failed: 0 });

    const rows = await t.db.selectFrom("outbox").selectAll().execute();
    expect(rows.map((r) => r.id).sort()).toEqual([...ids].sort());
    for (const row of rows) {
      expect(row).toMatchObject({ sentAt, attempts: 3, lastError: null, claimedUntil: null });
    }
    const counts = receivedCounts();
    expect([...counts.keys()].sort()).toEqual(rows.map((r) => r.messageId).sort());
    expect([...counts.values()]).toEqual([1, 1, 1]);
  });

  it("retries a mail the relay refuses for a while (4xx), without losing it", async () => {
    await queue(1);
    const refusing = {
      sendMail: async () => {
        throw Object.assign(new Error("421 4.3.2 Service shutting down"), { responseCode: 421 });
      },
    };
    expect(await drainOutbox(sender({ transport: refusing }))).toEqual({ sent: 0, failed: 1 });
    const row = await t.db.selectFrom("outbox").selectAll().executeTakeFirstOrThrow();
    expect(row.lastError).toBe("421 4.3.2 Service shutting down");
    t.clock.advance(30_000);
    expect(await drainOutbox(sender())).toEqual({ sent: 1, failed: 0 });
    expect(relay.mails).toHaveLength(1);
  });
});

describe("several senders at once", () => {
  it("never send a row twice, and send them all", async () => {
    const ids = await queue(40);
    const drainers = Array.from({ length: 4 }, () => drainOutbox(sender({ batchSize: 3 })));
    const results = await Promise.all(drainers);
    expect(results.reduce((sum, r) => sum + r.sent, 0)).toBe(40);
    expect(results.reduce((sum, r) => sum + r.failed, 0)).toBe(0);
    const counts = receivedCounts();
    expect(counts.size).toBe(ids.length);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    expect(await pendingCount(t.db)).toBe(0);
    // The drainers really overlapped: more than one of them sent something.
    expect(results.filter((r) => r.sent > 0).length).toBeGreaterThan(1);
  });

  it("leave a row claimed by another sender alone until its claim expires (a crashed sender's rows are resent)", async () => {
    const [id] = await queue(1);
    const claimedUntil = new Date(t.clock.now().getTime() + 60_000).toISOString();
    await t.db
      .updateTable("outbox")
      .set({ claimedUntil })
      .where("id", "=", id ?? "")
      .execute();
    expect(await drainOutbox(sender())).toEqual({ sent: 0, failed: 0 });
    t.clock.advance(60_000);
    expect(await drainOutbox(sender())).toEqual({ sent: 1, failed: 0 });
    expect(relay.mails).toHaveLength(1);
  });
});
