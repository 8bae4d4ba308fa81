/** The languages the product speaks: Chinese by default, English when Office runs in English. */
export type Locale = "zh-CN" | "en-US";

export const LOCALES: readonly Locale[] = ["zh-CN", "en-US"];

/** The locale for a display language tag ("en-US", "en-GB", "zh-CN", "zh-TW", undefined…). */
export function selectLocale(displayLanguage: string | undefined | null): Locale {
  return typeof displayLanguage === "string" && /^en\b/iu.test(displayLanguage) ? "en-US" : "zh-CN";
}
