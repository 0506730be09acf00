/** Staff administration: organizations (tier, add-ons), users and invitations. */
import { createRouter } from "../router.ts";

export function adminRoutes() {
  return createRouter();
}
