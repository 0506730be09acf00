/** Which ways of reaching support each tier includes, derived from the domain's entitlements. */
import { type ChannelId, entitlements, openableCategories, type TierId } from "@cirrus/domain";

/** A way to get help: the online help center, or a channel to reach an agent. */
export type SupportChannel = "online-help" | ChannelId;

/**
 * The channels of a tier: online help when included, the portal when the tier may open requests,
 * e-mail when e-mail support is included.
 * @example tierChannels("free") // ["online-help"]
 * @example tierChannels("premium") // ["online-help", "portal", "email"]
 */
export function tierChannels(tier: TierId): SupportChannel[] {
  const rights = entitlements(tier);
  const list: SupportChannel[] = [];
  if (rights["online-help"] === "included") list.push("online-help");
  if (openableCategories(tier, []).length > 0) list.push("portal");
  if (rights["email-support"] === "included") list.push("email");
  return list;
}
