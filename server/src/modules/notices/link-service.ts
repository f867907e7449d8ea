/** The notices' variables and links: where the public pages are reached from outside, set from the configuration. */

export type NoticeVars = Record<string, string | number | null | undefined>;

let publicBaseUrl = 'http://localhost:3000';
/** Where the progress page is reached from outside, for `{progressUrl}` (set from the configuration at start). */
export function setNoticeBaseUrl(url: string) {
  publicBaseUrl = url.replace(/\/+$/, '');
}

/** A public page's address as the applicant reaches it from outside (a link sent in a notice). */
export const publicLink = (path: string) => `${publicBaseUrl}${path}`;
