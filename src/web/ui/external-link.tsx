import type { ComponentChildren } from 'preact';

/**
 * The URL itself if it is an absolute http(s) URL, else null. Links in records and candidates come from signers
 * and from ingested pages: a `javascript:` or `data:` URL must never become a link.
 * @example webUrl('javascript:alert(1)') // null
 */
export function webUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** A link to another site when the URL is http(s); otherwise the children as plain text. */
export function ExternalLink({ url, children }: { url: string | null | undefined; children: ComponentChildren }) {
  const href = webUrl(url);
  return href ? (
    <a href={href} rel="noopener noreferrer nofollow" target="_blank">
      {children}
    </a>
  ) : (
    <span>{children}</span>
  );
}
