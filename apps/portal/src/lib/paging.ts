/** Offset paging of the administration's lists: `?page=N` in the URL, previous / next links. */

/**
 * The offset of the page asked for (`?page=`, 1-based; anything else is page 1).
 * @example pageOffset(new URLSearchParams("page=3"), 25) // 50
 */
export function pageOffset(params: URLSearchParams, limit: number): number {
  const page = Number(params.get("page"));
  return Number.isInteger(page) && page > 1 && page <= 10_000 ? (page - 1) * limit : 0;
}

/**
 * Links to the previous and next pages (null when there is none), keeping the filters.
 * @example pagerUrls("/admin/users", { q: "anne" }, 0, 25, 60).next // "/admin/users?q=anne&page=2"
 */
export function pagerUrls(
  path: string,
  filters: Readonly<Record<string, string | undefined>>,
  offset: number,
  limit: number,
  total: number,
): { previous: string | null; next: string | null } {
  const url = (page: number) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
    if (page > 1) params.set("page", String(page));
    const query = params.toString();
    return query ? `${path}?${query}` : path;
  };
  const page = Math.floor(offset / limit) + 1;
  return {
    previous: page > 1 ? url(page - 1) : null,
    next: offset + limit < total ? url(page + 1) : null,
  };
}
