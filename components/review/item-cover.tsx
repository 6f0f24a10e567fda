"use client";

import { AudioLines, BookOpen, Disc3, ListMusic, Mic, Music, User, type LucideIcon } from "lucide-react";
import { useState } from "react";
import { safeImageUrl } from "@/lib/review/image-url";

const ICONS: Record<string, LucideIcon> = { podcast: Mic, episode: AudioLines, playlist: ListMusic, album: Disc3, artist: User, track: Music, audiobook: BookOpen };

/**
 * An item's cover: the image only when its URL is https: (checked again here, whatever the server
 * sent), otherwise, or when it fails to load, a placeholder with the item type's icon.
 */
export function ItemCover({ url, type, size = "size-10" }: { url: string | null; type: string; size?: string }) {
  const [failed, setFailed] = useState(false);
  const src = safeImageUrl(url);
  const Icon = ICONS[type] ?? Music;
  if (src && !failed) {
    // A plain <img>: covers come from any https host, so next/image's allow-list does not fit.
    // eslint-disable-next-line @next/next/no-img-element
    return <img src={src} alt="" loading="lazy" referrerPolicy="no-referrer" onError={() => setFailed(true)} className={`${size} shrink-0 rounded object-cover ring-1 ring-slate-200`} />;
  }
  return (
    <span aria-hidden data-testid="cover-placeholder" className={`${size} grid shrink-0 place-items-center rounded bg-gradient-to-br from-slate-100 to-slate-200 text-slate-500 ring-1 ring-slate-200`}>
      <Icon className="size-4" />
    </span>
  );
}
