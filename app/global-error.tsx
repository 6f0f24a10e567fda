"use client";

export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", padding: 40 }}>
        <h1>Shelfwatch could not load this page</h1>
        <p>{error.digest ? `Reference ${error.digest}.` : "An unexpected error occurred."}</p>
        <button onClick={reset}>Try again</button>
      </body>
    </html>
  );
}
