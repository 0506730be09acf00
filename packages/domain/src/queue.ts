/** The agent queue's order ("support prioritaire"). */
import { type CriticalityId, criticalityRank } from "./criticality.ts";
import type { TierId } from "./tiers.ts";

/** What the queue order reads from a request. */
export interface QueueEntry {
  /** Tier fixed at receipt. */
  readonly tier: TierId;
  readonly criticality: CriticalityId | null;
  /** The running due time: the first-response due time until answered (null: nothing due). */
  readonly dueAt: Date | null;
  readonly receivedAt: Date;
}

const tierRank: Readonly<Record<TierId, number>> = { premium: 0, paying: 1, free: 2 };

/**
 * Queue comparator: Premium before Paying, then criticality (critical, major, minor, unclassified),
 * then earliest due time (nothing due last), then oldest. Use with `Array.prototype.sort`.
 * @example requests.sort(compareQueue)
 */
export function compareQueue(a: QueueEntry, b: QueueEntry): number {
  return (
    tierRank[a.tier] - tierRank[b.tier] ||
    criticalityRank(a.criticality) - criticalityRank(b.criticality) ||
    (a.dueAt?.getTime() ?? Number.POSITIVE_INFINITY) - (b.dueAt?.getTime() ?? Number.POSITIVE_INFINITY) ||
    a.receivedAt.getTime() - b.receivedAt.getTime()
  );
}

/**
 * Rank of a tier in the queue, for SQL `ORDER BY` (0 comes first).
 * @example queueTierRank("premium") // 0
 */
export function queueTierRank(tier: TierId): number {
  return tierRank[tier];
}
