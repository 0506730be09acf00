// The dashboard's figures on a fixed data set, every expected number worked out by hand in the comments.
import { firstResponseDueAt, localDateOf } from "@cirrus/domain";
import { describe, expect, it } from "vitest";
import {
  type ActiveRequestRow,
  addDays,
  ageBucket,
  backlog,
  dashboardFigures,
  dashboardWindow,
  dayIndex,
  firstResponseSla,
  median,
  medianFirstResponseBusinessMinutes,
  mondayOf,
  type ReceivedRequestRow,
  receivedPerDay,
  receivedPerWeek,
} from "./dashboard-figures.ts";

/*
 * Calendar facts used below (Europe/Paris): summer time (UTC+2) ends Sunday 25 Oct 2026 at 01:00 UTC,
 * then UTC+1; business hours 09:00–18:00 are 07:00–16:00 UTC before, 08:00–17:00 UTC after.
 * Wednesday 11 Nov 2026 is a public holiday (Armistice). Monday 12 Oct 2026, Monday 10 Aug 2026.
 *
 * "Now" is Thursday 12 Nov 2026 10:00 Paris (09:00 UTC). The 30-day window is Wed 14 Oct … Thu
 * 12 Nov (18 days of October + 12 of November = 30); it starts at 14 Oct 00:00 Paris (summer
 * time) = 13 Oct 22:00 UTC.
 */
const now = new Date("2026-11-12T09:00:00.000Z");

const row = (
  tier: ReceivedRequestRow["tier"],
  receivedAt: string,
  firstResponseDueAt: string | null,
  firstRespondedAt: string | null,
): ReceivedRequestRow => ({ tier, receivedAt, firstResponseDueAt, firstRespondedAt });

/** Business minutes from receipt to first response, worked out by hand, next to each row. */
const received = {
  // Paris 13 Oct 23:59:59.999 (summer): the day before the window — counted nowhere.
  r1: row("premium", "2026-10-13T21:59:59.999Z", "2026-10-14T16:00:00.000Z", "2026-10-14T07:30:00.000Z"),
  // Paris Wed 14 Oct 00:00 (first instant of the window). Clock from 09:00, answered 09:30: 30 min. Met.
  r2: row("premium", "2026-10-13T22:00:00.000Z", "2026-10-14T16:00:00.000Z", "2026-10-14T07:30:00.000Z"),
  // Paris Wed 21 Oct 00:30 (22:30 UTC the day before, summer). Answered Thu 22 Oct 10:00 Paris:
  // Wed 540 + Thu 60 = 600 min. Due Thu 18:00 (16:00 UTC). Met.
  r3: row("paying", "2026-10-20T22:30:00.000Z", "2026-10-22T16:00:00.000Z", "2026-10-22T08:00:00.000Z"),
  // Paris Sun 25 Oct 00:30 (still summer time at 22:30 UTC on the 24th). Due Tue 27 Oct 18:00 Paris
  // (17:00 UTC, winter); answered 18:30 Paris: late. Mon 540 + Tue 540 = 1080 min. Breached.
  r4: row("paying", "2026-10-24T22:30:00.000Z", "2026-10-27T17:00:00.000Z", "2026-10-27T17:30:00.000Z"),
  // Paris Sun 25 Oct 23:30 (winter time from 01:00 UTC that day, so 22:30 UTC is the *same* Sunday).
  // Due Mon 26 Oct 18:00 Paris; never answered, now is past it. Breached, no response time.
  r5: row("premium", "2026-10-25T22:30:00.000Z", "2026-10-26T17:00:00.000Z", null),
  // Paris Thu 29 Oct 14:20, answered 14:27:30: 7.5 min. Met.
  r12: row("premium", "2026-10-29T13:20:00.000Z", "2026-10-30T13:20:00.000Z", "2026-10-29T13:27:30.000Z"),
  // 23:30 UTC on Mon 2 Nov is Tue 3 Nov 00:30 in Paris: counted on 3 Nov. Answered exactly at the
  // due time, Tue 18:00 Paris: met ("at or before"). 09:00–18:00 = 540 min.
  r6: row("premium", "2026-11-02T23:30:00.000Z", "2026-11-03T17:00:00.000Z", "2026-11-03T17:00:00.000Z"),
  // Free (no SLA): Thu 5 Nov 11:00 → 14:00:07 Paris = 180 min 7 s = 180.1167 min. Only in "all".
  r9: row("free", "2026-11-05T10:00:00.000Z", null, "2026-11-05T13:00:07.000Z"),
  // Mon 9 Nov 10:00 Paris, due Tue 10 Nov 10:00; answered Tue 11:15: late. Mon 480 + Tue 135 = 615 min.
  r11: row("premium", "2026-11-09T09:00:00.000Z", "2026-11-10T09:00:00.000Z", "2026-11-10T10:15:00.000Z"),
  // Tue 10 Nov 17:00 Paris; Wed 11 Nov is a holiday; answered Thu 12 Nov 09:30: 60 + 0 + 30 = 90 min.
  // Due (18 h): Tue 1 h + Thu 9 h + Fri 8 h → Fri 13 Nov 17:00 Paris. Met.
  r7: row("paying", "2026-11-10T16:00:00.000Z", "2026-11-13T16:00:00.000Z", "2026-11-12T08:30:00.000Z"),
  // Today 08:00 and 09:30 Paris, unanswered, not yet due (r8: Thu 9 h + Fri 9 h → Fri 18:00;
  // r10: Thu 09:30–18:00 8.5 h + Fri 0.5 h → Fri 09:30). Pending.
  r8: row("paying", "2026-11-12T07:00:00.000Z", "2026-11-13T17:00:00.000Z", null),
  r10: row("premium", "2026-11-12T08:30:00.000Z", "2026-11-13T08:30:00.000Z", null),
};
const receivedRows = Object.values(received);

/** Active requests; ages at now = Thu 12 Nov 09:00 UTC. */
const active: ActiveRequestRow[] = [
  { receivedAt: "2026-11-11T09:00:00.001Z", criticality: "critical" }, // 1 d − 1 ms → lt1d
  { receivedAt: "2026-11-11T09:00:00.000Z", criticality: null }, // exactly 1 d → 1to3d
  { receivedAt: "2026-11-09T09:00:00.001Z", criticality: "major" }, // 3 d − 1 ms → 1to3d
  { receivedAt: "2026-11-09T09:00:00.000Z", criticality: "minor" }, // exactly 3 d → 3to7d
  { receivedAt: "2026-11-05T09:00:00.000Z", criticality: null }, // exactly 7 d → gt7d
  { receivedAt: "2026-10-01T00:00:00.000Z", criticality: "critical" }, // 42 d → gt7d
  { receivedAt: "2026-11-12T08:59:00.000Z", criticality: null }, // 1 min → lt1d
];

describe("the fixture", () => {
  it("stores the due times the domain computes (so the data set is realistic)", () => {
    for (const r of receivedRows) {
      const due = firstResponseDueAt(r.tier, new Date(r.receivedAt));
      expect(due?.toISOString() ?? null, r.receivedAt).toBe(r.firstResponseDueAt);
    }
  });
});

describe("the window", () => {
  it("is the last 30 Paris calendar days including today, from local midnight", () => {
    const { dates, from } = dashboardWindow(now, 30);
    expect(dates).toHaveLength(30);
    expect(dates[0]).toBe("2026-10-14");
    expect(dates[29]).toBe("2026-11-12");
    // 14 Oct 00:00 Paris, summer time (UTC+2).
    expect(from.toISOString()).toBe("2026-10-13T22:00:00.000Z");
  });

  it("spans 90 days back to 15 Aug for 90", () => {
    // 12 Nov − 89 days: −12 → 31 Oct, −31 → 30 Sep, −30 → 31 Aug, −16 → 15 Aug (12+31+30+16 = 89).
    const { dates, from } = dashboardWindow(now, 90);
    expect(dates).toHaveLength(90);
    expect(dates[0]).toBe("2026-08-15");
    expect(from.toISOString()).toBe("2026-08-14T22:00:00.000Z");
  });

  it("takes today's Paris date, not UTC's: 23:30 UTC is already tomorrow in Paris", () => {
    // 12 Nov 23:30 UTC = 13 Nov 00:30 Paris (winter): the window ends 13 Nov, starts 15 Oct (summer).
    const { dates, from } = dashboardWindow(new Date("2026-11-12T23:30:00.000Z"), 30);
    expect(dates[29]).toBe("2026-11-13");
    expect(dates[0]).toBe("2026-10-15");
    expect(from.toISOString()).toBe("2026-10-14T22:00:00.000Z");
  });

  it("starts at local midnight in winter time across the spring change", () => {
    // 1 Apr 2026 12:00 Paris (summer); 30 days back: 3 Mar … 1 Apr; 3 Mar 00:00 Paris is UTC+1.
    const { dates, from } = dashboardWindow(new Date("2026-04-01T10:00:00.000Z"), 30);
    expect([dates[0], dates[29]]).toEqual(["2026-03-03", "2026-04-01"]);
    expect(from.toISOString()).toBe("2026-03-02T23:00:00.000Z");
  });

  it("finds an instant's day by its boundaries exactly as the domain's localDateOf does", () => {
    // Every 7 min 13.001 s across a 90-day window holding the autumn clock change, and the edges.
    const window = dashboardWindow(now, 90);
    const instants = [window.boundaries[0] as number, (window.boundaries[0] as number) - 1, now.getTime()];
    for (let t = (window.boundaries[0] as number) - 3_600_000; t < now.getTime() + 86_400_000; t += 433_001) {
      instants.push(t);
    }
    for (const t of instants) {
      const at = new Date(t);
      const index = dayIndex(window, at);
      const date = localDateOf(at);
      expect(index === -1 ? null : window.dates[index], at.toISOString()).toBe(
        window.dates.includes(date) ? date : null,
      );
    }
  });

  it("does civil date arithmetic and finds Mondays", () => {
    expect(addDays("2026-10-31", 1)).toBe("2026-11-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(mondayOf("2026-10-14")).toBe("2026-10-12"); // Wednesday
    expect(mondayOf("2026-10-12")).toBe("2026-10-12"); // Monday itself
    expect(mondayOf("2026-10-25")).toBe("2026-10-19"); // Sunday belongs to the week before
  });
});

describe("received per day and per week", () => {
  it("counts each request on its Paris date, around both clock changes", () => {
    const window = dashboardWindow(new Date("2026-04-01T10:00:00.000Z"), 30);
    const perDay = receivedPerDay(window, [
      { receivedAt: "2026-03-28T23:30:00.000Z" }, // Sun 29 Mar 00:30 Paris (still winter, UTC+1)
      { receivedAt: "2026-03-29T22:30:00.000Z" }, // Mon 30 Mar 00:30 Paris (summer, UTC+2)
      { receivedAt: "2026-03-29T21:59:59.999Z" }, // Sun 29 Mar 23:59:59.999 Paris
      { receivedAt: "2026-03-02T22:59:59.999Z" }, // Mon 2 Mar 23:59 Paris: before the window
    ]);
    const counts = Object.fromEntries(perDay.map((d) => [d.date, d.count]));
    expect(counts["2026-03-28"]).toBe(0);
    expect(counts["2026-03-29"]).toBe(2);
    expect(counts["2026-03-30"]).toBe(1);
    expect(perDay.reduce((sum, d) => sum + d.count, 0)).toBe(3);
  });

  it("lists every day of the window, zeros included, and weeks from Monday", () => {
    const figures = dashboardFigures({ now, days: 30, received: receivedRows, active: [] });
    expect(figures.receivedPerDay).toHaveLength(30);
    const nonZero = figures.receivedPerDay.filter((d) => d.count > 0);
    // r1 is before the window; r4 and r5 are both on Sunday 25 Oct (22:30 UTC, one in summer time,
    // one in winter time); r6 (23:30 UTC on 2 Nov) is on 3 Nov; r8 and r10 are today.
    expect(nonZero).toEqual([
      { date: "2026-10-14", count: 1 }, // r2
      { date: "2026-10-21", count: 1 }, // r3
      { date: "2026-10-25", count: 2 }, // r4, r5
      { date: "2026-10-29", count: 1 }, // r12
      { date: "2026-11-03", count: 1 }, // r6
      { date: "2026-11-05", count: 1 }, // r9
      { date: "2026-11-09", count: 1 }, // r11
      { date: "2026-11-10", count: 1 }, // r7
      { date: "2026-11-12", count: 2 }, // r8, r10
    ]);
    expect(figures.receivedPerDay[0]).toEqual({ date: "2026-10-14", count: 1 });
    expect(figures.receivedPerDay[1]).toEqual({ date: "2026-10-15", count: 0 });
    // Weeks: 12 Oct (only Wed 14–Sun 18 in the window): 1; 19 Oct: 21 Oct 1 + 25 Oct 2 = 3;
    // 26 Oct: 29 Oct 1; 2 Nov: 3 Nov 1 + 5 Nov 1 = 2; 9 Nov (Mon 9–Thu 12): 1 + 1 + 2 = 4. Total 11.
    expect(figures.receivedPerWeek).toEqual([
      { weekStart: "2026-10-12", count: 1 },
      { weekStart: "2026-10-19", count: 3 },
      { weekStart: "2026-10-26", count: 1 },
      { weekStart: "2026-11-02", count: 2 },
      { weekStart: "2026-11-09", count: 4 },
    ]);
  });

  it("over 90 days, has 14 weeks from Monday 10 Aug (15 Aug is a Saturday) to Monday 9 Nov", () => {
    // Mondays 10 Aug … 9 Nov: 91 days apart = 13 weeks later, so 14 weeks.
    const weeks = receivedPerWeek(receivedPerDay(dashboardWindow(now, 90), receivedRows));
    expect(weeks).toHaveLength(14);
    expect(weeks[0]).toEqual({ weekStart: "2026-08-10", count: 0 });
    expect(weeks[13]).toEqual({ weekStart: "2026-11-09", count: 4 });
    // r1 (13 Oct Paris) is inside a 90-day window: 11 + 1 = 12.
    expect(weeks.reduce((sum, w) => sum + w.count, 0)).toBe(12);
  });
});

describe("first-response SLA", () => {
  it("splits each tier into met, breached and pending over the window's requests", () => {
    const figures = dashboardFigures({ now, days: 30, received: receivedRows, active: [] });
    expect(figures.firstResponseSla).toEqual([
      // paying: r3 met, r4 breached (late), r7 met, r8 pending → 2 / (2 + 1) = 66.67 % → 66.7.
      { tier: "paying", total: 4, met: 2, breached: 1, pending: 1, metPercent: 66.7 },
      // premium: r2, r6 (at due time), r12 met; r5 (unanswered past due), r11 (late) breached;
      // r10 pending; r1 is outside the window → 3 / (3 + 2) = 60 %.
      { tier: "premium", total: 6, met: 3, breached: 2, pending: 1, metPercent: 60 },
    ]);
  });

  it("is met at the due time, breached one millisecond later, pending until then", () => {
    const due = "2026-11-12T09:00:00.000Z";
    const rows = [
      row("premium", "2026-11-11T09:00:00.000Z", due, due), // answered at due → met
      row("premium", "2026-11-11T09:00:00.000Z", due, "2026-11-12T09:00:00.001Z"), // 1 ms late → breached
      row("premium", "2026-11-11T09:00:00.000Z", due, null), // unanswered, now = due → pending
    ];
    expect(firstResponseSla(rows, now)[1]).toEqual({
      tier: "premium",
      total: 3,
      met: 1,
      breached: 1,
      pending: 1,
      metPercent: 50, // 1 / (1 + 1)
    });
    // 1 ms later, the unanswered one is breached too: 1 / (1 + 2) = 33.33 % → 33.3.
    expect(firstResponseSla(rows, new Date("2026-11-12T09:00:00.001Z"))[1]).toMatchObject({
      met: 1,
      breached: 2,
      pending: 0,
      metPercent: 33.3,
    });
  });

  it("gives null when nothing is decided, and rounds halves up to one decimal", () => {
    const pending = [row("paying", "2026-11-12T08:00:00.000Z", "2026-11-13T17:00:00.000Z", null)];
    expect(firstResponseSla(pending, now)[0]).toEqual({
      tier: "paying",
      total: 1,
      met: 0,
      breached: 0,
      pending: 1,
      metPercent: null,
    });
    expect(firstResponseSla([], now)).toEqual([
      { tier: "paying", total: 0, met: 0, breached: 0, pending: 0, metPercent: null },
      { tier: "premium", total: 0, met: 0, breached: 0, pending: 0, metPercent: null },
    ]);
    // 1 met, 15 breached: 1 / 16 = 6.25 % → 6.3.
    const due = "2026-11-10T09:00:00.000Z";
    const rows = [
      row("paying", "2026-11-09T09:00:00.000Z", due, due),
      ...Array.from({ length: 15 }, () => row("paying", "2026-11-09T09:00:00.000Z", due, null)),
    ];
    expect(firstResponseSla(rows, now)[0]?.metPercent).toBe(6.3);
  });
});

describe("median business time to first response", () => {
  it("takes the middle value, or the mean of the two middle ones", () => {
    expect(median([])).toBeNull();
    expect(median([5])).toBe(5);
    expect(median([3, 1, 2])).toBe(2);
    const values = [4, 1, 3, 2];
    expect(median(values)).toBe(2.5); // (2 + 3) / 2
    expect(values).toEqual([4, 1, 3, 2]); // not sorted in place
  });

  it("per tier and overall, over the window's answered requests, to one decimal", () => {
    const figures = dashboardFigures({ now, days: 30, received: receivedRows, active: [] });
    expect(figures.medianFirstResponseBusinessMinutes).toEqual({
      // paying answered: r7 90, r3 600, r4 1080 → 600.
      paying: 600,
      // premium answered: r12 7.5, r2 30, r6 540, r11 615 → (30 + 540) / 2 = 285 (r1 is outside).
      premium: 285,
      // all: 7.5, 30, 90, 180.1167 (r9, free), 540, 600, 615, 1080 → (180.1167 + 540) / 2 = 360.058 → 360.1.
      all: 360.1,
    });
  });

  it("is null when nothing was answered, and counts no business time on a holiday or weekend", () => {
    expect(medianFirstResponseBusinessMinutes([received.r8, received.r10])).toEqual({
      paying: null,
      premium: null,
      all: null,
    });
    // Sat 7 Nov 10:00 → Mon 9 Nov 09:30 Paris: 30 min; Tue 10 Nov 17:30 → Thu 12 Nov 09:15: 30 + 15 = 45.
    expect(
      medianFirstResponseBusinessMinutes([
        row("premium", "2026-11-07T09:00:00.000Z", null, "2026-11-09T08:30:00.000Z"),
        row("premium", "2026-11-10T16:30:00.000Z", null, "2026-11-12T08:15:00.000Z"),
      ]).premium,
    ).toBe(37.5); // (30 + 45) / 2
  });
});

describe("backlog", () => {
  it("buckets active requests by age ([0,1d), [1d,3d), [3d,7d), [7d,∞)) and by criticality", () => {
    expect(backlog(active, now)).toEqual({
      byAge: [
        { bucket: "lt1d", count: 2 }, // 1 d − 1 ms, 1 min
        { bucket: "1to3d", count: 2 }, // exactly 1 d, 3 d − 1 ms
        { bucket: "3to7d", count: 1 }, // exactly 3 d
        { bucket: "gt7d", count: 2 }, // exactly 7 d, 42 d
      ],
      byCriticality: [
        { criticality: "critical", count: 2 },
        { criticality: "major", count: 1 },
        { criticality: "minor", count: 1 },
        { criticality: "unclassified", count: 3 },
      ],
      total: 7,
    });
  });

  it("measures age in elapsed time, so a 7-day-old request across the autumn change is 7 d + 1 h", () => {
    // Sat 24 Oct 10:00 Paris (summer) → Sat 31 Oct 10:00 Paris (winter) is 7 d + 1 h of elapsed time.
    expect(ageBucket(new Date("2026-10-24T08:00:00.000Z"), new Date("2026-10-31T09:00:00.000Z"))).toBe(
      "gt7d",
    );
    // 6 d 23 h 59 min 59.999 s → 3to7d.
    expect(ageBucket(new Date("2026-10-24T09:00:00.001Z"), new Date("2026-10-31T09:00:00.000Z"))).toBe(
      "3to7d",
    );
  });

  it("is all zeros without active requests", () => {
    const empty = backlog([], now);
    expect(empty.total).toBe(0);
    expect(empty.byAge.map((b) => b.count)).toEqual([0, 0, 0, 0]);
    expect(empty.byCriticality.map((c) => c.count)).toEqual([0, 0, 0, 0]);
  });
});

describe("dashboardFigures", () => {
  it("puts it all together with when and over how many days", () => {
    const figures = dashboardFigures({ now, days: 30, received: receivedRows, active });
    expect(figures.generatedAt).toBe("2026-11-12T09:00:00.000Z");
    expect(figures.days).toBe(30);
    expect(figures.backlog.total).toBe(7);
  });
});
