// English suggestion index of the search box (/en/search/suggestions.json), see src/lib/suggestion-index.ts.
import type { APIRoute } from "astro";
import { suggestionResponse } from "../../../lib/suggestion-index.ts";

export const GET: APIRoute = () => suggestionResponse("en");
