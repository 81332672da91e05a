export function PageHeading({ caption, children }: { caption?: React.ReactNode; children: React.ReactNode }) {
  return (
    <div className="mb-6">
      {caption ? <p className="mb-1 text-lg text-muted">{caption}</p> : null}
      <h1 className="text-3xl font-bold leading-tight sm:text-4xl">{children}</h1>
    </div>
  );
}
