/** A readable name for a session's browser, from its User-Agent (best effort; unknown stays unknown). */

const browsers: Array<[RegExp, string]> = [
  [/Edg(e|A|iOS)?\//, "Edge"],
  [/OPR\//, "Opera"],
  [/Firefox\/|FxiOS\//, "Firefox"],
  [/(Headless)?Chrome\/|CriOS\/|Chromium\//, "Chrome"],
  [/Safari\//, "Safari"],
];
const systems: Array<[RegExp, string]> = [
  [/Android/, "Android"],
  [/iPhone|iPad|iPod/, "iOS"],
  [/Windows/, "Windows"],
  [/Mac OS X|Macintosh/, "macOS"],
  [/CrOS/, "ChromeOS"],
  [/Linux/, "Linux"],
];

/**
 * Browser and operating system of a User-Agent, or null when neither is recognized.
 * @example describeUserAgent("Mozilla/5.0 (X11; Linux x86_64) … Chrome/156.0 Safari/537.36") // { browser: "Chrome", os: "Linux" }
 */
export function describeUserAgent(userAgent: string | null): { browser: string; os: string } | null {
  if (!userAgent) return null;
  const browser = browsers.find(([re]) => re.test(userAgent))?.[1];
  const os = systems.find(([re]) => re.test(userAgent))?.[1];
  if (!browser && !os) return null;
  return { browser: browser ?? "?", os: os ?? "?" };
}
