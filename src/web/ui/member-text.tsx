/**
 * Text a member wrote (a narrative, a reply, a joint statement), shown as written: each paragraph takes its own
 * direction from its first strong letter (dir="auto"), so a Pashto paragraph reads right to left on an English page
 * and an English one left to right on a Dari page. `lang` is set when the text's language is known.
 */
export function MemberText({ text, lang, class: cls = 'prose', quote = false }: { text: string; lang?: string; class?: string; quote?: boolean }) {
  const paragraphs = text.split(/\n\s*\n/).filter((p) => p.trim() !== '');
  const Tag = quote ? 'blockquote' : 'div';
  return (
    <Tag class={cls} lang={lang}>
      {paragraphs.map((p, i) => (
        <p key={i} dir="auto">
          {p}
        </p>
      ))}
    </Tag>
  );
}
