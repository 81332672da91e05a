/** A panel that confirms something happened (a submitted application) or says what to do next. */
export function Notice({ tone = "info", title, children }: { tone?: "info" | "success"; title: React.ReactNode; children?: React.ReactNode }) {
  const colours = tone === "success" ? "bg-go text-white" : "border-l-8 border-brand bg-panel";
  return (
    <div role={tone === "success" ? "status" : undefined} className={`mb-8 p-5 ${colours}`}>
      <h2 className="text-2xl font-bold">{title}</h2>
      {children ? <div className="mt-2">{children}</div> : null}
    </div>
  );
}
