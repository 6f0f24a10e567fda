import { Fragment } from "react";

// The document's descriptions use a little Markdown: `code`, **bold**, [links](/x) and blank-line
// paragraphs. They are turned into elements here, never into HTML strings.
const TOKEN = /(`[^`]+`|\*\*[^*]+\*\*|\[[^\]]+\]\([^)\s]+\))/g;

function inline(text: string) {
  return text.split(TOKEN).map((part, i) => {
    if (part.startsWith("`") && part.endsWith("`")) return <code key={i} className="rounded bg-slate-100 px-1 py-0.5 font-mono text-[0.85em] text-slate-800">{part.slice(1, -1)}</code>;
    if (part.startsWith("**") && part.endsWith("**")) return <strong key={i} className="font-semibold text-slate-900">{part.slice(2, -2)}</strong>;
    const link = /^\[([^\]]+)\]\(([^)\s]+)\)$/.exec(part);
    if (link) {
      const safe = /^(https?:\/\/|\/|#)/.test(link[2]) ? link[2] : "#";
      return <a key={i} href={safe} className="font-medium text-brand hover:underline">{link[1]}</a>;
    }
    return <Fragment key={i}>{part}</Fragment>;
  });
}

/** Renders a description's paragraphs with inline code, bold and links. */
export function InlineText({ text, className = "" }: { text: string; className?: string }) {
  const paragraphs = text.split(/\n\s*\n/).filter((p) => p.trim() !== "");
  return (
    <div className={`space-y-2 ${className}`}>
      {paragraphs.map((p, i) => <p key={i}>{inline(p.replace(/\n/g, " "))}</p>)}
    </div>
  );
}
